"""How well nethub suggests GCM objectives: top-1 and top-3 accuracy on labelled sets.

Two sets:
- "fixtures" (`bench/tagging_labels.json`): passages of the fixtures, labelled in this
  repository. The suggester was tuned on them: they say little about unseen text.
- "real" (`bench/tagging_real.json`): items whose publisher tagged them with GCM objectives
  (a page per objective, or the item names the objectives it serves). Their text is not ours:
  it lives in $NETHUB_REALDOCS_DIR/tagging (default /work/realdocs/tagging) and the set is
  skipped when the folder is absent. Figures are given overall, on the items that do not name
  their objective (no "objective N", no full title), and on the fifth set aside ("held_out",
  chosen by hash), which is scored only at the end of a round. Round 2 set aside 20 new items
  ("held_out_r2"), round 3 more ("held_out_r3"), round 4 more ("held_out_r4"); `--round N`
  scores round N's alone, `--dev` every item but the latest round's.
An item counts as right at k when one of its labels is among the first k objectives. The plain
embedding-similarity baseline ranks objectives by the best cosine similarity of a passage;
"chosen" is `nethub.framework.suggest` as it stands. Also reported: how often objective 23 comes
first for an item not tagged 23, the calibration of the suggester's confidence, how many of a
multi-objective item's objectives are suggested, and whether a 60-word teaser gets a confident
objective. Uses a throwaway SQLite database. Run: .venv/bin/python bench/tagging.py
The last line is key=value figures.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

REAL = Path(os.environ.get("NETHUB_REALDOCS_DIR", "/work/realdocs")) / "tagging"


def load_set() -> list[dict]:
    data = json.loads((ROOT / "bench" / "tagging_labels.json").read_text(encoding="utf-8"))
    items = []
    for entry in data["passages"]:
        path = Path(settings.NETHUB_FIXTURES_DIR) / entry["file"]
        lines = path.read_text(encoding="utf-8").splitlines()
        start, end = entry["lines"]
        text = "\n".join(lines[start - 1 : end])
        if entry["phrase"].lower() not in text.lower():
            raise SystemExit(f"{entry['file']}:{start}-{end} does not contain {entry['phrase']!r}")
        items.append({**entry, "text": text})
    return items


def accuracy(items, ranker, kind: str, key: str) -> tuple[float, float, int]:
    top1 = top3 = total = 0
    for item in items:
        labels = set(item.get(key, []))
        if not labels:
            continue
        ranked = [int(element.code) for element, _ in ranker(item["text"], kind)]
        total += 1
        top1 += bool(set(ranked[:1]) & labels)
        top3 += bool(set(ranked[:3]) & labels)
    return top1 / total, top3 / total, total


def names_objective(text: str, objectives: list[int], titles: dict[int, str]) -> bool:
    """Whether the text names one of its objectives: "Objective N" (or "objetivo", "commitment",
    "number N" before a quoted title) or the objective's full title."""
    lowered = re.sub(r"\s+", " ", text.lower())
    for number in objectives:
        if re.search(rf"\b(?:objective|objetivo|objectif|commitment)s?\s+{number}\b", lowered):
            return True
        if titles[number].lower() in lowered:
            return True
    return False


def load_real(titles: dict[int, str]) -> list[dict] | None:
    if not REAL.is_dir():
        return None
    data = json.loads((ROOT / "bench" / "tagging_real.json").read_text(encoding="utf-8"))
    items, absent = [], []
    for entry in data["items"]:
        path = REAL / entry["file"]
        if not path.exists():  # the texts live outside the repository and can be lost
            absent.append(entry["file"])
            continue
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        # A text lost and found again may differ from the one first labelled: it is then
        # recorded under "restored_sha256" (one digest, or one per restoration) and scored as
        # what it is now.
        restored = entry.get("restored_sha256") or []
        if digest not in (
            entry["sha256"],
            *([restored] if isinstance(restored, str) else restored),
        ):
            raise SystemExit(f"{entry['file']}: the saved text is not the labelled one")
        named = names_objective(text, entry["objectives"], titles)
        items.append({**entry, "text": text, "names": named})
    if absent:
        print(f"real set: {len(absent)} labelled items absent from {REAL}, not scored")
    return items


def real_figures(items, rank) -> dict:
    """top-1, top-3 and wrong objective-23 firsts of `rank(text) -> [codes]` per subset."""
    out = {}
    subsets = {
        "all": items,
        "unnamed": [i for i in items if not i["names"]],
        "held_out": [i for i in items if i["set"] == "held_out"],
        "held_out_unnamed": [i for i in items if i["set"] == "held_out" and not i["names"]],
    }
    for later in sorted({i["set"] for i in items if i["set"].startswith("held_out_r")}):
        subsets[later] = [i for i in items if i["set"] == later]
        subsets[f"{later}_unnamed"] = [i for i in subsets[later] if not i["names"]]
    ranked = {i["file"]: rank(i["text"]) for i in items}
    for name, subset in subsets.items():
        if not subset:
            continue
        n = len(subset)
        top1 = sum(bool(set(ranked[i["file"]][:1]) & set(i["objectives"])) for i in subset)
        top3 = sum(bool(set(ranked[i["file"]][:3]) & set(i["objectives"])) for i in subset)
        o23 = sum(ranked[i["file"]][:1] == [23] and 23 not in i["objectives"] for i in subset)
        out[name] = {"n": n, "top1": top1 / n, "top3": top3 / n, "o23_wrong_first": o23}
    return out


