"""Attendance written as chat nicknames or initials, one token a person: "Present: chris,
fantasai, florian, plh", "Present\nAllenGinsberg, AndreasHarth, ChrisW", "(Present: pete,
david, cdn, brian)", "Present pr, CJ, NF, my". Groups minuted on IRC or chat (W3C, open-source
projects, small committees) list who was there so; the readers of names ("First Last") pass a
lone token by.
"""

from __future__ import annotations

import re

from nethub.meetings.extract.labels import ABSENCE_WORDS
from nethub.meetings.extract.people.person_names import Found

# An attendance label, inline ("Present:", "(Present: ...") or alone on its line.
_LABEL = re.compile(
    r"(?:^|\n|\(|\battendees\s+)[ \t]*(?:present|attendees|in\s+attendance)"
    r"(?:[ \t]*:[ \t]*|[ \t]*\n[ \t]*|[ \t]+(?=\S+,))",
    re.I,
)
# What ends the list: the next label of the attendance block, a blank line, the bracket that
# closes "(Present: ...)".
_END = re.compile(
    rf"\b(?:{ABSENCE_WORDS}|chair|scribe|guests?|agenda|minutes|staff)\b"
    r"|\)(?=[ \t]*(?:\n|$))|\n[ \t]*\n",
    re.I,
)
_NICK = re.compile(r"@?[A-Za-z][\w.'-]{0,23}")
# Two tokens after "Present" are no list of the attendance.
MIN_ITEMS = 3


def nick_list(opening: str, resolver) -> list[Found]:
    """Rule: after an attendance label, a comma-separated list of at least three single tokens
    (nicknames, initials, first names), two thirds of its items or more, gives one person a
    token, unless most of them are organisations the directory knows."""
    for label in _LABEL.finditer(opening):
        rest = opening[label.end() : label.end() + 800]
        end = _END.search(rest)
        items = [item.strip() for item in re.split(r",|\n", rest[: end.start() if end else None])]
        items = [item for item in items if item and item != "-"]
        nicks = [item for item in items if _NICK.fullmatch(item)]
        # "Attendees: Dr Anni Dong (AD), JL, MC, RM": the full names are the name readers'.
        if len(nicks) < MIN_ITEMS or len(nicks) * 3 < len(items) * 2:
            continue
        # "Present: UNICEF, WFP, OCHA": bodies, no people.
        if sum(bool(resolver.resolve(item)) for item in nicks) * 2 >= len(nicks):
            continue
        start = label.end()
        return [Found(item.replace("_", " "), None, "nick_list", start) for item in nicks]
    return []
