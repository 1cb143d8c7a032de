"""How well the consultation importer reads real Discussion Space pages.

The pages (public pages of the network's hub, saved as text) are not ours: they live outside the
repository, in $NETHUB_REALDOCS_DIR/discussions (default /work/realdocs/discussions). Their hand
annotations (`bench/discussions_gold.json`, written before the importer was run on them) keep
only character offsets into the saved text, dates and the text's sha256. The bench skips the
real set when the folder is absent, and refuses a page whose text changed.

Each page is read as the import dry run reads it (`consultation_extract`, through `ingest`), and
compared with the annotation: comments found, authors, organisations, dates, reply links
(precision and recall), and the moderators' questions read as questions. Two sets: "dev" (read
while the importer was changed) and "held_out" (scored only at the end of a round).
Run: .venv/bin/python bench/discussions.py. The last line is key=value figures.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nethub.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

GOLD = Path(__file__).with_name("discussions_gold.json")
REAL = Path(os.environ.get("NETHUB_REALDOCS_DIR", "/work/realdocs")) / "discussions"
FIELDS = ("comments", "authors", "organisations", "dates", "replies", "questions")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("’", "'").replace("…", "...")
    return re.sub(r"\s+", " ", text).strip().lower()


def words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", norm(text))) - {"the", "of", "confederation"}


def same_text(predicted: str, gold: str) -> bool:
    """The same comment: one starts where the other does (give or take a short line before it,
    such as the name of the person answered)."""
    p, g = norm(predicted), norm(gold)
    return bool(p and g) and (0 <= p.find(g[:40]) <= 40 or 0 <= g.find(p[:40]) <= 40)


class Counts:
    def __init__(self) -> None:
        self.c = {f: [0, 0, 0] for f in FIELDS}  # true positives, predicted, gold

    def add(self, field: str, tp: int, predicted: int, gold: int) -> None:
        row = self.c[field]
        row[0] += tp
        row[1] += predicted
        row[2] += gold

    def prf(self, field: str) -> tuple[str, str]:
        """Precision and recall as text; "n/a" when nothing was found or nothing annotated."""
        tp, predicted, gold = self.c[field]
        return (
            f"{tp / predicted:.2f}" if predicted else "n/a",
            f"{tp / gold:.2f}" if gold else "n/a",
        )


def score_page(page: dict, text: str, read: dict, counts: Counts) -> None:
    cut = lambda span: text[span[0] : span[1]] if span else None  # noqa: E731
    gold = page["comments"]
    predicted = read["comments"]
    # Match each predicted comment to the gold comment whose text it starts or contains.
    match: dict[int, int] = {}
    for p, comment in enumerate(predicted):
        for g, expected in enumerate(gold):
            if g not in match.values() and same_text(comment["text"], cut(expected["span"])):
                match[p] = g
                break
    counts.add("comments", len(match), len(predicted), len(gold))
    authors = [(p, c["byline"]) for p, c in enumerate(predicted) if c.get("byline")]
    counts.add(
        "authors",
        sum(
            p in match and norm(cut(gold[match[p]]["author_span"])) == norm(name)
            for p, name in authors
        ),
        len(authors),
        sum(bool(g["author_span"]) for g in gold),
    )
    orgs = [(p, c["organisation_stated"]) for p, c in enumerate(predicted)]
    orgs = [(p, name) for p, name in orgs if name]
    counts.add(
        "organisations",
        sum(
            p in match
            and bool(gold[match[p]]["organisation_span"])
            and (
                words(cut(gold[match[p]]["organisation_span"])) <= words(name)
                or words(name) <= words(cut(gold[match[p]]["organisation_span"]))
            )
            for p, name in orgs
        ),
        len(orgs),
        sum(bool(g["organisation_span"]) for g in gold),
    )
    dates = [(p, c.get("date")) for p, c in enumerate(predicted) if c.get("date")]
    counts.add(
        "dates",
        sum(p in match and gold[match[p]]["date"] == d for p, d in dates),
        len(dates),
        sum(bool(g["date"]) for g in gold),
    )
    # Reply links: (comment, what it answers): the question post, or another comment.
    posters = [norm(cut(q["poster_span"])) for q in page["questions"] if q["poster_span"]]
    position_to_gold = {predicted[p]["position"]: g for p, g in match.items()}
    links = []
    for p, comment in enumerate(predicted):
        target = None
        if comment.get("reply_to_question"):
            target = "question"
        elif comment.get("reply_to_position"):
            target = position_to_gold.get(comment["reply_to_position"], "?")
        elif comment.get("in_reply_to"):  # a label only: right when it names the question's poster
            label = norm(comment["in_reply_to"]).rstrip(".")
            target = "question" if any(x.startswith(label) for x in posters if label) else "?"
        if target is not None:
            links.append((p, target))
    counts.add(
        "replies",
        sum(p in match and gold[match[p]]["reply_to"] == target for p, target in links),
        len(links),
        sum(g["reply_to"] is not None for g in gold),
    )
    questions = list(read["questions"].values())
    counts.add(
        "questions",
        sum(any(same_text(q, cut(g["span"])) for q in questions) for g in page["questions"]),
        len(questions),
        len(page["questions"]),
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    from nethub.consultations.importer import consultation_extract
    from nethub.directory.services import reference_data_load

    reference_data_load()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if not REAL.is_dir():
        print(f"real set skipped: {REAL} is absent")
        print("pages=0")
        return
    sets: dict[str, Counts] = {}
    pages = {}
    for page in gold["pages"]:
        text = (REAL / page["file"]).read_text(encoding="utf-8")
        if hashlib.sha256(text.encode()).hexdigest() != page["sha256"]:
            raise SystemExit(f"{page['file']}: the saved text is not the annotated one")
        read = consultation_extract(text.encode("utf-8"), filename=page["file"])
        for name in (page["set"], "all"):
            score_page(page, text, read, sets.setdefault(name, Counts()))
        pages[page["set"]] = pages.get(page["set"], 0) + 1
    figures = []
    for name in ("dev", "held_out", "all"):
        counts = sets.get(name)
        if counts is None:
            continue
        print(f"{name} ({pages.get(name, sum(pages.values()))} pages)")
        for field in FIELDS:
            precision, recall = counts.prf(field)
            tp, predicted, expected = counts.c[field]
            print(
                f"  {field:14} P={precision} R={recall}  "
                f"({tp} right of {predicted} found; {expected} annotated)"
            )
            figures.append(f"{name}_{field}_p={precision} {name}_{field}_r={recall}")
    print(" ".join([f"pages={sum(pages.values())}", *figures]))


if __name__ == "__main__":
    main()
