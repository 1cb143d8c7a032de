"""Train and cross-validate the learned participant reader (`nethub/meetings/extract/people/
learned.py`).

Training documents are those of `bench/action_model.py` (the summaries written here and the
real minutes' dev part; the last round's held-out part is never read). A candidate is a
participant when its key (`extraction.person_key`) is a gold participant's, the bench's own
rule. The rules' reading (participants and people mentioned) is taken with the reader off.

    .venv/bin/python bench/people_model.py cv      # document-grouped cross-validation
    .venv/bin/python bench/people_model.py train --threshold 0.8

`cv` trains one model per fold without that fold's documents and scores the fold's documents
with the whole extractor, without the reader and with it at several thresholds; real and
written documents are reported apart. The last line is key=value.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import action_model  # noqa: E402  (sets Django up)
import extraction as bench  # noqa: E402

from nethub.meetings.extract import learned  # noqa: E402
from nethub.meetings.extract.people import learned as people_learned  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
FOLDS = 5


def rows(doc: dict, resolver) -> tuple[list[dict[int, float]], list[int]]:
    if "people_rows" not in doc:
        with people_learned.using(None):
            meeting = bench.extract_meeting(doc["text"], resolver=resolver)
        text = action_model._without_markup(doc["text"])
        gold = {bench.person_key(n) for n in doc["participants"]}
        found = people_learned.document_rows(
            text, meeting.participants, meeting.mentioned, resolver
        )
        doc["people_rows"] = (
            [learned.hashed(f) for _, f in found],
            [int(bench.person_key(c.text) in gold) for c, _ in found],
        )
    return doc["people_rows"]


def fit(docs: list[dict], resolver, threshold: float = 0.5) -> learned.LinearModel:
    return action_model.fit_linear(docs, lambda doc: rows(doc, resolver), threshold, 3000)


def cross_validate(docs: list[dict], resolver) -> None:
    order = list(range(len(docs)))
    random.Random(11).shuffle(order)
    folds = [[docs[i] for i in order[k::FOLDS]] for k in range(FOLDS)]
    pooled: dict[str, dict[str, dict[str, int]]] = {}
    for k, fold in enumerate(folds):
        train = [d for j, other in enumerate(folds) if j != k for d in other]
        fold_model = fit(train, resolver)
        for kind in ("real", "written"):
            part = [d for d in fold if d["real"] == (kind == "real")]
            settings = {"none": None} | {
                str(t): learned.LinearModel(fold_model.bias, fold_model.weights, t)
                for t in THRESHOLDS
            }
            for name, candidate in settings.items():
                counts = pooled.setdefault(kind, {}).setdefault(name, {})
                for key, value in _counts(part, candidate, resolver).items():
                    counts[key] = counts.get(key, 0) + value
        print(f"  fold {k + 1}/{FOLDS} done", flush=True)
    line = {}
    for kind, by in pooled.items():
        print(f"[{kind}] pooled over folds: participants F1 (P/R)")
        for name, counts in by.items():
            tp, pred, gold = counts["tp"], counts["pred"], counts["gold"]
            p, r = (tp / pred if pred else 1.0), (tp / gold if gold else 1.0)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"   model={name:<9} participants={f1:.3f} (P={p:.3f} R={r:.3f})")
            line[f"{kind}_{name}_participant_f1"] = f1
    print(" ".join(f"{k}={v:.3f}" for k, v in line.items()))


def _counts(docs: list[dict], candidate, resolver) -> dict[str, int]:
    counts = {"tp": 0, "pred": 0, "gold": 0}
    with people_learned.using(candidate):
        for doc in docs:
            meeting = bench.extract_meeting(doc["text"], resolver=resolver)
            score = bench.score(doc, meeting)
            for key in counts:
                counts[key] += score[f"participant_{key}"]
    return counts


def train(docs: list[dict], resolver, threshold: float) -> None:
    final = fit(docs, resolver, threshold)
    action_model.save(
        final, people_learned.MODEL, docs, "participants", "bench/people_model.py train"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("cv", "train"))
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument(
        "--heldout-round", type=int, help="the round still held out (default the last one)"
    )
    args = parser.parse_args()
    resolver = bench.OrganizationResolver.from_reference_data()
    docs = action_model.documents(args.heldout_round)
    print(f"{sum(d['real'] for d in docs)} real and {sum(not d['real'] for d in docs)} written")
    if args.command == "cv":
        cross_validate(docs, resolver)
    else:
        train(docs, resolver, args.threshold)


if __name__ == "__main__":
    main()
