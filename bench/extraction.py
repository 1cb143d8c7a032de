"""Extraction quality and speed on annotated meeting minutes.

Four sets, reported separately, each with precision, recall and F1 for action points, owners,
due dates, participants and meeting dates:
- "fixtures": the three EC summaries in ../shared/fixtures (the rules were first written on them);
- "synthetic": the summaries written in this repository (bench/data/meetings; every set of
  bench/meetings_gold.json other than the fixtures: written here, so never truly held out);
- "real_dev" and "real_heldout": real minutes of other inter-agency meetings from public sources
  (bench/meetings_real.json: source addresses, sha256 of the saved text, character offsets of each
  action point and participant; the texts are not ours and live outside the repository, in
  NETHUB_REAL_MINUTES_DIR, default /work/realdocs/minutes). A file whose sha256 differs is
  skipped with a note; without the folder the real sets are skipped (and the run says so), so
  the bench runs anywhere. Each document has an annotation round ("round", 1 when absent);
  --round N keeps only that round's real documents; the held-out part is that of the last round
  loaded (--heldout-round N), earlier rounds' held-out parts counting as dev.
The held-out part is scored only with --heldout (at the end of a round), and never printed
document by document (only its totals).

Matching: a predicted action point matches a gold one when it holds at least 60% of the gold
span's words and the gold span holds at least 25% of its words (one to one, in order). Owners and
due dates are scored over all points (a gold owner of an unmatched point is missed; a predicted
owner of a point that matches nothing is a false one); an owner is right when one name holds the
other's words. Participants: people's names (honorifics and case aside). Meeting dates: the first
day of the meeting (a prediction counts in precision when the extractor gives a date).

Run: .venv/bin/python bench/extraction.py [--rounds N] [--details] [--round N] [--heldout]
[--without-learned] (the learned action model, bench/action_model.py, left out).
The last line is key=value.
"""

from __future__ import annotations

import argparse
import hashlib
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

from nethub.directory.selectors import OrganizationResolver  # noqa: E402
from nethub.ingest.extract import extract_text  # noqa: E402
from nethub.meetings.extract import extract_meeting, learned  # noqa: E402

GOLD = Path(__file__).with_name("meetings_gold.json")
REAL = Path(__file__).with_name("meetings_real.json")
DATA = Path(__file__).parent / "data" / "meetings"
REAL_DIR = Path(os.environ.get("NETHUB_REAL_MINUTES_DIR", "/work/realdocs/minutes"))
FIELDS = ("ap", "owner", "due", "participant", "date")
# Titles are no part of a name ("Cllr A Iley" is "A Iley"; round 15 added cllr, councillor, rev,
# revd, fr, sir, bro, sr: the extractor drops them, as it should).
_HONORIFIC = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof|h\.?e|amb|cllr|councillor|rev|revd|fr|sir|bro|sr)\.?\s+)+", re.I
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "by",
        "with",
        "be",
        "is",
        "are",
        "will",
        "should",
        "this",
        "that",
    ]
)


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").replace("’", "'")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"')).strip().lower()


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", norm(text)) if w not in _STOP}


def person_key(name: str | None) -> str:
    """A name as compared: case, accents, titles and the order of its words aside; an IRC
    nick's underscores are spaces ("Tim_Berners-Lee" is "Tim Berners-Lee"; round 15)."""
    name = _HONORIFIC.sub("", norm(name).replace("_", " ")).strip(" .,")
    # "MOREAU Lucie" in a surname-first list and "Lucie Moreau" are one person (round 29).
    return " ".join(sorted(name.split()))


def owner_ok(gold: str, found: str) -> bool:
    g, f = words(gold), words(found)
    return bool(g and f) and (g <= f or f <= g)


# --- documents --------------------------------------------------------------------------------


