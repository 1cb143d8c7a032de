"""Points the structure read whole that hold more, or less, than one task.

- `several_tasks`: "Ann to book the hall, Bob to order the compost and Cy to print the
  posters" is three points, one a named owner, each with its own deadline.
- `items_run_together`: "Action Points: o Ann to share the logo. o Follow-up on the wording."
  or items a lost bullet left two spaces apart are one point an item.
- `status_rows`: "UNHCR to share the factsheet: Done (on the portal) IMC to share the report:
  Pending": rows of a follow-up table whose status column ran into the next row's task are one
  point a row, each with its status (which `drop_marked_done` then reads).
- `task_keeps_topic`: "Photocopier – ongoing – MB to arrange": a task with no object ("to
  arrange", "to follow up") or by initials keeps the topic its line opens with, which says
  what it is about.
"""

from __future__ import annotations

import dataclasses
import re

from nethub.meetings.extract import dates
from nethub.meetings.extract.actions import NOT_BEFORE_A_SUBJECT, cut_at
from nethub.meetings.extract.result import ExtractedActionPoint, ExtractedMeeting
from nethub.meetings.extract.rules.actions.labelled import LABEL_RULES

# An owner written before "to": capitalised names, acronyms, initials ("Bob Ray", "MoE", "NF/TG",
# "Mike and Lesley"), at most four words.
_OWNER = (
    r"(?:[A-Z][a-z]+|[A-Z][A-Za-z]*[A-Z][\w'’/-]*)"
    r"(?:\s+(?:[A-Z][a-z]+|[A-Z][A-Za-z]*[A-Z][\w'’/-]*|and|&)){0,3}"
)
_VERB = r"(?!(?:the|an?|all|its|their|this|these|be|date|day)\b)[a-z]{3,}\b"
_TASK_START = re.compile(rf"^(?P<owner>{_OWNER})\s+to\s+{_VERB}")
# Where the next owner's task begins: after a comma, a semicolon or "and".
_JOIN = re.compile(rf"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?={_OWNER}\s+to\s+{_VERB})")


