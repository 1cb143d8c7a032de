"""Train and cross-validate the learned action-point model (`nethub/meetings/extract/learned.py`).

Training documents: the summaries written here (fixtures and synthetic sets of
bench/meetings_gold.json) and the real minutes' dev part (bench/meetings_real.json, texts in
NETHUB_REAL_MINUTES_DIR); the held-out part of the last round is never read. A segment is an
action point when it matches a gold action point by the bench's own rule (`ap_matches`).

    .venv/bin/python bench/action_model.py cv      # document-grouped cross-validation
    .venv/bin/python bench/action_model.py train   # writes data/action_model_r11.json
    .venv/bin/python bench/action_model.py features  # hashed words vs sentence embeddings
    .venv/bin/python bench/action_model.py variants-cv # first-stage variants side by side

`cv` trains one model per fold without that fold's documents and scores the fold's documents
with the whole extractor, with and without the model, for several thresholds, alone and
averaged with the members stored from earlier rounds (`learned.Ensemble`: a round's texts do not
stay, so its model is kept beside the next rounds' instead of retrained with them); real and
written documents are reported apart (the real ones are what counts). The last line is
key=value.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction as bench  # noqa: E402  (sets Django up)
import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from nethub.ingest.extract import extract_text  # noqa: E402
from nethub.meetings.extract import learned  # noqa: E402
from nethub.meetings.extract import segments as s  # noqa: E402
from nethub.meetings.extract.assemble import _without_markup  # noqa: E402
from nethub.meetings.extract.classifier import (  # noqa: E402
    OVERRIDABLE,
    _lists_its_actions,
    _open_to_model,
)
from nethub.meetings.extract.rules import label_segments  # noqa: E402

THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)
# Real minutes are fewer than the summaries written here and are what the model is for.
REAL_WEIGHT = 3.0
FOLDS = 5


def documents(heldout_round: int | None = None) -> list[dict]:
    """Training documents; the held-out part of `heldout_round` (default the last round) is
    left out, earlier rounds' held-out parts are dev."""
    sets = bench.load_sets(heldout_round=heldout_round)
    docs = []
    for name in ("fixtures", "synthetic", "real_dev"):
        for doc in sets[name]:
            doc["real"] = name == "real_dev"
            doc["text"] = extract_text(doc["path"].read_bytes(), filename=doc["path"].name).text
            docs.append(doc)
    return docs


def rows(doc: dict) -> tuple[s.LabelledDocument, list[dict[int, float]], list[int]]:
    """The document's segments as the rules leave them (before the classifier), their hashed
    features, and whether each is a gold action point."""
    document = s.segment(_without_markup(doc["text"]))
    label_segments(document)
    features = [learned.hashed(f) for f in learned.document_features(document)]
    golds = [g["text"] for g in doc["action_points"]]
    labels = [
        int(any(bench.ap_matches(g, seg.text, doc["fuzzy"]) for g in golds))
        for seg in document.segments
    ]
    return document, features, labels


def sparse(features: list[dict[int, float]]) -> csr_matrix:
    """Hashed rows as one sparse matrix of BUCKETS columns."""
    indptr, indices, values = [0], [], []
    for row in features:
        indices += list(row)
        values += list(row.values())
        indptr.append(len(indices))
    return csr_matrix(
        (np.array(values), np.array(indices), np.array(indptr)),
        shape=(len(features), learned.BUCKETS),
    )


def fit_linear(docs: list[dict], rows_of, threshold: float, max_iter: int = 2000):
    """A logistic regression over the documents' hashed rows (`rows_of(doc)` gives them and
    their labels), real minutes weighted REAL_WEIGHT; the action and participant models both."""
    features, labels, weights = [], [], []
    for doc in docs:
        f, y = rows_of(doc)
        features += f
        labels += y
        weights += [REAL_WEIGHT if doc["real"] else 1.0] * len(y)
    classifier = LogisticRegression(C=0.5, max_iter=max_iter, class_weight={0: 1, 1: 2})
    classifier.fit(sparse(features), np.array(labels), sample_weight=np.array(weights))
    coefficients = {int(i): float(w) for i, w in enumerate(classifier.coef_[0]) if w}
    return learned.LinearModel(float(classifier.intercept_[0]), coefficients, threshold)


def fit(docs: list[dict], threshold: float = 0.5) -> learned.LinearModel:
    return fit_linear(docs, lambda doc: rows(doc)[1:], threshold)


def scored(docs: list[dict], candidate, resolver) -> dict:
    totals: dict[str, int] = {}
    with learned.using(candidate):
        for doc in docs:
            meeting = bench.extract_meeting(doc["text"], resolver=resolver)
            for key, value in bench.score(doc, meeting).items():
                totals[key] = totals.get(key, 0) + value
    zero = {f"{f}_{k}": 0 for f in bench.FIELDS for k in ("tp", "pred", "gold")}
    return bench.figures({**zero, **totals})


