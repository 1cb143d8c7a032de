"""Who was there and who was not, as French and Spanish registers write it: a register whose
column says "présent(e)", "absent(e) excusé(e)", "present", "apologies" ("1. Chantal FURT
Présente", "· Benoît Borius, administrateur, présent", "· Karine Roch, administratrice, absente
excusée"); lists opened by a plural civility ("Mmes BRANCON, FOUCAULT, MM. BESSE, LE GARREC",
"MM: Daniel MARTINEZ; Louis FACCHINI et Jean Louis LUCCHETTA"); and the lines an absence label
opens ("Excusés : Nadine SIDOBRE", "Ont donné leur pouvoir : M. NOBILEAU"). Those marked present
or listed are participants; those marked absent, excused or represented are not, whichever
reader found them.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


def _entries(text: str) -> tuple[tuple[str, bool], ...]:
    """(name, present) for each marked entry of the register, if there is one."""
    return _register(text[:6000])


@lru_cache(maxsize=4)
def _register(head: str) -> tuple[tuple[str, bool], ...]:
    # Read twice a document: for the people present (`presence_register`) and, after merging,
    # for those absent (`marked_absent`).
    entries = []
    for match in _ENTRY.finditer(head):
        name = person_name(_without_role(match.group("name")), loose=True)
        if name:
            present = re.fullmatch(_PRESENT, match.group("mark"), re.I) is not None
            entries.append((name, present))
    return tuple(entries) if len(entries) >= _AT_LEAST else ()


def _without_role(name: str) -> str:
    """ "Benoît Chermanne Président": the role written between the name and the mark."""
    words = name.split()
    while len(words) > 2 and words[-1].lower() in name_runs.not_names():
        words.pop()
    return " ".join(words)


def presence_register(text: str) -> list[Found]:
    """Rule: the people a register marks present attend."""
    return [Found(name, None, "presence_register") for name, present in _entries(text) if present]


# "Mmes BRANCON, FOUCAULT, NICOLLE, MM. BESSE, CABOT": a plural civility opens a list of people.
_PLURAL_CIVILITY = re.compile(r"\b(?:Mmes|MM|Mesdames|Messieurs)\b\.?[ \t]*:?[ \t]*")
_CAPITAL_SURNAME = re.compile(r"(?:(?:LE|LA|DE|DU|DE LA)\s+)?[A-ZÀ-Þ][A-ZÀ-Þ'’-]+")
_FIRST_NAME_THEN_SURNAME = re.compile(
    r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ'’]+){0,2}\s+"
    r"(?:(?:le|de|du|LE|DE|DU)\s+)?[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)?"
)
# Between the people of a French list: a comma or semicolon (with "et"), or "et".
_SEPARATOR = r"\s*[,;]\s*(?:et\s+)?|\s+et\s+"
# A line an absence label opens; "Ont donné (leur) pouvoir": represented by proxy, not there.
_ABSENCE_LINE = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:(?:[ée]taient|sont)\s+)?"
    r"(?:absents?(?:\s+excus[ée]e?s)?|excus[ée]e?s|excusad[oa]s|ausentes?|apologies|regrets|"
    r"ont\s+donn[ée]\s+(?:leur\s+)?pouvoir|pouvoirs?)\b[^:\n]{0,20}:(?P<rest>[^\n]*)",
    re.I | re.M,
)


def _listed_after_civility(part: str) -> list[str]:
    """The people of one plural civility's list, up to the end of its sentence."""
    part = re.split(r"\.(?:\s|$)", part, maxsplit=1)[0]
    people = []
    for item in re.split(_SEPARATOR, part):
        item = item.strip(" .")
        if item.lower() in name_runs.not_names():
            continue  # "ATSEM": a post, written in capitals as the surnames are
        if _CAPITAL_SURNAME.fullmatch(item) or _FIRST_NAME_THEN_SURNAME.fullmatch(item):
            people.append(item)
        else:
            break  # the list ends where its names do
    return people


def plural_civility_lists(text: str) -> list[Found]:
    """Rule: "Étaient présents : Mmes BRANCON, FOUCAULT, MM. BESSE, CABOT": the people a plural
    civility lists (two at least in the document), not on an absence line."""
    found = []
    for line in text[:5000].split("\n"):
        if _ABSENCE_LINE.match(line):
            continue
        for part in _PLURAL_CIVILITY.split(line)[1:]:
            found += [Found(name, None, "plural_civility") for name in _listed_after_civility(part)]
    return found if len(found) >= 2 else []


def marked_absent(text: str) -> set[str]:
    """The people a register marks absent or excused, and those an absence line names (as
    `person_key`s): not participants."""
    absent = {person_key(name) for name, present in _entries(text) if not present}
    head = text[:6000]
    for line in _ABSENCE_LINE.finditer(head):
        absent |= _named(line.group("rest"))
        if not line.group("rest").strip():
            absent |= _named_below(head[line.end() :])
    return absent


def _named(line: str) -> set[str]:
    """The people one absence line names, as `person_key`s."""
    named = set()
    rest = _PLURAL_CIVILITY.sub("", line)
    for item in re.split(rf"{_SEPARATOR}|\s+and\s+", rest):
        item = re.sub(r"^[-•·*]?\s*(?:M|Mme|Mr|Mrs|Ms|Dr)\.?\s+", "", item.strip(" ."))
        if _CAPITAL_SURNAME.fullmatch(item) or re.fullmatch(rf"{_WORD}(?:\s+{_WORD}){{0,3}}", item):
            named.add(person_key(item))
    return named


def _named_below(after: str) -> set[str]:
    """ "Excusés :" alone on its line: the lines under it, up to the next label (a line that
    ends with a colon) or a heading, six at most."""
    named: set[str] = set()
    lines = [line for line in after.split("\n") if line.strip()][:6]
    for line in lines:
        if line.rstrip().endswith(":") or re.match(r"^\s*(?:\d+|[IVX]+)[.)-]", line):
            break
        named |= _named(line)
    return named