def load_sets(
    rounds: set[int] | None = None, heldout_round: int | None = None
) -> dict[str, list[dict]]:
    """Every document as {file, path, date, action_points: [{text, owner, due_date}],
    participants: [name]} (gold), by set."""
    sets: dict[str, list[dict]] = {
        "fixtures": [],
        "synthetic": [],
        "real_dev": [],
        "real_heldout": [],
    }
    for doc in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]:
        name = doc["file"]
        path = (
            Path(settings.NETHUB_FIXTURES_DIR) / name.removeprefix("fixtures:")
            if name.startswith("fixtures:")
            else DATA / name
        )
        if not path.exists():
            continue
        sets["fixtures" if doc["set"] == "fixtures" else "synthetic"].append(
            {
                "file": name,
                "path": path,
                "date": doc["date"],
                "end_date": None,
                "fuzzy": True,
                "action_points": [
                    {"text": p["phrase"], "owner": p["owner"], "due_date": p["due_date"]}
                    for p in doc["action_points"]
                ],
                "participants": [p["name"] for p in doc["participants"]],
            }
        )
    if not REAL_DIR.is_dir():
        print(f"  (real set absent: {REAL_DIR} does not exist; real_dev and real_heldout skipped)")
        return sets
    absent = []
    documents = [
        doc
        for doc in json.loads(REAL.read_text(encoding="utf-8"))["documents"]
        if not rounds or doc.get("round", 1) in rounds
    ]
    if heldout_round is None:
        heldout_round = max((doc.get("round", 1) for doc in documents), default=1)
    for doc in documents:
        path = REAL_DIR / doc["file"]
        if not path.exists():
            absent.append(doc["file"])
            continue
        text = path.read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
            print(f"  (real: {doc['file']} is not the annotated text, skipped)")
            continue
        # An earlier round's held-out part, scored at that round's end, is dev data now.
        held = doc["set"] == "heldout" and doc.get("round", 1) == heldout_round
        if doc.get("round", 1) > heldout_round:
            continue
        sets["real_heldout" if held else "real_dev"].append(
            {
                "file": doc["file"],
                "path": path,
                "date": doc["date"],
                "end_date": doc["end_date"],
                "fuzzy": False,
                "action_points": [
                    {
                        "text": text[p["span"][0] : p["span"][1]],
                        "owner": p["owner"],
                        "due_date": p["due_date"],
                    }
                    for p in doc["action_points"]
                ],
                "participants": [text[p["span"][0] : p["span"][1]] for p in doc["participants"]],
            }
        )
    if absent:
        print(f"  (real: {len(absent)} annotated documents absent from {REAL_DIR}, skipped)")
    return sets


# --- scoring ----------------------------------------------------------------------------------


def ap_matches(gold: str, found: str, fuzzy: bool) -> bool:
    g, f = words(gold), words(found)
    if g and f and len(g & f) / len(g) >= 0.6 and len(g & f) / len(f) >= 0.25:
        return True
    if not fuzzy:
        return False
    phrase, text = norm(gold), norm(found)
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


def score(doc: dict, meeting) -> dict:
    counts = {f"{f}_{k}": 0 for f in FIELDS for k in ("tp", "pred", "gold")}
    predicted = meeting.action_points()
    used: set[int] = set()
    doc["missed"], pairs = [], []
    for gold in doc["action_points"]:
        match = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and ap_matches(gold["text"], p.text, doc["fuzzy"])
            ),
            None,
        )
        if match is None:
            doc["missed"].append(gold["text"][:70])
        else:
            used.add(match)
            counts["ap_tp"] += 1
        pairs.append((gold, predicted[match] if match is not None else None))
    doc["extra"] = [f"{p.rule}: {p.text[:60]}" for i, p in enumerate(predicted) if i not in used]
    counts["ap_pred"], counts["ap_gold"] = len(predicted), len(doc["action_points"])
    counts["owner_pred"] = sum(1 for p in predicted if p.owner)
    counts["due_pred"] = sum(1 for p in predicted if p.due_date)
    doc["wrong_due"], doc["wrong_owner"] = [], []
    for gold, found in pairs:
        counts["owner_gold"] += bool(gold["owner"])
        counts["due_gold"] += bool(gold["due_date"])
        if found is None:
            continue
        if gold["owner"] and found.owner and owner_ok(gold["owner"], found.owner):
            counts["owner_tp"] += 1
        elif gold["owner"] or found.owner:
            doc["wrong_owner"].append((gold["text"][:30], gold["owner"], found.owner))
        if gold["due_date"] and found.due_date == gold["due_date"]:
            counts["due_tp"] += 1
        elif gold["due_date"] or found.due_date:
            doc["wrong_due"].append((gold["text"][:40], gold["due_date"], found.due_date))
    gold_people = {person_key(n) for n in doc["participants"]}
    found_people = {person_key(p.name) for p in meeting.participants}
    counts["participant_tp"] = len(gold_people & found_people)
    counts["participant_pred"], counts["participant_gold"] = len(found_people), len(gold_people)
    doc["people_missed"] = sorted(gold_people - found_people)
    doc["people_extra"] = sorted(found_people - gold_people)
    # A document without a gold date counts no gold, and a missing prediction is never a hit.
    counts["date_gold"] = int(bool(doc["date"]))
    counts["date_pred"] = int(bool(meeting.date))
    counts["date_tp"] = int(bool(meeting.date) and meeting.date == doc["date"])
    doc["found_date"] = meeting.date
    if doc.get("end_date"):
        counts["end_gold"] = 1
        counts["end_tp"] = int(getattr(meeting, "end_date", None) == doc["end_date"])
    return counts