def cross_validate(docs: list[dict], resolver, earlier) -> None:
    """`earlier`: the members trained on earlier rounds (never on these documents); each fold's
    model is scored alone and averaged with them."""
    order = list(range(len(docs)))
    random.Random(10).shuffle(order)
    folds = [[docs[i] for i in order[k::FOLDS]] for k in range(FOLDS)]
    results: dict[str, dict[str, list[dict]]] = {}
    for k, fold in enumerate(folds):
        train = [d for j, other in enumerate(folds) if j != k for d in other]
        fold_model = fit(train)
        for kind in ("real", "written"):
            part = [d for d in fold if d["real"] == (kind == "real")]
            if not part:
                continue
            by = results.setdefault(kind, {})
            by.setdefault("none", []).append(scored(part, None, resolver))
            if earlier:
                by.setdefault("earlier", []).append(
                    scored(part, learned.Ensemble(earlier), resolver)
                )
            for t in THRESHOLDS:
                candidate = learned.LinearModel(fold_model.bias, fold_model.weights, t)
                by.setdefault(str(t), []).append(scored(part, candidate, resolver))
                if earlier:
                    both = learned.Ensemble((*earlier, candidate))
                    by.setdefault(f"ens{t}", []).append(scored(part, both, resolver))
        print(f"  fold {k + 1}/{FOLDS} done", flush=True)
    line = {}
    for kind, by in results.items():
        print(f"[{kind}] pooled over folds (F1 of action points / owners / due dates; P/R)")
        for setting, runs in by.items():
            ap = _mean(runs, "ap_f1")
            print(
                f"   model={setting:<7} ap={ap:.3f} (P={_mean(runs, 'ap_p'):.3f} "
                f"R={_mean(runs, 'ap_r'):.3f}) owner={_mean(runs, 'owner_f1'):.3f} "
                f"due={_mean(runs, 'due_f1'):.3f}"
            )
            line[f"{kind}_{setting}_ap_f1"] = ap
    print(" ".join(f"{k}={v:.3f}" for k, v in line.items()))


def _mean(runs: list[dict], key: str) -> float:
    return sum(r[key] for r in runs) / len(runs)


def member_file(member: str) -> Path:
    return learned.MODEL.with_name(f"action_model_{member}.json") if member else learned.MODEL


def save(model: learned.LinearModel, path: Path, docs: list[dict], counted: str, by: str) -> None:
    """Write a trained model with what it was trained on (counts only, no text)."""
    about = {
        "trained": datetime.date.today().isoformat(),
        "documents_real": sum(d["real"] for d in docs),
        "documents_written": sum(not d["real"] for d in docs),
        counted: sum(len(d[counted]) for d in docs),
        "by": by,
    }
    path.write_text(model.to_json(about), encoding="utf-8")
    print(f"wrote {path} ({len(model.weights)} weights, threshold {model.threshold})")


def train(docs: list[dict], threshold: float, member: str) -> None:
    final = fit(docs, threshold)
    save(final, member_file(member), docs, "action_points", "bench/action_model.py train")


def compare_features(docs: list[dict]) -> None:
    """Segment-level cross-validation (same folds) of three feature sets on the segments the
    model may label in real minutes: hashed words and shapes (the stored model's), sentence
    embeddings (all-MiniLM-L6-v2, as search uses), and both. Average precision and the best F1
    over thresholds; an experiment for the next design, not used by extraction."""
    from scipy.sparse import hstack
    from sklearn.metrics import average_precision_score, precision_recall_curve

    from nethub.search.embeddings import encode

    order = list(range(len(docs)))
    random.Random(10).shuffle(order)
    fold_of = {order[i]: i % FOLDS for i in range(len(docs))}
    rows_, labels, groups, open_, texts = [], [], [], [], []
    for index, doc in enumerate(docs):
        document, features, y = rows(doc)
        rows_ += features
        labels += y
        groups += [index] * len(y)
        open_ += [doc["real"] and (not g.rule or g.rule in OVERRIDABLE) for g in document.segments]
        texts += [seg.text for seg in document.segments]
    hashed_matrix = sparse(rows_)
    vectors = csr_matrix(encode(texts))
    y, groups, open_ = np.array(labels), np.array(groups), np.array(open_)
    weights = np.array([REAL_WEIGHT if docs[g]["real"] else 1.0 for g in groups])
    folds = np.array([fold_of[g] for g in groups])
    line = {}
    for name, matrix in (
        ("hashed", hashed_matrix),
        ("embeddings", vectors),
        ("both", hstack([hashed_matrix, vectors]).tocsr()),
    ):
        scores = np.zeros(len(y))
        for k in range(FOLDS):
            train, test = folds != k, folds == k
            model = LogisticRegression(C=0.5, max_iter=3000, class_weight={0: 1, 1: 2})
            model.fit(matrix[train], y[train], sample_weight=weights[train])
            scores[test] = model.predict_proba(matrix[test])[:, 1]
        precision, recall, _ = precision_recall_curve(y[open_], scores[open_])
        f1 = np.max(2 * precision * recall / np.maximum(precision + recall, 1e-9))
        ap = average_precision_score(y[open_], scores[open_])
        print(f"   {name:<10} average precision={ap:.3f} best F1={f1:.3f}")
        line[f"{name}_ap"], line[f"{name}_f1"] = ap, f1
    print(
        f"   ({int(open_.sum())} segments the model may label, {int(y[open_].sum())} of them tasks)"
    )
    print(" ".join(f"{k}={v:.3f}" for k, v in line.items()))


