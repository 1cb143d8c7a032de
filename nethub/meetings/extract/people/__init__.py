"""Participants in the layouts real minutes use, each layout a rule of `layouts.LAYOUTS`.

Attendance lines (those a `participant_line` segment opens, up to the first heading or
paragraph) are read by the first layout that finds people in them: table rows ("1 / Name /
Position/ORG"), "Name: Organisation" lines, "Name (ORG), Name (ORG)" lists, "ORG - Name, Name"
groups, two columns of "Name, ORG", plain name lists. A chair, facilitator or note-taker named in
the header is a participant; so is a person named in running prose with an organisation or a
title ("Dr. Joan Clos of UN-Habitat opened ...", "Kelly David, OCHA, ...", "Pippa Bradford from
WFP"). A list of organisations only names organisations, not people.

By concept: `person_names` (what a name looks like), `layouts` (one attendance line),
`attendance` (the labelled attendance), `opening` (attendance without a label), `prose` (people
in running text), `procedure` (people calling the meeting to order, moving or seconding),
`merging` (one entry a person), `presence` (a register marking each person present or
absent). `find_people` runs the readers in order.
"""

from __future__ import annotations

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.people.any_label import label_then_names
from nethub.meetings.extract.people.attendance import (
    attendance_column,
    attendance_lines,
    first_name_line,
    inline_attendance,
    section_names_where_layouts_miss,
    split_labels,
)
from nethub.meetings.extract.people.layouts import read_line, surname_first_run
from nethub.meetings.extract.people.merging import merge
from nethub.meetings.extract.people.nicks import nick_list
from nethub.meetings.extract.people.opening import (
    bracketed_first_names,
    bracketed_names_by_org,
    capital_surnames,
    dash_org_items,
    dashed_acronym_run,
    glued_rows_run,
    header_table,
    honorific_lines,
    name_column,
    name_lines_under_header,
    names_over_contacts,
    numbered_rows,
    numbered_run,
    numbered_table_run,
    unlabelled_lists,
)
from nethub.meetings.extract.people.person_names import Found
from nethub.meetings.extract.people.presence import (
    marked_absent,
    plural_civility_lists,
    presence_register,
)
from nethub.meetings.extract.people.procedure import people_acting
from nethub.meetings.extract.people.prose import people_in_prose, roles_in_header


def find_people(document: s.LabelledDocument, resolver) -> list[Found]:
    """Everyone the minutes name as attending, in the order of the rules that found them."""
    found: list[Found] = []
    seen_lines: set[str] = set()
    lines = attendance_lines(document)
    read = [
        [p for part in split_labels(line) for p in read_line(part, resolver)] for _, line in lines
    ]
    for position, (_index, line) in enumerate(lines):
        seen_lines.add(line.strip())
        found += read[position] or first_name_line(document, lines, read, position)
    found += attendance_column(document)
    found += header_table(document.text[:3000])
    found += honorific_lines(document.text[:2000])
    found += unlabelled_lists(document, resolver, seen_lines)
    found += name_lines_under_header(document.text)
    found += name_column(document.text[:1500], resolver)
    found += numbered_run(document.text[:2500])
    found += bracketed_first_names(document.text)
    found += numbered_rows(document.text)
    found += presence_register(document.text)
    found += plural_civility_lists(document.text)
    found += surname_first_run(document.text[:4000])
    found += dash_org_items(document.text[:3000], resolver)
    found += dashed_acronym_run(document.text[:3000], resolver)
    found += names_over_contacts(document.text[:4000])
    found += glued_rows_run(document.text[:3000], resolver)
    found += numbered_table_run(document.text[:4000])
    found += bracketed_names_by_org(document.text[:4000], resolver)
    found += capital_surnames(document.text[:4000], resolver)
    found += section_names_where_layouts_miss(document, resolver, found)
    found += inline_attendance(document.text[:2500], resolver)
    found += label_then_names(document.text, resolver)
    found += nick_list(document.text[:2500], resolver)
    found += roles_in_header(document.text[:1500])
    found += people_acting(document.text, resolver)
    found += people_in_prose(document.text, resolver)
    return found


__all__ = ["Found", "find_people", "marked_absent", "merge"]
