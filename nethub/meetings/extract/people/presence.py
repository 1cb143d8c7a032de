"""Attendance written with each person's presence beside their name: a register whose column
says "présent(e)", "absent(e) excusé(e)", "present", "apologies" ("1. Chantal FURT Présente",
"· Benoît Borius, administrateur, présent", "· Karine Roch, administratrice, absente
excusée"). Those marked present are participants; those marked absent or excused are not,
whichever reader found them.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.people.person_names import Found, person_key, person_name

# A name's word in such registers: "Chantal", "FURT", "Marie-Françoise", "O'Neill"; with the
# particles of "Michael LE BONNIEC" and "Marie de SAINT-BLANQUAT".
_WORD = r"[A-ZÀ-Þ][A-Za-zÀ-ÿ'’]+(?:-[A-ZÀ-Þ][A-Za-zÀ-ÿ'’]+)*"
_REGISTER_NAME = rf"{_WORD}(?:[ \t]+(?:(?:de|du|le|la|van|von|da|del)[ \t]+)?{_WORD}){{1,3}}"
_PRESENT = r"pr[ée]sente?s?|present|presente?s?"
_ABSENT = (
    r"absente?s?(?:\s+excus[ée]e?s?)?|excus[ée]e?s?|absent|apologies|excused|ausente?s?|"
    r"excusad[oa]s?"
)
# The entry: an item's marker, the name, an optional role between commas, then the mark that
# closes the entry (the end of the line, or the next item's number).
_ENTRY = re.compile(
    rf"(?:^|\n)[ \t]*(?:\d{{1,3}}[.)]\s*|[-·•*▪◦]\s*)?(?P<name>{_REGISTER_NAME})"
    rf"(?:[ \t]*,[ \t]*[^,\n;]{{1,40}}?)?[ \t,:–-]+(?P<mark>(?i:{_PRESENT})|(?i:{_ABSENT}))"
    r"[ \t.]*(?=\n|$)"
)
# A register has at least this many marked entries: one "Ana Lind, present" is a sentence.
_AT_LEAST = 3


def _entries(text: str) -> list[tuple[str, bool]]:
    """(name, present) for each marked entry of the register, if there is one."""
    entries = []
    for match in _ENTRY.finditer(text[:6000]):
        name = person_name(_without_role(match.group("name")), loose=True)
        if name:
            present = re.fullmatch(_PRESENT, match.group("mark"), re.I) is not None
            entries.append((name, present))
    return entries if len(entries) >= _AT_LEAST else []


def _without_role(name: str) -> str:
    """ "Benoît Chermanne Président": the role written between the name and the mark."""
    words = name.split()
    while len(words) > 2 and words[-1].lower() in name_runs.not_names():
        words.pop()
    return " ".join(words)


def presence_register(text: str) -> list[Found]:
    """Rule: the people a register marks present attend."""
    return [Found(name, None, "presence_register") for name, present in _entries(text) if present]


def marked_absent(text: str) -> set[str]:
    """The people a register marks absent or excused (as `person_key`s): not participants."""
    return {person_key(name) for name, present in _entries(text) if not present}