def plain_embedding_ranker():
    """The baseline: objectives by the cosine similarity of their full text (title, short title,
    description, as stored) to the most similar passage of the text; nothing else."""
    import numpy as np

    from nethub.framework.models import ElementKind, FrameworkElement
    from nethub.framework.suggest import passages
    from nethub.search.embeddings import encode

    elements = list(FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE))
    vectors = encode(
        [". ".join(p for p in (e.title, e.short_title, e.description) if p) for e in elements]
    )

    def rank(text: str) -> list[int]:
        similarity = (encode(passages(text)) @ vectors.T).max(axis=0)
        return [int(elements[i].code) for i in np.argsort(-similarity)]

    return rank


def development_items(real: list[dict]) -> list[dict]:
    """Every real item but the latest round's set-aside, which is scored only at its end."""
    rounds = [
        int(i["set"].removeprefix("held_out_r")) for i in real if i["set"].startswith("held_out_r")
    ]
    latest = f"held_out_r{max(rounds)}" if rounds else None  # by number: round 10 follows 9
    return [i for i in real if i["set"] != latest]


def fit_calibration(items, fixture_items) -> None:
    """Fit the suggester's logistic calibration on `items` (full text and their 60-word
    teasers) and the fixture passages; print the coefficients for suggest.py."""
    import numpy as np

    from nethub.framework.models import ElementKind
    from nethub.framework.suggest import score_elements

    rows, labels = [], []
    texts = [(i["text"], i["objectives"]) for i in items]
    texts += [(" ".join(t.split()[:60]), o) for t, o in texts if len(t.split()) >= 120]
    texts += [(i["text"], i["objectives"]) for i in fixture_items if i.get("objectives")]
    for text, objectives in texts:
        scored = score_elements(text, kinds=(ElementKind.OBJECTIVE,))
        raw = np.array([s for _, s in scored])
        z = (raw - raw.mean()) / (raw.std() or 1.0)
        behind = raw - raw.max()
        for (element, _), zi, bi in zip(scored, z, behind, strict=True):
            rows.append([1.0, zi, bi, np.log(max(len(text.split()), 1))])
            labels.append(float(int(element.code) in objectives))
    x, y = np.array(rows), np.array(labels)
    w = np.zeros(x.shape[1])
    for _ in range(50):  # Newton's method with a little ridge for stability
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + 0.01 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 0.01 * np.eye(len(w))
        w -= np.linalg.solve(hessian, gradient)
    print(f"texts={len(texts)} rows={len(y)} positives={int(y.sum())}")
    print("CALIBRATION = (" + ", ".join(f"{v:.3f}" for v in w) + ")")


def suggester_figures(items) -> dict:
    """What editors see: confidence calibration, multi-objective recall, teaser abstention."""
    from nethub.framework.models import ElementKind
    from nethub.framework.suggest import CONFIDENT, suggest_elements

    bins: dict[str, list[int]] = {}
    multi_found = multi_total = 0
    for item in items:
        suggestions = [
            (int(e.code), conf)
            for e, conf in suggest_elements(item["text"], kinds=(ElementKind.OBJECTIVE,))
        ]
        if suggestions:
            code, conf = suggestions[0]
            label = "high" if conf >= CONFIDENT else "low"
            bins.setdefault(label, []).append(code in item["objectives"])
            bins.setdefault("conf_sum_" + label, []).append(conf)
        if len(item["objectives"]) > 1:
            multi_total += len(item["objectives"])
            multi_found += len({c for c, _ in suggestions} & set(item["objectives"]))
    teasers = [i for i in items if not i["names"]]
    teaser_confident = teaser_top1 = 0
    for item in teasers:
        teaser = " ".join(item["text"].split()[:60])
        suggestions = suggest_elements(teaser, kinds=(ElementKind.OBJECTIVE,), threshold=0)
        teaser_confident += any(conf >= CONFIDENT for _, conf in suggestions)
        teaser_top1 += bool(suggestions) and int(suggestions[0][0].code) in item["objectives"]
    out = {
        "teasers": len(teasers),
        "teaser_confident": teaser_confident,
        "teaser_top1": teaser_top1 / len(teasers) if teasers else float("nan"),
    }
    for label in ("high", "low"):
        hits = bins.get(label, [])
        confs = bins.get("conf_sum_" + label, [])
        out[f"{label}_n"] = len(hits)
        out[f"{label}_accuracy"] = sum(hits) / len(hits) if hits else float("nan")
        out[f"{label}_mean_confidence"] = sum(confs) / len(confs) if confs else float("nan")
    out["multi_recall"] = multi_found / multi_total if multi_total else float("nan")
    out.update(calibration_error(items))
    return out