def figures(totals: dict) -> dict:
    out = {}
    for f in FIELDS:
        tp, pred, gold = totals[f"{f}_tp"], totals[f"{f}_pred"], totals[f"{f}_gold"]
        p = tp / pred if pred else 1.0
        r = tp / gold if gold else 1.0
        out[f"{f}_p"], out[f"{f}_r"] = p, r
        out[f"{f}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    if totals.get("end_gold"):
        out["end_date_acc"] = totals["end_tp"] / totals["end_gold"]
    return out


def run_set(documents: list[dict], resolver) -> dict:
    totals: dict[str, int] = {}
    for doc in documents:
        text = extract_text(doc["path"].read_bytes(), filename=doc["path"].name).text
        for key, value in score(doc, extract_meeting(text, resolver=resolver)).items():
            totals[key] = totals.get(key, 0) + value
    return figures({**{f"{f}_{k}": 0 for f in FIELDS for k in ("tp", "pred", "gold")}, **totals})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds over all documents")
    parser.add_argument("--details", action="store_true", help="misses and extras per document")
    parser.add_argument(
        "--round",
        type=int,
        action="append",
        help="only the real documents of this annotation round (repeatable; default all)",
    )
    parser.add_argument(
        "--heldout-round",
        type=int,
        help="the round whose held-out part is held out (default the last one loaded; the "
        "held-out parts of earlier rounds count as dev)",
    )
    parser.add_argument(
        "--heldout", action="store_true", help="score the held-out set (only at a round's end)"
    )
    parser.add_argument(
        "--without-learned",
        action="store_true",
        help="extract without the learned action model (the rules and naive Bayes only)",
    )
    args = parser.parse_args()
    if args.without_learned:
        learned.using(None).__enter__()
    sets = load_sets(set(args.round or ()), args.heldout_round)
    if not args.heldout:
        sets["real_heldout"] = []

    resolver = OrganizationResolver.from_reference_data()
    extract_meeting("warm-up 1 May 2024", resolver=resolver)  # loads dateparser's data once

    results = {name: run_set(docs, resolver) for name, docs in sets.items() if docs}
    for name, values in results.items():
        print(f"[{name}] ({len(sets[name])} documents)")
        for f in FIELDS:
            print(
                f"   {f:<12} P={values[f'{f}_p']:.3f} R={values[f'{f}_r']:.3f} "
                f"F1={values[f'{f}_f1']:.3f}"
            )
        if "end_date_acc" in values:
            print(f"   end date of multi-day meetings: {values['end_date_acc']:.3f}")
    if args.details:  # never the held-out set: it is scored, not read
        for name in ("fixtures", "synthetic", "real_dev"):
            for doc in sets[name]:
                if doc["missed"] or doc["extra"] or doc["people_missed"] or doc["people_extra"]:
                    print(f"  <{name}> {doc['file']} date={doc['found_date']} (gold {doc['date']})")
                    keys = ("missed", "extra", "wrong_due", "wrong_owner", "people_missed")
                    for key in (*keys, "people_extra"):
                        if doc[key]:
                            print(f"     {key}: {doc[key]}")

    blobs = [(d["path"].name, d["path"].read_bytes()) for docs in sets.values() for d in docs]
    started = time.perf_counter()
    for _ in range(args.rounds):
        for name, data in blobs:
            extract_meeting(extract_text(data, filename=name).text, resolver=resolver)
    elapsed = time.perf_counter() - started
    line = {}
    for name, values in results.items():
        line.update({f"{name}_{k}": v for k, v in values.items() if k.endswith("_f1")})
    line["ms_per_doc"] = 1000 * elapsed / max(1, args.rounds * len(blobs))
    print(" ".join(f"{k}={v:.3f}" for k, v in line.items()))


if __name__ == "__main__":
    main()
