"""People the minutes show taking part in the meeting's procedure: calling it to order, calling
the roll, moving or seconding a motion, presiding, adjourning ("Chair Lind called the meeting to
order", "Motion to approve the minutes by Senator Ray; second by Senator Dunn", "Moved: Cllr
Ames"). Whatever list the minutes give, such a person was there.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.people.person_names import NAME, Found, person_name

# A title a board, council or senate writes before a name; with one, a surname alone is a name.
_TITLE = (
    r"(?:(?:Interim|Acting|Deputy|Vice|Executive|Associate|Assistant|Board|Council|Committee)"
    r"[ -])?(?:Chair(?:man|woman|person)?|President|Secretary|Treasurer|Director|Provost|Dean|"
    r"Clerk|Member|Councilmember|Alderman|Alderwoman|Supervisor|Senator|Commissioner|"
    r"Councill?or|Cllr|Trustee|Mayor|Delegate|Representative|Superintendent|Principal|"
    r"Mr|Mrs|Ms|Dr|Prof)\.?"
)
_WHO = rf"(?<![\w.])(?:(?P<title>{_TITLE})\s+)?(?P<name>{NAME})"
# "P.M. President Ana Lind called ...": the title inside what was read as the name.
_TITLE_INSIDE = re.compile(rf"^(?:.*\s)?(?:{_TITLE})\s+(?P<rest>\S.*)$")
_ACT_AFTER = re.compile(
    rf"{_WHO}\s+(?:called\s+(?:[\w'’-]+\s+){{0,6}}?to\s+order|called\s+(?:the\s+)?roll|"
    r"(?:made|offered)\s+(?:a|the)\s+motion|seconded|presided|chaired\s+the\s+meeting|"
    r"adjourned\s+the\s+meeting|took\s+the\s+minutes|"
    r"moved(?=\s+(?:to\s+(?:approve|accept|adopt|amend|table|adjourn|close|receive)|that\b)))"
)
# "Motion to approve ... by Senator Ray; second by Senator Dunn", "Moved: Cllr Ames",
# "Proposed by Ana Lind, seconded by Ben Ray".
_ACT_BEFORE = re.compile(
    r"\b(?:[Mm]otion|[Mm]oved|MOVED|[Ss]econd(?:ed)?|SECONDED|[Pp]roposed|[Pp]roposer|"
    rf"[Ss]econder)\b(?:[^.;\n]{{0,150}}?\bby|\s*:)\s+{_WHO}"
)


_NEXT_ACT = re.compile(
    r"\s+(?:Seconded|Moved|Proposed|Carried|Passed|Approved|Approval|Motion)\b.*$", re.I
)


def people_acting(text: str, resolver) -> list[Found]:
    vocabulary = name_runs.document_vocabulary(text)
    found = []
    for pattern in (_ACT_AFTER, _ACT_BEFORE):
        for match in pattern.finditer(text):
            name = _name(match, vocabulary, resolver)
            if name:
                found.append(Found(name, None, "meeting_act", match.start("name")))
    return found


def _name(match: re.Match, vocabulary: frozenset[str], resolver) -> str | None:
    """The name, a surname alone only after a title; every word name-like in this document
    ("The Chair", "Staff Member" are no names)."""
    written, titled = match.group("name"), bool(match.group("title"))
    inside = _TITLE_INSIDE.match(written)
    if inside:
        written, titled = inside.group("rest"), True
    # "Proposed: J. Reid Seconded: T. Kelly": the next act's word is no part of the name.
    written = _NEXT_ACT.sub("", written)
    name = person_name(written, single=titled)
    if not name or len(name.split()) > 3:
        return None
    if not all(name_runs.name_word(word, vocabulary) for word in name.split()):
        return None
    return None if resolver.resolve_in(name) is not None else name