def calibration_error(items, bins: int = 5) -> dict:
    """How far the confidences of each item's first three objectives are from how often they
    are right: expected calibration error over `bins` equal bins, and the Brier score."""
    from nethub.framework.suggest import rank_objectives

    pairs = []
    for item in items:
        for element, p in rank_objectives(item["text"])[:3]:
            pairs.append((p, float(int(element.code) in item["objectives"])))
    if not pairs:
        return {}
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        in_bin = [(p, y) for p, y in pairs if low <= p < high or (b == bins - 1 and p == 1)]
        if in_bin:
            gap = sum(p for p, _ in in_bin) / len(in_bin) - sum(y for _, y in in_bin) / len(in_bin)
            ece += len(in_bin) / len(pairs) * abs(gap)
    brier = sum((p - y) ** 2 for p, y in pairs) / len(pairs)
    return {"top3_ece": ece, "top3_brier": brier}


def main() -> None:
    call_command("migrate", verbosity=0)
    from nethub.framework.services import framework_load
    from nethub.framework.suggest import KEYWORD_WEIGHT, MAX_WEIGHT, score_elements
    from nethub.search.embeddings import encode

    framework_load()
    items = load_set()
    started = time.perf_counter()
    encode(["warm-up"])
    load_seconds = time.perf_counter() - started

    def variant(max_weight, keyword_weight):
        return lambda text, kind: score_elements(
            text, kinds=(kind,), max_weight=max_weight, keyword_weight=keyword_weight
        )

    variants = {
        "embeddings_max": variant(1.0, 0.0),
        "embeddings_pooled": variant(MAX_WEIGHT, 0.0),
        "keywords_only": variant(MAX_WEIGHT, 1000.0),
        "chosen": variant(MAX_WEIGHT, KEYWORD_WEIGHT),  # last: its time is reported
    }
    figures = {}
    per_passage = 0.0
    for name, ranker in variants.items():
        started = time.perf_counter()
        t1, t3, n = accuracy(items, ranker, "objective", "objectives")
        per_passage = (time.perf_counter() - started) / n
        print(f"{name:18} objectives top1={t1:.3f} top3={t3:.3f} (n={n})")
        figures[name] = (t1, t3, n)
    p1, p3, pn = accuracy(items, variants["chosen"], "principle", "principles")
    print(f"{'chosen':18} principles top1={p1:.3f} top3={p3:.3f} (n={pn})")
    t1, t3, n = figures["chosen"]
    e1, e3, _ = figures["embeddings_pooled"]
    line = (
        f"passages={n} top1={t1:.3f} top3={t3:.3f} embeddings_only_top1={e1:.3f} "
        f"embeddings_only_top3={e3:.3f} principles_top1={p1:.3f} principles_top3={p3:.3f} "
        f"model_load_s={load_seconds:.1f} ms_per_passage={per_passage * 1000:.0f}"
    )
    from nethub.framework.models import ElementKind, FrameworkElement

    titles = {
        int(e.code): e.title for e in FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE)
    }
    real = load_real(titles)
    if "--fit" in sys.argv and real is not None:
        fit_calibration(development_items(real), items)
        return
    if "--dev" in sys.argv and real is not None:  # while changing the suggester
        real = development_items(real)
    if "--round" in sys.argv and real is not None:  # a later round's set aside, alone
        later = f"held_out_r{sys.argv[sys.argv.index('--round') + 1]}"
        real = [i for i in real if i["set"] == later]
    if real is None:
        print(f"real set skipped: {REAL} is absent")
        print(line)
        return

    from nethub.framework.suggest import rank_objectives

    rankers = {
        "baseline_embeddings": plain_embedding_ranker(),
        "chosen": lambda text: [int(e.code) for e, _ in rank_objectives(text)],
    }
    print(
        f"real set: {len(real)} items, {sum(not i['names'] for i in real)} not naming their "
        f"objective, {sum(i['set'] == 'held_out' for i in real)} held out, "
        f"{sum(len(i['objectives']) > 1 for i in real)} with several objectives"
    )
    for name, rank in rankers.items():
        for subset, f in real_figures(real, rank).items():
            print(
                f"{name:20} {subset:20} n={f['n']:2} top1={f['top1']:.3f} top3={f['top3']:.3f} "
                f"o23_wrong_first={f['o23_wrong_first']}"
            )
            for key in ("top1", "top3", "o23_wrong_first"):
                value = f[key]
                line += f" {name}_{subset}_{key}=" + (
                    f"{value:.3f}" if isinstance(value, float) else str(value)
                )
    s_fig = suggester_figures(real)
    print(
        "chosen suggestions: "
        + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in s_fig.items())
    )
    line += " " + " ".join(
        f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in s_fig.items()
    )
    print(line)


if __name__ == "__main__":
    main()
