"""Where the participants list is and where it ends: its heading or first sub-list label
("Chair:"), the blocks that are people, a list placed after the discussion; and the end of the
header when there is none.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import name_runs
from nethub.meetings.extract.blocks import Block
from nethub.meetings.extract.header import DATE_PATTERN
from nethub.meetings.extract.participants import (
    ABSENT_LABEL,
    PARTICIPANTS_HEADING,
    SUBLIST_LABEL,
    is_participant_line,
    organisation_then_person,
    split_inline,
)
from nethub.meetings.extract.participants import HONORIFICS as HONORIFIC_PREFIX
from nethub.meetings.extract.pipeline.listed_points import table_columns


def inline_entries(text: str, resolver) -> list[str]:
    """The entries of a list after "Participants:"; a list of organisations ("IRC, UNESCO,
    Church of Ankawa, MoE") names no people: only those the resolver knows are kept, as
    organisations."""
    entries = split_inline(text)
    people = [e for e in entries if organisation_then_person(e, resolver) is not None]
    # Rule: "OCHA (John Smith), IRC (Ahmed Ali)": organisations, each with its person.
    if len(people) < len(entries) and name_runs.names_bodies(entries, resolver):
        return [e for e in entries if e in people or resolver.resolve_in(e) is not None]
    return entries


def find_participants(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks[:40]):
        if PARTICIPANTS_HEADING.match(block.text):
            return _sublists_above(blocks, index)
    for index, block in enumerate(blocks[:40]):  # no heading: the first sub-list ("Chair: A")
        if after_discussion(blocks, index):
            break
        if not block.bullet and not block.md_heading and _sublist_start(blocks, index):
            return index
    return None


def _sublists_above(blocks: list[Block], heading: int) -> int:
    """Rule: "Chair:" and its person just above a "Members present:" heading belong to the
    attendance: the list starts at the first sub-list label directly above the heading."""
    start = heading
    index = heading - 1
    while index >= 0:
        block = blocks[index]
        if not block.bullet and not block.md_heading and _sublist_start(blocks, index):
            start = index
        elif not (participant_block(block) or bare_name(blocks, index)):
            break
        index -= 1
    return start


def attendance_label(block: Block, *, first: bool = False) -> re.Match | None:
    """ "Participants:", "Co-chairs: A, DG, IOM; B, ...", "Apologies: ILO": a label of the
    attendance list (a Markdown heading only when it opens the list or ends with ":")."""
    if block.md_heading and not first and not block.text.rstrip().endswith(":"):
        return None
    return (
        PARTICIPANTS_HEADING.match(block.text)
        or SUBLIST_LABEL.match(block.text)
        or ABSENT_LABEL.match(block.text)
    )


def _sublist_start(blocks: list[Block], index: int) -> bool:
    """Rule: a sub-list label opens the attendance when people follow it: on its line
    ("Chair: Nadia Rahman, Head, ...") or in the blocks below ("EC members:" then a list)."""
    match = SUBLIST_LABEL.match(blocks[index].text)
    if not match:
        return False
    inline = match.group("inline").strip()
    if inline:
        return bool(
            is_participant_line(inline) or _NAME.match(re.sub(HONORIFIC_PREFIX, "", inline))
        )
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and (participant_block(following) or bare_name(blocks, index + 1))


def after_discussion(blocks: list[Block], index: int) -> bool:
    """Rule: a participants list placed after paragraphs of discussion (an annex-like "List
    of participants" at the end) is not the end of the header."""
    return any(
        len(block.text.split()) > 25 and not is_participant_line(block.text)
        for block in blocks[:index]
    )


def end_of_header(blocks: list[Block]) -> int:
    """Without a participants list, the header is the first lines up to the one with the date."""
    for index, block in enumerate(blocks[:10]):
        if DATE_PATTERN.search(block.text):
            return index + 1
    return min(3, len(blocks))


def participant_block(block: Block) -> bool:
    return (
        not block.md_heading
        and not _numbered_title(block)
        and is_participant_line(block.text)
        and not (block.text.endswith(".") and len(block.text.split()) > 12)
        # Rule: an action table's header row ("Action | Responsible | Deadline") right after
        # the attendance ends it: its rows are tasks, not people.
        and not table_columns(block.text)
    )


def _numbered_title(block: Block) -> bool:
    """Rule: "1. Preparations for the first Review Forum (IMRF)" is an agenda heading, not a
    participant: numbered, no comma, semicolon, slash or bar, and more words than a name
    before its brackets."""
    if not re.fullmatch(r"\(?(?:\d{1,2}|[IVX]{1,4})[.)]", block.marker or "") and not (
        re.match(r"^(?:agenda\s+)?item\s+\d", block.text, re.I)
    ):
        return False
    if re.search(r"[,;/|]", block.text):
        return False
    return len(block.text.split("(")[0].split()) > 5


_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*\.?\s+){1,4}[A-Z][\w’'.-]+$")


def bare_name(blocks: list[Block], index: int) -> bool:
    """A name alone on its line ("Amy Pope") is a participant when the list goes on after it;
    a heading ("UN System Pledge") is followed by its discussion instead."""
    text = re.sub(HONORIFIC_PREFIX, "", blocks[index].text)
    if not _NAME.match(text) or blocks[index].md_heading:
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None:
        return False
    next_text = re.sub(HONORIFIC_PREFIX, "", following.text)
    return bool(participant_block(following) or _NAME.match(next_text))
