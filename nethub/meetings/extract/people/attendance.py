"""The attendance the minutes label ("Present:", "Participants"): its lines, a column of
honorifics and names under the label, lists after inline labels, and the general section
reader (`name_runs`) where the layouts miss.
"""

from __future__ import annotations

import html
import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ATTENDANCE_INLINE, ATTENDANCE_LABEL
from nethub.meetings.extract.people.first_names import is_first_name
from nethub.meetings.extract.people.layouts import glued_row, name_list
from nethub.meetings.extract.people.person_names import NAME, Found, person_key, person_name


def first_name_line(document, lines, read, position: int) -> list[Found]:
    """Rule: in an attendance listed one person an item, a first name alone ("* Douglas")
    between two items that are people is a participant."""
    index, line = lines[position]
    item = re.match(r"^\s*(?P<name>[A-Z]\S+)\s*$", line)
    if not (item and document.blocks[index].bullet and 0 < position < len(lines) - 1):
        return []
    if not (read[position - 1] and read[position + 1]):
        return []
    name = person_name(item.group("name"), single=True)
    return [Found(name, None, "first_name_line")] if name else []


# "2 Apologies for absence: ...": a numbered part of the minutes stops the attendance too.
_STOP_LIST = re.compile(
    r"^(?:\d{1,2}[.)]?\s+)?(?:agenda|minutes|summary|apologies|regrets|excused|absent|unable|"
    # French and Spanish: "Excusés :", "Absents :", "Ausentes:", "Orden del día", "Ordre du jour".
    r"excus[ée]e?s|absents|ausentes?|excusas|ordre\s+du\s+jour|orden\s+del\s+d[ií]a)\b",
    re.I,
)
# "Members Present: A, B Consultants Present: C Staff Present: D", "Health Cluster Team: A, B";
# "Present: Ana L; Ben; Cy H. We welcomed ...": the sentence after the list ends it too.
_INLINE_END = re.compile(
    r"\b(?:apologies|regrets|excused|absent|agenda|call to order)\b|\s{2,}|\n|"
    r"\.\s+(?-i:(?=[A-Z][a-z]*\s+(?!(?:de|van|von|da|del|le|bin|al)\b)[a-z]))",
    re.I,
)


def attendance_lines(document: s.LabelledDocument) -> list[tuple[int, str]]:
    """(block index, raw line) of the attendance: the lines after a participants label, up to a
    heading or a paragraph."""
    lines: list[tuple[int, str]] = []
    for seg in document.labelled(s.PARTICIPANTS):
        index = seg.block
        raw = _raw(document, index)
        rest = ATTENDANCE_LABEL.sub("", raw.split("\n")[0]).strip()
        lines += [(index, line) for line in ([rest] if rest else []) + raw.split("\n")[1:]]
        for following in range(index + 1, min(index + 80, len(document.blocks))):
            block = document.blocks[following]
            text = block.text
            if _STOP_LIST.match(text) or _agenda_heading(block):
                break
            if len(text.split()) > 40 and not _table_block(_raw(document, following)):
                break
            text = html.unescape(text).strip()
            if not (
                re.search(r"[,/(:]|\s{3}", _raw(document, following))
                or person_name(text, single=True)
                or (block.bullet and glued_row(text, None))
            ):
                break
            lines += [
                (following, html.unescape(line)) for line in _raw(document, following).split("\n")
            ]
    return lines


def _table_block(raw: str) -> bool:
    """Rule: a block of many words whose every line is a row of cells spaced apart ("Ana Lind
    (chair)      UNHCR      ana@unhcr.org") is an attendance table, not a paragraph."""
    lines = [line for line in raw.split("\n") if line.strip() and not _WRAPPED_CELL.match(line)]
    return len(lines) >= 3 and all(len(re.split(r"\s{3,}|\t", line.strip())) >= 2 for line in lines)


# A line indented far into the page ("                    Desenvolupament del Tercer ..."): the
# wrapped end of the row above's last cell, no row of its own.
_WRAPPED_CELL = re.compile(r"^\s{20,}\S")


def _agenda_heading(block) -> bool:
    """Rule: a numbered item ending with a colon ("5. Practice News:") is the next agenda
    item's heading: the attendance above it has ended."""
    return block.bullet and block.marker[:1].isdigit() and block.text.rstrip().endswith(":")


