"""How well nethub suggests GCM objectives: top-1 and top-3 accuracy on a labelled set.

The set (`bench/tagging_labels.json`) points at passages of the real fixtures by file and line
range and gives the objectives (and, where clear, guiding principles) each concerns. A passage
counts as right at k when one of its labels is among the first k suggestions. Several variants of
the suggester are compared, so the choice made in `nethub/framework/suggest.py` is measured:
embeddings only, with keyword cues, pooling weights. Needs the fixtures; uses a throwaway
SQLite database. Run: .venv/bin/python bench/tagging.py
"""

from __future__ import annotations

import json
import os
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
    print(
        f"passages={n} top1={t1:.3f} top3={t3:.3f} embeddings_only_top1={e1:.3f} "
        f"embeddings_only_top3={e3:.3f} principles_top1={p1:.3f} principles_top3={p3:.3f} "
        f"model_load_s={load_seconds:.1f} ms_per_passage={per_passage * 1000:.0f}"
    )


if __name__ == "__main__":
    main()
