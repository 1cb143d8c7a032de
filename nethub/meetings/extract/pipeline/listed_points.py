"""An action point listed under an action heading or in an action table: its deadline (also
in closing brackets or after a dash) and its owner (also named in brackets or before a
colon), a table's columns.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import actions
from nethub.meetings.extract.deadlines import find_deadline
from nethub.meetings.extract.result import ExtractedActionPoint, ExtractedMeeting

_COLUMN_NAMES = [
    ("owner", r"responsible|lead|owner|who|focal point|entity|by whom"),
    ("due", r"deadline|due|timeline|timeframe|when|by when|date"),
    ("text", r"action|what|task|follow[- ]?up|activity"),
]


def table_columns(text: str) -> dict[str, int]:
    """The header row of an action table ("Action | Responsible | Deadline"), by column."""
    if " | " not in text:
        return {}
    columns: dict[str, int] = {}
    for index, cell in enumerate(part.strip() for part in text.split(" | ")):
        for name, pattern in _COLUMN_NAMES:
            if name not in columns and re.match(rf"^(?:{pattern})\b", cell, re.I):
                columns[name] = index
                break
    return columns if "text" in columns else {}


def table_point(text: str, columns: dict[str, int], meeting, resolve_owner):
    cells = [cell.strip() for cell in text.split(" | ")]

    def cell(name):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    action = cell("text")
    if not action:
        return None
    point = listed_point(action, meeting, resolve_owner)
    owner = cell("owner")
    if owner:
        point.owner = resolve_owner(owner) or actions._several(owner, resolve_owner) or owner
    due = cell("due")
    if due:
        written = due if re.match(r"(?i)(?:by|before|until|no later)\b", due) else f"by {due}"
        deadline = find_deadline(written, meeting.meeting_date)
        if deadline and deadline.date:
            point.due_date, point.deadline_text = deadline.date.isoformat(), due
    point.source_sentence = text
    return point


def listed_point(text: str, meeting: ExtractedMeeting, resolve_owner) -> ExtractedActionPoint:
    deadline = find_deadline(text, meeting.meeting_date)
    bracket = re.search(r"\(([^()]{3,30})\)\s*\.?$", text)
    if deadline is None and bracket:
        # Rule: "draft the guide (17 December)": a listed point's date written in brackets.
        found = find_deadline(f"by {bracket.group(1)}", meeting.meeting_date)
        deadline = found if found and found.date else None
    dash = re.search(r"\s[–—-]\s*([^–—()]{3,30}?)\s*\.?$", text)
    if deadline is None and dash:
        # Rule: "synthesis of the outcomes – end of January 2026": a date after a closing dash.
        found = find_deadline(f"by {dash.group(1)}", meeting.meeting_date)
        deadline = found if found and found.date else None
    owner = actions.owner_of(text, resolve_owner)
    if owner is None and bracket and not (deadline and bracket.group(1) in deadline.text):
        owner = _bracket_people(bracket.group(1))
    if owner is None:
        owner = _leading_people(text)
    if owner is None:
        owner = actions.leading_body(text, resolve_owner)
    return ExtractedActionPoint(
        text=text.strip(),
        owner=owner,
        due_date=deadline.date.isoformat() if deadline and deadline.date else None,
        deadline_text=deadline.text if deadline else "",
        source_sentence=text.strip(),
        explicit=True,
    )


# "(Jen and Neil)", "(Dan)", "(Everyone)", "(Zoltan until further training)", "(Anne et
# Marc)", "(KL)": people in brackets, by name or initials.
_BRACKET_PEOPLE = re.compile(
    r"^\s*(?P<owner>(?:[A-Z][a-zà-ÿ]+|[A-Z]{2,4})"
    r"(?:\s*(?:,|&|\band\b|\bet\b|\by\b)\s*(?:[A-Z][a-zà-ÿ]+|[A-Z]{2,4}))*)"
    r"(?:\s+[a-z][^()]*)?\s*$"
)


def bracket_owner(task: str) -> str | None:
    """Who a task's closing brackets name ("Prévenir la fédération (Christian)"), or None."""
    bracket = re.search(r"\(([^()]{2,40})\)\s*\.?$", task)
    return _bracket_people(bracket.group(1)) if bracket else None


def _bracket_people(bracket: str) -> str | None:
    """Rule: an item of an action list closed by capitalised names in brackets ("Setup the Wiki
    (Dan)", "Register the team ( Jen and Neil)") gives the work to them: what a listed point
    puts in its closing brackets is its owner or its date, and a date was looked for first."""
    match = _BRACKET_PEOPLE.match(bracket)
    if match is None or match.group("owner").lower() in _NOT_BRACKET_OWNER:
        return None
    return match.group("owner")


# "NW and JH: register the team", "Jannetta: put the ideas onto a spreadsheet", "JH & AW: ...".
_LEADING_PEOPLE = re.compile(
    r"^(?P<owner>[A-Z][\w.&'’-]*(?:\s*(?:/|,|&|\band\b)\s*[A-Z][\w.&'’-]*){0,4})"
    # "Andy - To investigate the hire": a dash and "To" instead of the colon.
    r"(?:\s*:\s+(?:[Tt]o\s+)?|\s+[-–]\s+[Tt]o\s+)[a-z]{3,}\b"
)
# Labels that lead an item with a colon and are no one ("Note: check ...", "Status: done").
_ITEM_LABELS = {
    "note",
    "notes",
    "format",
    "status",
    "deadline",
    "update",
    "comment",
    "comments",
    "action",
    "decision",
    "responsible",
    "timeline",
    "next",
    "outcome",
    "result",
    "issue",
    "topic",
    "nb",
}


def _leading_people(text: str) -> str | None:
    """Rule: an item of an action list led by names or initials and a colon, then the task in
    lower case ("NW and JH: register the team", "Jannetta: merge the agenda"), gives the work to
    them: a list's item names its owner first as often as last."""
    match = _LEADING_PEOPLE.match(text.strip())
    if match is None:
        return None
    parts = re.split(r"\s*(?:/|,|&|\band\b)\s*", match.group("owner"))
    if any(part.lower().strip(".") in _ITEM_LABELS for part in parts):
        return None
    return match.group("owner")


# Capitalised words that close an item in brackets and are no one ("(Optional)", "(Draft)").
_NOT_BRACKET_OWNER = {
    "optional",
    "draft",
    "ongoing",
    "done",
    "pending",
    "closed",
    "open",
    "tbc",
    "tbd",
    "asap",
    "cob",
    "eod",
    "aob",
    "fyi",
    "na",
    "rsvp",
    "urgent",
}