# --- variants of the first stage, cross-validated side by side (an experiment) ----------------


def _context_rows(document: s.LabelledDocument) -> list[dict[int, float]]:
    """Each segment's features with the words of the segments before and after it."""
    plain = learned.document_features(document)
    out = []
    for i, row in enumerate(plain):
        extra = []
        for tag, j in (("p", i - 1), ("n", i + 1)):
            if 0 <= j < len(plain):
                extra += [
                    f"{tag}:{f}" for f in plain[j] if f.startswith(("w=", "first0=", "shape="))
                ]
        out.append(learned.hashed(row + extra))
    return out


@dataclass(frozen=True)
class _ContextModel(learned.LinearModel):
    def probabilities(self, document, wanted=None):
        rows_ = _context_rows(document)
        return [
            self.probability(row) if wanted is None or wanted(seg) else None
            for seg, row in zip(document.segments, rows_, strict=True)
        ]


def variants_cross_validate(docs: list[dict], resolver) -> None:
    """The stored first stage ("all": every segment, its own features) against one trained on
    the segments it may label only ("open") and one that also reads its neighbours' words
    ("context"), in the same document folds as `cv`. Dev, 419 real minutes (round 22's
    session): all 0.596, open 0.580, context 0.597 at 0.6, against 0.541 without a model."""
    parsed = {id(doc): rows(doc) for doc in docs}
    context = {id(d): _context_rows(parsed[id(d)][0]) for d in docs}

    def open_rows(rows_by):
        def rows_of(doc):
            document, _, labels = parsed[id(doc)]
            if _lists_its_actions(document):
                return [], []
            keep = [i for i, seg in enumerate(document.segments) if _open_to_model(seg)]
            return [rows_by(doc)[i] for i in keep], [labels[i] for i in keep]

        return rows_of

    variants = {
        "all": (lambda doc: parsed[id(doc)][1:], learned.LinearModel),
        "open": (open_rows(lambda doc: parsed[id(doc)][1]), learned.LinearModel),
        "context": (lambda doc: (context[id(doc)], parsed[id(doc)][2]), _ContextModel),
        "open_context": (open_rows(lambda doc: context[id(doc)]), _ContextModel),
    }
    order = list(range(len(docs)))
    random.Random(10).shuffle(order)
    folds = [[docs[i] for i in order[k::FOLDS]] for k in range(FOLDS)]
    results: dict[str, list[dict]] = {}
    for k, fold in enumerate(folds):
        train = [d for j, other in enumerate(folds) if j != k for d in other]
        real = [d for d in fold if d["real"]]
        results.setdefault("none", []).append(scored(real, None, resolver))
        for name, (rows_of, kind) in variants.items():
            model = fit_linear(train, rows_of, 0.5)
            for t in THRESHOLDS[:4]:
                candidate = kind(model.bias, model.weights, t)
                results.setdefault(f"{name}{t}", []).append(scored(real, candidate, resolver))
        print(f"  fold {k + 1}/{FOLDS} done", flush=True)
    for setting, runs in results.items():
        print(
            f"   model={setting:<16} ap={_mean(runs, 'ap_f1'):.3f} (P={_mean(runs, 'ap_p'):.3f} "
            f"R={_mean(runs, 'ap_r'):.3f}) owner={_mean(runs, 'owner_f1'):.3f}"
        )
    print(" ".join(f"{k}={_mean(v, 'ap_f1'):.3f}" for k, v in results.items()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("cv", "train", "features", "variants-cv"))
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument(
        "--member",
        default="r11",
        help="the ensemble member this round trains (data/action_model_<member>.json; '' for "
        "round 10's data/action_model.json); cv averages the fold's model with the others",
    )
    parser.add_argument(
        "--heldout-round", type=int, help="the round still held out (default the last one)"
    )
    args = parser.parse_args()
    resolver = bench.OrganizationResolver.from_reference_data()
    docs = documents(args.heldout_round)
    print(f"{sum(d['real'] for d in docs)} real and {sum(not d['real'] for d in docs)} written")
    if args.command == "cv":
        others = [p for p in learned.member_files() if p != member_file(args.member)]
        earlier = tuple(learned.LinearModel.from_json(p.read_text()) for p in others)
        print(f"earlier members: {[p.name for p in others]}")
        cross_validate(docs, resolver, earlier)
    elif args.command == "features":
        compare_features(docs)
    elif args.command == "variants-cv":
        variants_cross_validate(docs, resolver)
    else:
        train(docs, args.threshold, args.member)


if __name__ == "__main__":
    main()
