"""Extraction quality and speed on annotated meeting summaries.

Reads bench/meetings_gold.json, extracts each document (text from its bytes through `ingest`,
then `nethub.meetings.extract`), and reports precision and recall of action points,
participants (name and organisation) and due dates, owner accuracy, and documents per second.
Sets: "fixtures" (the real documents the rules were written on), "synthetic" (written for the
bench), "heldout_dev" (written before rules were generalised, then used to generalise them) and
"heldout" (written after, never tuned on: the honest figure for unseen summaries).
Run: .venv/bin/python bench/extraction.py [--rounds N]. The last line is key=value figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from nethub.ingest.extract import extract_text  # noqa: E402
from nethub.meetings.extract import extract_meeting  # noqa: E402
from nethub.meetings.extract.names import StaticResolver  # noqa: E402

GOLD = Path(__file__).with_name("meetings_gold.json")
DATA = Path(__file__).parent / "data" / "meetings"


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("“", '"')
    return re.sub(r"\s+", " ", text.replace("”", '"')).strip().lower()


def path_of(name: str) -> Path:
    if name.startswith("fixtures:"):
        return Path(settings.NETHUB_FIXTURES_DIR) / name.removeprefix("fixtures:")
    return DATA / name


def matches(phrase: str, text: str) -> bool:
    phrase, text = norm(phrase), norm(text)
    if phrase in text:
        return True
    window = len(phrase)
    best = max(
        (
            SequenceMatcher(None, phrase, text[i : i + window]).ratio()
            for i in range(0, max(1, len(text) - window + 1), 4)
        ),
        default=0,
    )
    return best >= 0.85


def owner_ok(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    return norm(gold) in norm(found)


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate(documents: list[dict], resolver) -> dict:
    totals = dict.fromkeys(
        [
            "ap_tp",
            "ap_pred",
            "ap_gold",
            "owner_ok",
            "due_tp",
            "due_pred",
            "due_gold",
            "p_tp",
            "p_pred",
            "p_gold",
            "date_ok",
        ],
        0,
    )
    for doc in documents:
        data = path_of(doc["file"]).read_bytes()
        text = extract_text(data, filename=doc["file"]).text
        meeting = extract_meeting(text, resolver=resolver)
        predicted = meeting.action_points()
        used: set[int] = set()
        doc["missed"] = []
        for gold in doc["action_points"]:
            match = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used and matches(gold["phrase"], p.text)
                ),
                None,
            )
            if gold["due_date"]:
                totals["due_gold"] += 1
            if match is None:
                doc["missed"].append(gold["phrase"])
                continue
            used.add(match)
            totals["ap_tp"] += 1
            totals["owner_ok"] += owner_ok(gold["owner"], predicted[match].owner)
            if gold["due_date"] and predicted[match].due_date == gold["due_date"]:
                totals["due_tp"] += 1
        doc["extra"] = [p.text[:80] for i, p in enumerate(predicted) if i not in used]
        totals["ap_pred"] += len(predicted)
        totals["ap_gold"] += len(doc["action_points"])
        totals["due_pred"] += sum(1 for p in predicted if p.due_date)
        gold_people = {(norm(p["name"]), norm(p["organization"])) for p in doc["participants"]}
        found_people = {(norm(p.name), norm(p.organization)) for p in meeting.participants}
        totals["p_tp"] += len(gold_people & found_people)
        totals["p_pred"] += len(found_people)
        totals["p_gold"] += len(gold_people)
        totals["date_ok"] += meeting.date == doc["date"]
    return totals


def figures(totals: dict, documents: int) -> dict:
    return {
        "ap_precision": ratio(totals["ap_tp"], totals["ap_pred"]),
        "ap_recall": ratio(totals["ap_tp"], totals["ap_gold"]),
        "owner_accuracy": ratio(totals["owner_ok"], totals["ap_tp"]),
        "due_precision": ratio(totals["due_tp"], totals["due_pred"]),
        "due_recall": ratio(totals["due_tp"], totals["due_gold"]),
        "participant_precision": ratio(totals["p_tp"], totals["p_pred"]),
        "participant_recall": ratio(totals["p_tp"], totals["p_gold"]),
        "date_accuracy": ratio(totals["date_ok"], documents),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds over all documents")
    args = parser.parse_args()
    documents = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    documents = [d for d in documents if path_of(d["file"]).exists()]
    resolver = StaticResolver()
    extract_meeting("warm-up 1 May 2024", resolver=resolver)  # loads dateparser's data once

    results = {}
    for name in ("fixtures", "synthetic", "other", "heldout_dev", "heldout"):
        subset = [d for d in documents if d["set"] == name]
        if subset:
            results[name] = figures(evaluate(subset, resolver), len(subset))
    overall = figures(evaluate(documents, resolver), len(documents))
    for name, values in results.items():
        print(f"[{name}] " + "  ".join(f"{k}={v:.3f}" for k, v in values.items()))
    for doc in documents:  # per document, so a regression shows where it is
        one = figures(evaluate([dict(doc)], resolver), 1)
        print(
            f"  <{doc['set']}> {doc['file']}: "
            + " ".join(f"{k.replace('participant_', 'p_')}={v:.2f}" for k, v in one.items())
        )
    for doc in documents:
        if doc.get("missed") or doc.get("extra"):
            print(f"  {doc['file']}: missed={doc.get('missed', [])} extra={doc.get('extra', [])}")

    per_doc = {}
    blobs = [(d["file"], path_of(d["file"]).read_bytes()) for d in documents]
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, data in blobs:
            t0 = time.perf_counter()
            extract_meeting(extract_text(data, filename=name).text, resolver=resolver)
            per_doc.setdefault(name, []).append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    for name, times in per_doc.items():
        print(f"  {name}: {1000 * sum(times) / len(times):.1f} ms per extraction")
    docs_per_second = args.rounds * len(blobs) / elapsed
    line = {f"fixtures_{k}": v for k, v in results.get("fixtures", {}).items()}
    for name in ("heldout_dev", "heldout"):  # held out: never used to write the rules first
        line.update({f"{name}_{k}": v for k, v in results.get(name, {}).items()})
    line.update(
        {f"all_{k}": v for k, v in overall.items() if k.startswith(("ap_", "due_", "participant_"))}
    )
    line["docs_per_second"] = docs_per_second
    line["ms_per_doc"] = 1000 / docs_per_second
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in line.items()))


if __name__ == "__main__":
    main()
