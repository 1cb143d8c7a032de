"""The people found merged with the participants already read: one entry a person, prose
names kept apart as people mentioned when the minutes list an attendance.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.labels import ABSENCE_FIRST, ABSENCE_WORDS, ATTENDANCE_LABEL
from nethub.meetings.extract.participants import ABSENT_LABEL, HONORIFICS
from nethub.meetings.extract.people.first_names import is_first_name
from nethub.meetings.extract.people.layouts import glued_row
from nethub.meetings.extract.people.person_names import (
    Found,
    body_not_person,
    person_key,
    person_name,
    without_initials,
    without_leading_role,
    without_role,
)
from nethub.meetings.extract.result import ExtractedParticipant


def merge(
    existing: list[ExtractedParticipant], found: list[Found]
) -> tuple[list[ExtractedParticipant], list[ExtractedParticipant]]:
    """(participants, people mentioned): the participants already read that are people, then
    the newly found ones not among them (a first name alone joins a full name that starts with
    it). People named in prose are participants when the minutes list no attendance, else
    people mentioned, kept apart."""
    for item in found:
        item.name = _without_trailing_title(
            without_role(without_initials(without_leading_role(_without_title(item.name))))
        )
    kept = []
    for person in existing:
        person.name = re.sub(r"\s*\((?:joined late|left early|tbc)\)$", "", person.name, flags=re.I)
        # "Attendance: Rita Moss (cluster)": the label and the bracketed body are no part of it.
        person.name = ATTENDANCE_LABEL.sub("", person.name).strip()
        person.name = re.sub(r"\s*\([^()]*\)$", "", person.name)
        # "H. Davie. Apologies: W. Astor": the absence list that ends the attendance line.
        person.name = _ABSENCE_TAIL.sub("", person.name)
    for person in [one for entry in existing for one in _pair_split(entry)]:
        person.name = _without_trailing_title(
            without_role(without_initials(without_leading_role(person.name)))
        )
        if ABSENT_LABEL.match(person.name):
            continue  # "Apologies: none" read as one more line of the attendance
        if person_name(person.name, single=True, loose=True) and not any(
            f.name.lower().startswith(person.name.lower()) and f.name.lower() != person.name.lower()
            for f in found
        ):
            kept.append(person)
    listed = [f for f in found if not f.in_prose]
    prose = [f for f in found if f.in_prose]
    kept = _add(kept, listed)
    _add(kept, [f for f in prose if _known(kept, f)])  # their organisation, when prose gives it
    if len(kept) >= 3:
        mentioned = _add([], [f for f in prose if not _known(kept, f)])
        return _people(kept), _people(mentioned)
    return _people(_add(kept, prose)), []


def _people(entries: list[ExtractedParticipant]) -> list[ExtractedParticipant]:
    """The entries that are people, a first name or a surname alone dropped when a full name
    found starts or ends with it (the readers run in turn: "Ashok" before "Ashok_Malhotra";
    "Chair Lind called the meeting to order" after "Present: Chair Ana Lind"), an initial
    and surname when a full name ends with them, and words from inside a longer name, none
    headed by an absence label."""
    keys = [person_key(entry.name) for entry in entries]
    # "CIDERE Alain": a SURNAME written first, so the first name ends the name.
    surname_first = [
        key
        for entry, key in zip(entries, keys, strict=True)
        if re.match(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\s", entry.name)
    ]
    return [
        entry
        for entry, key in zip(entries, keys, strict=True)
        if not body_not_person(entry.name)
        and not ABSENCE_FIRST.match(entry.name)
        and not (" " not in key and any(_one_of(key, other) for other in keys))
        and not (" " not in key and any(other.endswith(" " + key) for other in surname_first))
        and not (_INITIAL_FIRST.match(key) and any(other.endswith(" " + key) for other in keys))
        and not any(_inside(key, other) or _title_and_part(key, other) for other in keys)
    ]


def _title_and_part(key: str, other: str) -> bool:
    """Rule: a title and the first words of a name read as one name ("Rector Víctor" out of
    "Rector Víctor Manuel Rodríguez Sarmiento") are that person."""
    words = key.split()
    while words and words[0] in name_runs.not_names():
        words = words[1:]
    part = " ".join(words)
    return bool(part) and part != key and f" {part} " in f" {other} " and other != key


def _inside(key: str, other: str) -> bool:
    """Rule: two or more words of a longer name, read again by another reader out of its
    middle or its end ("León Atehortúa" of "Adolfo León Atehortúa Cruz"), are that person."""
    rest = other.partition(" ")[2]
    return " " in key and key != other and f" {key} " in f" {rest} "


def _one_of(word: str, name: str) -> bool:
    """`word` is the first name of `name`, or its surname when `name` opens with a first name
    ("lindqvist" of "nora lindqvist"; not "kirchner" of "stirling. kirchner", two list items)."""
    if name.startswith(word + " "):
        return True
    first = name.split()[0]
    return name.endswith(" " + word) and "." not in first and is_first_name(first)


# "N. Bhatt" read again out of "Vighnesh N. Bhatt": an initial and the end of a full name.
_INITIAL_FIRST = re.compile(r"^[a-z]\.?\s")


_ABSENCE_TAIL = re.compile(rf"[.;,]?\s+(?:{ABSENCE_WORDS})\b.*$", re.I)


# "Andrew Powell & Francesca Battistin", "R. Welker & S. Wohlmuth", "and Wendy Campbell": two
# people joined in one entry, or the last of a list with its "and".
# "Ana Lind and Ben Ray", "Hélène Morel et Julie Caron", "Nadia y Eva": two people.
_PAIR = re.compile(r"^(?:(?:and|et|y)\s+)?(?P<one>[^&]+?)(?:\s+(?:&|and|et|y)\s+(?P<two>[^&]+))?$")


def _without_title(name: str) -> str:
    """ "Senator Larsen", "Cllr K Burn": the readers that take names as written keep the title;
    it is no part of the name."""
    bare = HONORIFICS.sub("", name).strip()
    return bare if bare and bare != name.strip() else name


def _without_trailing_title(name: str) -> str:
    """Rule: "Steve Thompson Chairman", "Ana Lind Secretary": a title written after the name
    with no separator is no part of it (a word never a name's, kept two words of name)."""
    words = name.split()
    if words and words[-1].lower() in name_runs.ORG_END:
        return name  # "Lusaka Women Alliance": a body, not a person with a title
    while len(words) > 2 and words[-1].lower().strip(".,") in name_runs.not_names():
        words = words[:-1]
    bare = " ".join(words)
    return bare if bare != name and person_name(bare) else name


def _pair_split(person: ExtractedParticipant) -> list[ExtractedParticipant]:
    """Rule: an entry that is two names joined by "&" or "and" ("et", "y") is two people; a
    leading "and"
    and a bracket left open ("Jake Zarins (HFHI") are no part of a name."""
    name = re.sub(r"\s*\([^()]*\)?$", "", _without_title(person.name))
    glued = glued_row(name, None)
    name = glued[0].name if glued else name  # "Ines KovarUNICEFChair": a row's cells glued
    match = _PAIR.match(name)
    if match is None or not person_name(match.group("one"), single=True):
        return [person]
    two = match.group("two")
    if two and not person_name(two, single=True):
        return [person]
    person.name = match.group("one")
    if not two:
        return [person]
    return [person, ExtractedParticipant(name=two, as_written=person.as_written)]


def _known(people: list[ExtractedParticipant], item: Found) -> bool:
    key = person_key(item.name)
    return any(
        person_key(p.name) == key or person_key(p.name).startswith(key + " ") for p in people
    )


def _add(kept: list[ExtractedParticipant], found: list[Found]) -> list[ExtractedParticipant]:
    kept = list(kept)
    keys = {person_key(p.name) for p in kept}
    for item in found:
        key = person_key(item.name)
        if key in keys or any(k.startswith(key + " ") for k in keys):
            # The same person found again by a rule that reads the organisation too.
            same = next((p for p in kept if person_key(p.name) == key), None)
            if same is not None and not same.organization and item.organization:
                same.organization = item.organization
            continue
        keys.add(key)
        kept.append(
            ExtractedParticipant(
                name=item.name, organization=item.organization, as_written=item.name
            )
        )
        kept[-1].rule = item.rule
    return kept
