"""Attendance under a label no list of labels knows ("Friends:", "In person at the office:",
"On the telephone:", "Present." with full stops between the names): in the opening of the
minutes, a short label followed by a list whose items are people's names lists people who
took part, whatever the label says, unless it says they did not.

Real minutes name their attendance in more ways than any vocabulary holds; what stays the same
is the shape: a label, then several names. The layouts read the list (`layouts.read_line`), so
"Name, ORG; Name, ORG" keeps its organisations.
"""

from __future__ import annotations

import re

from nethub.meetings.extract.labels import ABSENCE_WORDS
from nethub.meetings.extract.people.layouts import read_line
from nethub.meetings.extract.people.person_names import Found, person_name

# A label: a few words, no digits, closed by a colon, a full stop or a dash ("Friends:",
# "In Person at UNAIDS office:", "Present.", "Board members -").
_LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][A-Za-z’'&/() -]{1,44}?)\s*(?::|\.|\s[–-])\s+(?P<list>\S.*)$"
)
# Labels of people who were not there, of people given work, of where a text goes.
_NOT_PRESENT = re.compile(
    rf"\b(?:{ABSENCE_WORDS}|unable|sent|cc|copy|copies|"
    r"distribution|circulat\w*|action\w*|owner|responsib\w*|lead|by|who|to|minutes|agenda|"
    r"next|date|venue|location|time|re|subject|from)\b",
    re.I,
)
# "Present. Norman Trott. Sue Britton.": names separated by full stops (not an initial's).
_STOP_BETWEEN = re.compile(r"(?<=[a-zà-ÿ]{2})\.\s+(?=[A-ZÀ-Þ])")
_OPENING = 3000
_MIN_PEOPLE = 3


def label_then_names(text: str, resolver) -> list[Found]:
    """Rule: a line "Label: name, name, name" (or with its list wrapped over the next lines)
    in the opening lists at least three people who attended; its label may be any words but
    those of absence, tasks or addressing."""
    lines = text[:_OPENING].split("\n")
    found: list[Found] = []
    index = 0
    while index < len(lines):
        match = _LABEL.match(lines[index])
        index += 1
        if not match or _NOT_PRESENT.search(match.group("label")):
            continue
        wrapped = _continuation(lines[index : index + 3])
        people = _read_list(" ".join([match.group("list"), *wrapped]), resolver)
        if len(people) >= _MIN_PEOPLE:
            found += [Found(p.name, p.organization, "label_then_names") for p in people]
            index += len(wrapped)
    return found


def _continuation(lines: list[str]) -> list[str]:
    """The lines a wrapped list runs on to: up to a blank line, a numbered one or the next
    "Label:" ("David Guyton. Jennifer Stokes." runs on; "Apologies: ..." does not)."""
    kept = []
    for line in lines:
        if not line.strip() or re.match(r"^\s*(?:\d|[*•-]\s)|^[^:]{1,45}:", line):
            break
        kept.append(line.strip())
    return kept


def _read_list(listed: str, resolver) -> list[Found]:
    by_semicolon = _name_then_body(listed, resolver)
    if by_semicolon:
        return by_semicolon
    if not re.search(r"[,;]", listed):
        listed = _STOP_BETWEEN.sub(", ", listed)
    listed = listed.strip().rstrip(".")
    return read_line(listed, resolver)


def _name_then_body(listed: str, resolver) -> list[Found]:
    """Rule: "Felix Ulloa, El Salvador Mission; Nils Grede, WFP; Lee, UNAIDS, Governance": one
    person an entry between semicolons, their name first and their organisation after it."""
    entries = [e.strip() for e in listed.split(";") if e.strip()]
    if len(entries) < _MIN_PEOPLE:
        return []
    found = []
    for entry in entries:
        name, _, rest = entry.partition(",")
        name = person_name(name, single=True)
        if name:
            known = resolver.resolve_in(rest) if rest.strip() else None
            body = str(known.organization) if known else rest.split(",")[0].strip() or None
            found.append(Found(name, body, "label_then_names"))
    return found if len(found) * 10 >= len(entries) * 7 else []
