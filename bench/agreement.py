"""How far two annotators agree on real minutes: the ceiling of what the extractor can score.

`bench/meetings_agreement.json` holds a second annotation, made independently (the second
annotator never saw the first), of real minutes already in `bench/meetings_real.json`, in the
same form (character offsets into the saved text, owners, due dates, the meeting's date; no
text). This bench scores the second annotation against the first with the matching rules of
`bench/extraction.py`, as if it were an extractor, and the extractor against each annotation on
the same documents. Texts live in NETHUB_REAL_MINUTES_DIR as for `extraction.py`; a document
whose text is absent or differs is skipped.

Run: .venv/bin/python bench/agreement.py    (the last line is key=value)
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extraction as bench  # noqa: E402  (sets Django up)

SECOND = Path(__file__).with_name("meetings_agreement.json")


@dataclass
class _Point:
    text: str
    owner: str | None
    due_date: str | None
    rule: str = "second annotator"


@dataclass
class _Person:
    name: str


@dataclass
class _Annotation:
    """A second annotation in the shape `bench.score` reads from an extracted meeting."""

    points: list[_Point]
    participants: list[_Person]
    date: str | None
    end_date: str | None = None
    extra: dict = field(default_factory=dict)

    def action_points(self) -> list[_Point]:
        return self.points


def _gold(entry: dict, text: str) -> dict:
    return {
        "file": entry["file"],
        "date": entry["date"],
        "end_date": entry["end_date"],
        "fuzzy": False,
        "action_points": [
            {"text": text[a:b], "owner": p["owner"], "due_date": p["due_date"]}
            for p in entry["action_points"]
            for a, b in [p["span"]]
        ],
        "participants": [text[a:b] for p in entry["participants"] for a, b in [p["span"]]],
    }


def _as_meeting(entry: dict, text: str) -> _Annotation:
    gold = _gold(entry, text)
    return _Annotation(
        [_Point(p["text"], p["owner"], p["due_date"]) for p in gold["action_points"]],
        [_Person(name) for name in gold["participants"]],
        entry["date"],
        entry["end_date"],
    )


def _pairs() -> list[tuple[dict, dict, str]]:
    first = {d["file"]: d for d in json.loads(bench.REAL.read_text(encoding="utf-8"))["documents"]}
    pairs = []
    for second in json.loads(SECOND.read_text(encoding="utf-8"))["documents"]:
        original = first.get(second["file"])
        path = bench.REAL_DIR / second["file"]
        if original is None or not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != original["sha256"] or digest != second["sha256"]:
            continue
        pairs.append((original, second, text))
    return pairs


def _totals(rows) -> dict:
    totals: dict[str, int] = {f"{f}_{k}": 0 for f in bench.FIELDS for k in ("tp", "pred", "gold")}
    for gold, meeting in rows:
        for key, value in bench.score(gold, meeting).items():
            totals[key] = totals.get(key, 0) + value
    return bench.figures(totals)


def main() -> None:
    pairs = _pairs()
    if not pairs:
        print("no document of meetings_agreement.json has its text here: nothing to score")
        return
    resolver = bench.OrganizationResolver.from_reference_data()
    extracted = {
        first["file"]: bench.extract_meeting(text, resolver=resolver) for first, _, text in pairs
    }
    runs = {
        "second_vs_first": [
            (_gold(first, text), _as_meeting(second, text)) for first, second, text in pairs
        ],
        "extractor_vs_first": [
            (_gold(first, text), extracted[first["file"]]) for first, _, text in pairs
        ],
        "extractor_vs_second": [
            (_gold(second, text), extracted[first["file"]]) for first, second, text in pairs
        ],
    }
    print(f"{len(pairs)} documents annotated twice")
    line = {}
    for name, rows in runs.items():
        figures = _totals(rows)
        print(f"[{name.replace('_', ' ')} (the latter as gold)]")
        for f in bench.FIELDS:
            print(
                f"   {f:<12} P={figures[f + '_p']:.3f} R={figures[f + '_r']:.3f} "
                f"F1={figures[f + '_f1']:.3f}"
            )
        line.update({f"{name}_{f}_f1": figures[f"{f}_f1"] for f in bench.FIELDS})
    print(" ".join(f"{k}={v:.3f}" for k, v in line.items()))


if __name__ == "__main__":
    main()