def several_tasks(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a point made of tasks each led by its owner and "to" is one point a task. The
    first part must be such a task too: in "ILO, IOM and UNHCR to develop ..." the owners are
    listed, and the point stays whole."""
    for item in meeting.agenda_items:
        kept: list[ExtractedActionPoint] = []
        for point in item.action_points:
            parts = [p.strip(" ,;.") for p in _JOIN.split(point.text)]
            if len(parts) < 2 and (point.explicit or point.rule in LABEL_RULES):
                parts = _glued_tasks(point.text)
            if len(parts) < 2 or not all(_TASK_START.match(part) for part in parts):
                kept.append(point)
                continue
            kept += [_part(point, part, text, meeting) for part in parts]
        item.action_points = kept


# "... from WASH sector Jacinta to send the strategy": the next owner's task run on after a
# space, as a flattened action column writes them; not an object before "to" ("share it with
# UNHCR to check").
_GLUED_JOIN = re.compile(rf"(?<=[a-z0-9)])\s+(?={_OWNER}\s+to\s+{_VERB})")


def _glued_tasks(task: str) -> list[str]:
    """A labelled point's tasks each led by its owner and "to", run on without a separator."""
    cuts = [
        m.start()
        for m in _GLUED_JOIN.finditer(task)
        if task[: m.start()].split()[-1].lower() not in NOT_BEFORE_A_SUBJECT
    ]
    return [part.strip(" ,;.") for part in cut_at(task, cuts)]


# A status cell ("Done", "Pending - still working on it", "Completed (on the portal)") and
# the next row's "Owner to verb" right after it.
_STATUS_THEN_ROW = re.compile(
    r"(?<=[:\s])(?:done|completed|pending|ongoing|in\s+progress|closed|achieved)\b"
    r"(?:\s*[-–]\s*[a-z][^.()]{0,60}?)?(?:\s*\([^()]{0,80}\))?"
    rf"\s+(?={_OWNER}\s+to\s+{_VERB})",
    re.I,
)


def status_rows(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a point holding rows of a follow-up table, each task then its status, is one
    point a row; each row keeps its status."""
    for item in meeting.agenda_items:
        kept: list[ExtractedActionPoint] = []
        for point in item.action_points:
            cuts = [m.end() for m in _STATUS_THEN_ROW.finditer(point.text)]
            if not cuts:
                kept.append(point)
                continue
            kept += [_part(point, part, text, meeting) for part in cut_at(point.text, cuts) if part]
        item.action_points = kept


# Where a list item run into the one before it begins: a bullet glyph, or two spaces where a
# bullet was lost, before a capital; with `_LETTER_O`, also a letter-o bullet (how Word's
# bullets come out of a PDF).
_ITEM_GAP = re.compile(r"\s*[•▪◦]\s*(?=[A-Z])|\s{2,}(?=[A-Z])")
_LETTER_O = re.compile(r"(?:^|\s+)o\s+(?=[A-Z])|\s*[•▪◦]\s*(?=[A-Z])|\s{2,}(?=[A-Z])")


def items_run_together(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a listed point that holds several list items run together is one point an item.
    Only points under an action label (a discussion's sentences may be two spaces apart), and
    a lone " o " is a word ("OIM o ACNUR"): the text must open with that bullet or hold two."""
    for item in meeting.agenda_items:
        kept: list[ExtractedActionPoint] = []
        for point in item.action_points:
            labelled = point.explicit or point.rule in LABEL_RULES
            written = text[point.span[0] : point.span[1]] if point.span else point.text
            parts = _run_items(written) if labelled else []
            if len(parts) < 2:
                kept.append(point)
                continue
            kept += [_part(point, part, text, meeting) for part in parts]
        item.action_points = kept


def _run_items(task: str) -> list[str]:
    bullets = len(re.findall(r"(?:^|\s)o\s+(?=[A-Z])", task))
    gap = _LETTER_O if bullets >= 2 or task.startswith("o ") else _ITEM_GAP
    task = re.sub(r"^[^:\n]{0,40}:\s*(?=\S)", "", task)  # the label opening the span
    task = re.sub(r"\s+[A-Z]{3,}:.*$", "", task, flags=re.S)  # "... AGENDA: 1.": the next part
    parts = [p.strip(" .;") for p in gap.split(task)]
    parts = [p for p in parts if p]
    return parts if all(len(p.split()) >= 3 for p in parts) else []


def _part(point: ExtractedActionPoint, part: str, text: str, meeting) -> ExtractedActionPoint:
    due, words = dates.due_date(part, meeting.meeting_date)
    span = None
    if point.span:
        start = text.find(part, point.span[0], point.span[1] + 1)
        span = [start, start + len(part)] if start >= 0 else None
    return dataclasses.replace(
        point,
        text=part,
        owner=re.sub(r"^The\s+", "", owner.group("owner"))
        if (owner := _TASK_START.match(part))
        else None,
        due_date=due,
        deadline_text=words if due else "",
        span=span,
    )


# "MB to arrange", "AS to follow up.", "NF/TG to source": an owner and a verb, nothing more;
# or any task by initials ("AS to ask someone else"), as terse as the topic it follows.
_BARE_TASK = re.compile(
    rf"^{_OWNER}\s+to\s+[a-z]+(?:\s+(?:up|out|on|back))?\s*\.?$|^[A-Z]{{2,3}}(?:/[A-Z]{{2,3}})?\s+to\s"
)
# The line's topic before it: "Photocopier – ongoing –", "Fire blanket is still missing.", "No
# quote yet, so"; a label and its colon ("Action point:") is no topic.
_TOPIC = re.compile(r"[A-Z][^\n:]{2,80}?(?:\s[–—-]\s|\.\s|,\s+so\s)[^\n:]{0,60}$")


def task_keeps_topic(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a task with no object keeps the topic written before it on its line ("Sports
    equipment – ongoing. NF/TG to arrange"), which is what the task is about."""
    for point in meeting.action_points():
        if not point.span or not _BARE_TASK.match(point.text.strip()):
            continue
        # The task may be the end of its segment's span ("Photocopier – ongoing – MB to ...").
        at = text.rfind(point.text.strip(), point.span[0], point.span[1] + 1)
        start = at if at >= 0 else point.span[0]
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if _TOPIC.fullmatch(before.strip() + " ") is None:
            continue
        point.span = [line_start + len(before) - len(before.lstrip()), max(point.span[1], start)]
        point.text = text[point.span[0] : point.span[1]].strip()