def _raw(document: s.LabelledDocument, block_index: int) -> str:
    """A block as the text has it (columns kept), else as cleaned."""
    segs = [x for x in document.segments if x.block == block_index and x.start is not None]
    if not segs:
        return document.blocks[block_index].text
    return document.text[segs[0].start : segs[-1].end]


def section_names_where_layouts_miss(
    document: s.LabelledDocument, resolver, found: list[Found]
) -> list[Found]:
    """Stage: the names of the attendance and role sections read whatever their separators
    (`name_runs`), when the layout rules read fewer than half of them: the layouts are exact
    where they apply, the general reader covers the layouts they do not know."""
    names = name_runs.section_names(document.text[:3000], document.text, resolver)
    read = [set(person_key(f.name).split()) for f in found]
    if not names or len([n for n in names if _read_already(n, read)]) * 2 >= len(names):
        return []
    # "Were present: Ana Lind, Ben Ray.": the sentence's full stop is no part of the last name.
    kept = [name for name in names if _opens_like_a_name(name)]
    return [Found(name.rstrip(" ."), None, "section_names") for name in kept]


# An honorific the general reader left before a first name alone ("Sr. Rolando").
_HONORIFIC_WORDS = frozenset(["sr.", "sra.", "sr", "sra", "mr", "mr.", "ms", "ms.", "mme", "m."])


def _read_already(name: str, read: list[set[str]]) -> bool:
    """Rule: a name the general reader cut in two ("Sra. Marta" and "Chaves Castro" of "la Sra.
    Marta Chaves Castro") is read already when its words are those of a person a layout read."""
    words = set(person_key(name.rstrip(" .")).split()) - _HONORIFIC_WORDS
    return bool(words) and any(words <= person for person in read)


def _opens_like_a_name(name: str) -> bool:
    """Rule: the general section reader cuts runs of capitalised words wherever it can, so its
    "people" include bodies and places ("Durham Wildlife Trust", "Herts Police"); one it keeps
    opens with a first name the dictionary knows, or an initial."""
    first = name.split()[0].rstrip(".")
    return len(first) <= 2 or is_first_name(first)


_HONORIFIC_LINE = re.compile(
    rf"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+(?P<name>{NAME})\s*(?:[ivx]+\))?$",
)


def attendance_column(document: s.LabelledDocument) -> list[Found]:
    """Rule: an attendance written as a column, each person on a line of their own with their
    title and organisation on the lines below ("PRESENT / i) / Ms. Ana Sala / Programme
    Officer / ..."): after the label, every line that is an honorific and a name is a person,
    up to the apologies, the next paragraph or 60 lines."""
    found: list[Found] = []
    for seg in document.labelled(s.PARTICIPANTS):
        for block in document.blocks[seg.block + 1 : seg.block + 60]:
            text = block.text.strip()
            if _STOP_LIST.match(text) or len(text.split()) > 25:
                break
            match = _HONORIFIC_LINE.match(text)
            name = person_name(match.group("name")) if match else None
            if name:
                found.append(Found(name, None, "attendance_column"))
    return found


def inline_attendance(head: str, resolver) -> list[Found]:
    """ "Members Present: A, B Consultants Present: C Staff Present: D, E Call to order":
    lists after labels in running text, each up to the next label or the text that follows."""
    found: list[Found] = []
    matches = list(ATTENDANCE_INLINE.finditer(head))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(head)
        stop = _INLINE_END.search(head, match.end(), end)
        found += name_list(head[match.end() : stop.start() if stop else end], resolver)
    return found


# "..., Jill Eve. Apologies: Jane Lawrence, ...": those after it on the line did not attend.
_ABSENT_INLINE = re.compile(
    r"\b(?:apologies(?:\s+for\s+absence)?|regrets|absent|excused)\s*(?:received\s*)?:", re.I
)


def split_labels(line: str) -> list[str]:
    """ "Members Present: A, B Consultants Present: C Staff Present: D": one list a label; the
    line ends at an inline "Apologies:"."""
    line = _ABSENT_INLINE.split(line)[0]
    parts = [p.strip() for p in ATTENDANCE_INLINE.split(line) if p.strip()]
    return parts or [line]
