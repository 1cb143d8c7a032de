"""Rule: a column of owners or deadlines flattened after the items it belongs to.

A table of action points, once flattened, often gives its items first and then, under the
column's label, one owner (or one date) per item: "Focal Point / Organization Maysa (UNHCR)
Maysa (UNHCR) All partners", or "RESPONSIBLE PARTY" and one owner a line. When the column holds
as many values as there are points just before it, the values are the points' owners (or due
dates), in order; a point keeps an owner or a date its own words give.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import dates, labels
from nethub.meetings.extract.header import MONTHS
from nethub.meetings.extract.result import ExtractedActionPoint, ExtractedMeeting

_LABEL = re.compile(
    rf"^[ \t]*(?:(?P<owner>{labels.OWNER_COLUMN})|(?P<due>{labels.DUE_COLUMN}))"
    r"[ \t]*:?[ \t]*(?P<rest>[^\n]*)$",
    re.I | re.M,
)
# The next column's label ends a column's values ("Status", "Résultat", "Estado").
_ANY_LABEL = re.compile(
    rf"^\s*(?:{labels.OWNER_COLUMN}|{labels.DUE_COLUMN}|status|comments?|"
    r"r[ée]sultats?|statut|commentaires?|observations?|estado|resultados?|comentarios?)\s*:?\s*$",
    re.I,
)
_DATE_VALUE = re.compile(
    rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:{MONTHS})\.?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?",
    re.I,
)
_GAP = 200  # characters between the last item and the column's label


def fill_from_columns(meeting: ExtractedMeeting, text: str) -> None:
    points = sorted((p for p in meeting.action_points() if p.span), key=lambda p: p.span[0])
    for match in _LABEL.finditer(text):
        values = _values(match, text, due=bool(match.group("due")))
        before = [p for p in points if p.span[1] <= match.start()]
        if len(values) < 2 or len(before) < len(values):
            continue
        targets = before[-len(values) :]
        if match.start() - targets[-1].span[1] > _GAP:
            continue
        if len(before) > len(values) and _adjacent(before[-len(values) - 1], targets[0], text):
            continue  # the column covers part of a run of items only: whose values are whose?
        for point, value in zip(targets, values, strict=True):
            _fill(point, value, due=bool(match.group("due")), meeting=meeting)


def owner_cell_after(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: an action table flattened one cell a line, each task followed by its owner cell
    ("To share the ToR on the portal." then "Maysa (UNHCR)"): a point with no owner takes the
    cell on the line after it, as written."""
    for point in meeting.action_points():
        if point.owner or not point.span:
            continue
        after = re.match(r"[ \t]*\n\s*([^\n]{3,80})", text[point.span[1] : point.span[1] + 120])
        if after and labels.OWNER_CELL.match(after.group(1).strip()):
            point.owner = after.group(1).strip()


def _adjacent(first: ExtractedActionPoint, second: ExtractedActionPoint, text: str) -> bool:
    between = text[first.span[1] : second.span[0]]
    return len(between) < 40 and not _LABEL.search(between)


def _values(match: re.Match, text: str, *, due: bool) -> list[str]:
    rest = match.group("rest").strip()
    rest = re.sub(r"^(?:/\s*)?organi[sz]ation\s+", "", rest, flags=re.I)
    if rest:
        if due:
            return _DATE_VALUE.findall(rest)
        # "Maysa (UNHCR) Maysa (UNHCR) All partners": one owner after each closing bracket.
        return [v for v in re.split(r"(?<=\))\s+", rest) if v] if ")" in rest else []
    values = []
    for line in text[match.end() :].lstrip("\n").split("\n"):
        line = line.strip()
        if not line or _ANY_LABEL.match(line) or len(line.split()) > 5:
            break
        if due and not _DATE_VALUE.search(line):
            break
        values.append(line)
    return values


def _fill(point: ExtractedActionPoint, value: str, *, due: bool, meeting) -> None:
    if due:
        if point.due_date is None:
            value = re.sub(r"(?<=[A-Za-z])\.", "", value)  # "Mar. 17th": the month whole
            found, words = dates.due_date(f"by {value}", meeting.meeting_date)
            if found:
                point.due_date, point.deadline_text = found, words
    elif point.owner is None and not re.match(r"^(?:tbd|n/?a|-)$", value, re.I):
        point.owner = value


# --- rows whose cells are separated by wide gaps ----------------------------------------------

# "Tea stall – confirm the helpers            MJ", "1st November      Halloween      Rosie":
# a table row flattened to one line, its cells kept apart by runs of spaces or tabs.
_GAP_SPLIT = re.compile(r"[ \t]{3,}|\t")
_ROW_OWNER = re.compile(
    r"^(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z][A-Z’'.]{1,5}(?:/[A-Z][A-Z’'.]{1,5})*)$"
)
_ROW_DATE = re.compile(
    rf"^(?:[A-Z][a-z]+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)(?:,?\s+\d{{4}})?$"
)


# An e-mail address or a telephone number: a cell of a contact list, never of a task.
_CONTACT = re.compile(r"\S@\S|\+?\d[\d ()-]{7,}\d")


def _row(line: str) -> dict | None:
    """The cells of a gapped row: its owner, its date (if any) and its task; None when the
    line is no such row (fewer than two gaps' cells, no owner, a task too short to be one)."""
    cells = [c.strip() for c in _GAP_SPLIT.split(line.strip()) if c.strip()]
    if any(_CONTACT.search(c) for c in cells):
        return None  # a row of an attendance or contact table: name, agency, e-mail
    date = next((c for c in cells if _ROW_DATE.match(c)), None)
    owners = [c for c in cells[1:] if c is not date and _ROW_OWNER.match(c)]
    if len(cells) < 2 or not owners:
        return None
    task = [c for c in cells if c is not date and c is not owners[-1]]
    if not task or (date is None and len(" ".join(task).split()) < 3):
        return None
    return {"owner": owners[-1], "date": date}


def fill_from_gapped_rows(meeting: ExtractedMeeting, text: str, item) -> None:
    """Rule: rows of a table flattened one a line with wide gaps between their cells ("task
    ... owner", "date ... topic ... person"), two or more near each other, are action points:
    the last cell names the owner, a cell that is only a date gives the due date. A point the
    structure already read on that line takes the row's owner and date when it has none."""
    rows = []
    offset = 0
    for line in text.split("\n"):
        row = _row(line) if len(line) < 200 else None
        if row:
            start = offset + len(line) - len(line.lstrip())
            rows.append({**row, "span": [start, offset + len(line.rstrip())]})
        offset += len(line) + 1
    rows = [r for r in rows if _has_neighbour(r, rows)]
    points = [p for p in meeting.action_points() if p.span]
    for row in rows:
        _place_row(row, points, text, meeting, item)


def _has_neighbour(row: dict, rows: list[dict]) -> bool:
    return any(other is not row and abs(other["span"][0] - row["span"][0]) < 400 for other in rows)


def _place_row(row: dict, points, text: str, meeting: ExtractedMeeting, item) -> None:
    start, end = row["span"]
    due = None
    if row["date"]:
        due, _ = dates.due_date(f"by {row['date']}", meeting.meeting_date)
    point = next((p for p in points if p.span[0] < end and p.span[1] > start), None)
    if point is None:
        point = ExtractedActionPoint(
            text=text[start:end],
            source_sentence=text[start:end],
            rule="gapped_row",
            confidence=0.7,
            span=[start, end],
        )
        item(point).action_points.append(point)
    point.owner = point.owner or row["owner"]
    if point.due_date is None and due:
        point.due_date, point.deadline_text = due, row["date"]
