"""The structure of minutes from their blocks: header, participants list, agenda items (with
their discussion, decisions and listed action points). Stage 2 (`assemble`) calls it first, then
adds what the labelled segments find.

By concept: `attendance` (where the participants list is), `headings` (the agenda and item
headings), `walk` (the body read block by block into agenda items), `listed_points` (a listed
or tabled action point), `discussion_points` (points in the discussion's sentences), `restated`
(one point written twice), `cell_lines` (a table flattened one cell a line, read back into
rows). `assemble_structure` reads the header and the participants list, then walks the body.
"""

from __future__ import annotations

import re

from nethub.meetings.extract.blocks import Block
from nethub.meetings.extract.header import parse_header
from nethub.meetings.extract.participants import (
    ABSENT_LABEL,
    PARTICIPANTS_HEADING,
    SUBLIST_LABEL,
    is_table_rule,
    parse_participant,
    split_entries,
    sublist_entries,
    table_header,
    table_participant,
)
from nethub.meetings.extract.pipeline.attendance import (
    after_discussion,
    attendance_label,
    bare_name,
    end_of_header,
    find_participants,
    inline_entries,
    participant_block,
)
from nethub.meetings.extract.pipeline.cell_lines import rows_from_cell_lines
from nethub.meetings.extract.pipeline.headings import agenda_list
from nethub.meetings.extract.pipeline.walk import read_agenda_items
from nethub.meetings.extract.result import ExtractedMeeting

_SKIP = re.compile(
    r"^(?:final\s+)?(?:summary|draft|minutes|record|note for the file)\b.{0,20}$", re.I
)


def assemble_structure(blocks: list[Block], resolver) -> ExtractedMeeting:
    """The structure of one meeting summary from its blocks: header, participants list, agenda
    items with their discussion, decisions and listed action points. Never raises on odd
    input: what cannot be found is left empty and named in `warnings`."""
    meeting = ExtractedMeeting()
    blocks = rows_from_cell_lines(blocks)
    participants_at = find_participants(blocks)
    trailing = participants_at is not None and after_discussion(blocks, participants_at)
    header_end = (
        participants_at if participants_at is not None and not trailing else end_of_header(blocks)
    )
    header = parse_header([b.text for b in blocks[:header_end] if not _SKIP.match(b.text)])
    meeting.title = header.title
    meeting.series = header.series or "Meeting"
    meeting.date = header.date.isoformat() if header.date else None
    if header.times:
        meeting.start_time, meeting.end_time, meeting.timezone = header.times[0]
        meeting.other_times = [
            {"start_time": s, "end_time": e, "timezone": z} for s, e, z in header.times[1:]
        ]
    meeting.is_virtual, meeting.venue = header.is_virtual, header.venue
    body_start = header_end
    list_end = None
    if participants_at is not None:
        body_start = participants_at + 1
        body_start = participants_at
        columns = None  # a participants table's header row, once seen
        absent = False  # under "Apologies:": those listed did not attend
        while body_start < len(blocks) and (
            participant_block(blocks[body_start])
            or bare_name(blocks, body_start)
            or attendance_label(blocks[body_start], first=body_start == participants_at)
        ):
            row = blocks[body_start].text
            label = (
                None
                if blocks[body_start].bullet
                else attendance_label(blocks[body_start], first=body_start == participants_at)
            )
            if label is not None:
                absent, role = label.re is ABSENT_LABEL, ""
                if label.re is PARTICIPANTS_HEADING:
                    entries = inline_entries(label.group("inline") or "", resolver)
                elif label.re is SUBLIST_LABEL:
                    entries, role = sublist_entries(label)
                else:
                    entries = []
                for entry in entries:
                    person = parse_participant(entry, resolver)
                    person.role = person.role or role
                    meeting.participants.append(person)
                body_start += 1
                continue
            if absent:
                body_start += 1
                continue
            if is_table_rule(row) or table_header(row):
                columns = table_header(row) or columns
                body_start += 1
                continue
            if columns and "|" in row:
                meeting.participants.append(table_participant(row, columns, resolver))
                body_start += 1
                continue
            for entry in split_entries(row):
                meeting.participants.append(parse_participant(entry, resolver))
            body_start += 1
        if trailing:  # "List of participants" after the discussion: the body goes round it
            list_end, body_start = body_start, header_end
    body = (
        blocks[body_start:participants_at] + blocks[list_end:]
        if list_end is not None
        else blocks[body_start:]
    )
    meeting.agenda, agenda_blocks = agenda_list(body)
    read_agenda_items(meeting, [b for i, b in enumerate(body) if i not in agenda_blocks], resolver)
    if not meeting.date:
        meeting.warnings.append("No meeting date found.")
    if not meeting.participants:
        meeting.warnings.append("No participants list found.")
    return meeting
