"""One test (or a few) per extraction rule, on small synthetic inputs written for the purpose."""

import datetime

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import actions
from nethub.meetings.extract.blocks import split_blocks, strip_markdown
from nethub.meetings.extract.deadlines import find_deadline
from nethub.meetings.extract.header import DEFAULT_TIMEZONE, parse_date, parse_header, parse_times
from nethub.meetings.extract.names import body_name
from nethub.meetings.extract.participants import parse_participant, split_entries

MEETING = datetime.date(2024, 1, 29)


# Rule: blocks -------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["•", "-", "*", "–", "1.", "2)", "a)", "(b)", "(iv)", "o", "▪"])
def test_list_markers_make_list_items(marker):
    blocks = split_blocks(f"Follow-up:\n{marker} Circulate the draft note.\n")
    assert blocks[1].bullet and blocks[1].text == "Circulate the draft note."


def test_a_time_is_not_a_list_marker():
    assert not split_blocks("15.00 – 16.00h (virtual)\n")[0].bullet


def test_wrapped_pdf_lines_are_joined_and_short_lines_kept():
    wide = "word " * 17
    text = "\n\n".join(
        [
            "Title of the meeting",
            "Jane Roe, Director, UNHCR",
            "John Doe, Adviser, ILO",
            f"{wide}the sentence goes on and is cut at the page",
            "width here and ends.",
            f"{wide}a multi-",
            "stakeholder event is planned for the next session.",
            f"{wide}another long line of the same paragraph for the",
            "statistics of wrapping.",
        ]
        * 2
    )
    texts = [b.text for b in split_blocks(text)]
    assert "Jane Roe, Director, UNHCR" in texts
    assert any("cut at the page width here and ends." in t for t in texts)
    assert any("a multi-stakeholder event" in t for t in texts)


def test_lowercase_line_after_a_page_break_continues_the_paragraph():
    blocks = split_blocks(
        "UNICEF recommended that the Network use it\n\n\n\nas part of its work.\n"
    )
    assert [b.text for b in blocks] == [
        "UNICEF recommended that the Network use it as part of its work."
    ]


def test_markdown_headings_and_emphasis_are_stripped():
    text, heading, emphasised = strip_markdown("### **Support to the co-facilitators**")
    assert (text, heading, emphasised) == ("Support to the co-facilitators", True, True)
    assert strip_markdown("*Action Points:*")[0] == "Action Points:"


def test_bold_spanning_two_lines_is_one_block():
    blocks = split_blocks(
        "**EC Principals Meeting Tuesday,  \n15 February 2022, 16.00 – 17.00h**\n"
    )
    assert len(blocks) == 1 and blocks[0].emphasised
    assert "15 February 2022" in blocks[0].text


# Rule: header ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Monday, 29 January 2024", datetime.date(2024, 1, 29)),
        ("Meeting of March 3, 2023 (virtual)", datetime.date(2023, 3, 3)),
        ("held on 2022-11-08 in Geneva", datetime.date(2022, 11, 8)),
        ("no date here", None),
    ],
)
def test_header_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "09.00 – 10.30 (NY time)/15.00 – 16.30 (GVA time)",
            [("09:00", "10:30", "America/New_York"), ("15:00", "16:30", "Europe/Zurich")],
        ),
        ("15.00 – 16.00h (virtual)", [("15:00", "16:00", DEFAULT_TIMEZONE)]),
        ("10:00-11:30 New York time", [("10:00", "11:30", "America/New_York")]),
        ("3 pm - 4.30 pm CET", [("15:00", "16:30", "Europe/Zurich")]),
        ("Workplan 2022-2024", []),
    ],
)
def test_header_times_and_zones(text, expected):
    assert parse_times(text) == expected


def test_header_title_series_and_virtual():
    header = parse_header(
        ["Working Group on Returns — Meeting 4 March 2023, 14.00-15.00 (virtual)"]
    )
    assert header.series == "Working Group Meeting"
    assert header.is_virtual and header.date == datetime.date(2023, 3, 4)
    assert header.title == "Working Group on Returns — Meeting"


# Rule: participants -----------------------------------------------------------------------


RESOLVER = OrganizationResolver.from_reference_data()


@pytest.mark.parametrize(
    "entry,name,title,organization,honorific",
    [
        ("Ms. Jane Roe, DG/IOM, Network Coordinator", "Jane Roe", "DG", "IOM", "Ms."),
        (
            "Dr. Ann Lee, Assistant DG/Governance, Rights and Dialogue, ILO",
            "Ann Lee",
            "Assistant DG/Governance, Rights and Dialogue",
            "ILO",
            "Dr.",
        ),
        ("John Smith, Deputy Director, UN DESA", "John Smith", "Deputy Director", "DESA", ""),
        (
            "H.E. Mr. Paul Poe, Head of Office/UN Refugee Agency",
            "Paul Poe",
            "Head of Office",
            "UNHCR",
            "H.E. Mr.",
        ),
        ("Mia Moe (UNICEF), Senior Adviser", "Mia Moe", "Senior Adviser", "UNICEF", ""),
        ("WHO: Dr. Ken Koe, Director", "Ken Koe", "Director", "WHO", "Dr."),
        (
            "Sam Soe, ASG and Director of UNDP Crisis Bureau",
            "Sam Soe",
            "ASG and Director of UNDP Crisis Bureau",
            "UNDP",
            "",
        ),
        ("Kim Kay, Chief, XYZNET", "Kim Kay", "Chief", "XYZNET", ""),
    ],
)
def test_participant_forms(entry, name, title, organization, honorific):
    person = parse_participant(entry, RESOLVER)
    assert (person.name, person.title, person.organization, person.honorific) == (
        name,
        title,
        organization,
        honorific,
    )


def test_several_participants_on_one_line():
    assert split_entries("Mr. A Bee, HC/OHCHR; Ms. C Dee, Director/OHCHR") == [
        "Mr. A Bee, HC/OHCHR",
        "Ms. C Dee, Director/OHCHR",
    ]


def test_role_after_organisation():
    assert parse_participant(
        "Jo Ray, Director General, IOM, Network Coordinator", RESOLVER
    ).role == ("Network Coordinator")


# Rule: deadlines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("submitted to Principals by 1 May.", datetime.date(2024, 5, 1)),
        ("by 15 March 2023", datetime.date(2023, 3, 15)),
        ("to be shared in December", datetime.date(2024, 12, 31)),
        ("by end of Q2", datetime.date(2024, 6, 30)),
        ("by end-June", datetime.date(2024, 6, 30)),
        ("by mid-March", datetime.date(2024, 3, 15)),
        ("no later than 30 September", datetime.date(2024, 9, 30)),
        ("before the end of the year", datetime.date(2024, 12, 31)),
        ("by 10 January", datetime.date(2025, 1, 10)),  # already past at the meeting: next year
        ("by the second quarter of 2025", datetime.date(2025, 6, 30)),
    ],
)
def test_deadlines_resolve_against_the_meeting_date(sentence, expected):
    assert find_deadline(sentence, MEETING).date == expected


@pytest.mark.parametrize(
    "sentence", ["as soon as possible", "in 2024 there were elections", "soon"]
)
def test_no_deadline(sentence):
    assert find_deadline(sentence, MEETING) is None


# Rule: action points, owners and decisions -------------------------------------------------


@pytest.mark.parametrize(
    "heading,rest",
    [
        ("Action Points:", ""),
        ("Action points", ""),
        ("Follow-up actions:", ""),
        ("Next steps", ""),
        ("Agreed actions:", ""),
        ("Follow-up", ""),
        ("Action point: Secretariat to circulate.", "Secretariat to circulate."),
    ],
)
def test_action_point_headings(heading, rest):
    assert actions.action_heading(heading) == rest


def test_a_sentence_about_actions_is_no_heading():
    assert actions.action_heading("Actions to protect migrants were discussed at length.") is None


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("This proposal should be submitted to Principals by 1 May.", True),
        ("The Secretariat will circulate the note.", True),
        ("The Principals requested UNICEF to prepare a brief.", True),
        ("The review will take place in May.", False),
        ("Migration remains a priority.", False),
    ],
)
def test_assigning_work(sentence, expected):
    assert actions.assigns_work(sentence) is expected


@pytest.mark.parametrize(
    "sentence,owner",
    [
        ("Coordinator to relay the Network's support.", "Coordinator"),
        ("Executive Committee working level to draw up a proposal.", "EC working level"),
        ("The Secretariat will circulate the note by 1 March.", "Secretariat"),
        ("The Principals requested UNICEF to prepare a brief.", "UNICEF"),
        ("The issue will be taken forward by the Coordinator.", "Coordinator"),
        ("Develop a set of common messages.", None),
        ("Final revisions from the EC to be sent in as soon as possible.", "Executive Committee"),
        ("Comments from UNICEF to be shared by Friday.", "UNICEF"),
    ],
)
def test_owner(sentence, owner):
    def resolve(text):
        name = body_name(text)
        if name:
            return name
        found = RESOLVER.resolve_in(text.removeprefix("the "))
        return str(found.organization) if found and not found.remainder else None

    assert actions.owner_of(sentence, resolve) == owner


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The Coordinator proposed, and the Principals agreed, to endorse the workplan.", True),
        ("It was agreed that the pledge should not overlap.", True),
        ("There was broad agreement on the pledge.", True),
        ("The meeting decided to postpone the retreat.", True),
        ("The text aims to be flexible enough for the Principals to be adopted.", False),
        ("Free movement agreements exist in the region.", False),
    ],
)
def test_decisions(sentence, expected):
    assert actions.is_decision(sentence) is expected


def test_sentences_do_not_split_after_titles():
    assert actions.split_sentences("Ms. Waly spoke. Then Mr. Li replied.") == [
        "Ms. Waly spoke.",
        "Then Mr. Li replied.",
    ]


def test_a_label_line_is_never_a_continuation():
    wide = "word " * 16
    text = "\n".join([f"{wide}ends here without a stop", "Present:", "Ann Lee (UNICEF)"] * 4)
    assert "Present:" in [b.text for b in split_blocks(text)]


def test_agenda_heading_with_roman_numerals():
    from nethub.meetings.extract import extract_meeting

    text = (
        "Working group meeting, 2 May 2023\n\nParticipants:\nAnn Lee, Officer, ILO\n\n"
        "Agenda\nI. Pilots\nII. Other matters\n\nI. Pilots\n\nThe group decided to add a pilot.\n\n"
        "II. Other matters\n\nNone.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert meeting.agenda == ["Pilots", "Other matters"]
    assert [i.title for i in meeting.agenda_items] == ["Pilots", "Other matters"]
    assert meeting.agenda_items[0].decisions == ["The group decided to add a pilot."]


@pytest.mark.parametrize(
    "text,name",
    [
        ("the Co-chairs", "Co-chairs"),
        ("Chair", "Chair"),
        ("the working level", "EC working level"),
        ("the Network members", "Network"),
        ("EC", "Executive Committee"),
        ("UNICEF", None),
    ],
)
def test_bodies_of_the_network(text, name):
    assert body_name(text) == name


def test_several_owners():
    def resolve(text):
        found = RESOLVER.resolve_in(text)
        return str(found.organization) if found and not found.remainder else None

    assert actions.owner_of("IOM and UNHCR to draft terms of reference.", resolve) == "IOM, UNHCR"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("circulate within two weeks", datetime.date(2024, 2, 12)),
        ("reply within 10 days", datetime.date(2024, 2, 8)),
        ("a note in one month", datetime.date(2024, 2, 29)),
        ("by the end of the month", datetime.date(2024, 1, 31)),
        ("by the end of this quarter", datetime.date(2024, 3, 31)),
        ("by next week", datetime.date(2024, 2, 9)),
        ("(Deadline: 30 June)", datetime.date(2024, 6, 30)),
        ("Timeline: Q3 2024", datetime.date(2024, 9, 30)),
    ],
)
def test_relative_and_labelled_deadlines(sentence, expected):
    assert find_deadline(sentence, MEETING).date == expected


@pytest.mark.parametrize(
    "sentence,owner",
    [
        ("Draft the note (Lead: UNHCR; deadline: 30 June).", "UNHCR"),
        ("Circulate the revised workplan (Secretariat).", "Secretariat"),
        ("Circulate the revised workplan – Coordinator", "Coordinator"),
        ("It was agreed that UNICEF would prepare a brief.", "UNICEF"),
    ],
)
def test_owner_labels_and_clauses(sentence, owner):
    def resolve(text):
        name = body_name(text)
        if name:
            return name
        found = RESOLVER.resolve_in(text.strip().removeprefix("the "))
        return str(found.organization) if found and not found.remainder else None

    assert actions.owner_of(sentence, resolve) == owner


@pytest.mark.parametrize(
    "heading", ["Action Points/Follow-up:", "Way forward:", "Next steps and decisions"]
)
def test_combined_action_headings(heading):
    assert actions.action_heading(heading) == ""


@pytest.mark.parametrize(
    "heading",
    ["Action Points:", "Next Steps", "Follow-up actions and responsibilities", "To do:", "Tasks"],
)
def test_the_walk_and_the_rule_table_read_the_same_action_headings(heading):
    """Both stages take their headings from `labels`: what one calls a heading, so does the
    other."""
    from nethub.meetings.extract.segments import label_document

    assert actions.action_heading(heading) == ""
    segment = label_document(f"{heading}\n- UNHCR to share the draft.\n").segments[0]
    assert segment.rule == "action_section_heading"


@pytest.mark.parametrize(
    "line", ["Present: Ann Lee, Bob Ray", "Members present: Ann Lee", "Participants: Ann Lee"]
)
def test_the_rule_table_and_the_people_readers_read_the_same_attendance_labels(line):
    from nethub.meetings.extract import labels, name_runs
    from nethub.meetings.extract.segments import label_document

    assert label_document(line).segments[0].rule == "participants_label"
    assert labels.ATTENDANCE_LABEL.sub("", line) == line.split(": ")[1]
    assert [kind for kind, _ in name_runs.sections(line)] == ["attendance"]


def test_participants_from_a_table_and_a_principals_heading():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC Principals meeting, 3 April 2023\n\nPrincipals present:\n"
        "Ann Lee | Director-General | ILO\nBo Ray | Executive Director | UNICEF\n\n"
        "Update\n\nThe Coordinator gave an update.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert [(p.name, p.title, p.organization) for p in meeting.participants] == [
        ("Ann Lee", "Director-General", "ILO"),
        ("Bo Ray", "Executive Director", "UNICEF"),
    ]


def test_a_plain_paragraph_after_listed_action_points_is_discussion_again():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting, 3 April 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\nFunding\n\n"
        "Action points:\n- Secretariat to draft the appeal.\n\n"
        "Members also noted the funding gap of the Fund.\n"
    )
    [item] = extract_meeting(text, resolver=RESOLVER).agenda_items
    assert [p.text for p in item.action_points] == ["Secretariat to draft the appeal."]
    assert "funding gap" in item.discussion


def test_a_marker_alone_on_its_line_marks_the_next_one():
    blocks = split_blocks("Attendees\n-\nMs. Ann Lee, DG, ILO\n-\nMr. Bo Ray, ED, UNICEF\n")
    assert [(b.bullet, b.text) for b in blocks[1:]] == [
        (True, "Ms. Ann Lee, DG, ILO"),
        (True, "Mr. Bo Ray, ED, UNICEF"),
    ]


def test_title_prefers_the_line_naming_the_meeting():
    header = parse_header(
        ["EC meeting summary", "Executive Committee Principals Meeting, 2 May 2023"]
    )
    assert header.title == "Executive Committee Principals Meeting"


def test_numbered_heading_followed_by_its_discussion():
    from nethub.meetings.extract import extract_meeting

    text = (
        "Executive Committee meeting, 2 May 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\n"
        "1. Opening remarks\nThe Coordinator opened the meeting.\n"
        "2. Funding\nMembers discussed the gap.\nFollow-up:\n1. Secretariat to draft an appeal.\n"
        "2. UNICEF to share figures.\n3. Any other business\nNone.\n"
    )
    items = extract_meeting(text, resolver=RESOLVER).agenda_items
    assert [i.title for i in items] == ["Opening remarks", "Funding", "Any other business"]
    assert [p.owner for p in items[1].action_points] == ["Secretariat", "UNICEF"]


def test_plans_someone_reports_are_no_assignment():
    assert not actions.assigns_work(
        "OHCHR informed the meeting that the guidance will be launched in November."
    )


def test_role_in_brackets_after_the_organisation():
    person = parse_participant(
        "H.E. Ms. Rosa Field, Director General, IOM (Network Coordinator)", RESOLVER
    )
    assert (person.title, person.organization, person.role) == (
        "Director General",
        "IOM",
        "Network Coordinator",
    )


@pytest.mark.parametrize(
    "entry", ["IOM – Tom Harlow, Director General", "IOM: Tom Harlow, Director General"]
)
def test_organisation_first_forms(entry):
    person = parse_participant(entry, RESOLVER)
    assert (person.name, person.title, person.organization) == (
        "Tom Harlow",
        "Director General",
        "IOM",
    )


def test_owner_after_with():
    assert (
        actions.owner_of(
            "Principals agreed to issue it, with the Secretariat to circulate a draft.", body_name
        )
        == "Secretariat"
    )


def test_focal_points_own_work():
    assert body_name("EC focal points") == "EC focal points"


def test_series_is_the_most_specific_named():
    header = parse_header(
        ["Executive Committee of the Network", "Meeting of Principals, 2 May 2023"]
    )
    assert header.series == "Executive Committee Principals Meeting"


def test_page_numbers_and_running_footers_are_dropped():
    from nethub.meetings.extract.blocks import drop_page_furniture

    lines = [
        "Intro text.",
        "Page 1 of 3",
        "UN Network on Migration",
        "More text.",
        "2",
        "UN Network on Migration",
        "Action Points:",
        "Action Points:",
        "Action Points:",
        "- 3 -",
        "UN Network on Migration",
    ]
    assert drop_page_furniture(lines) == [
        "Intro text.",
        "More text.",
        "Action Points:",
        "Action Points:",
        "Action Points:",
    ]


def test_action_table_rows():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC Principals meeting, 3 April 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\nFunding\n\n"
        "The gap was discussed at length by all members present.\n\n"
        "Action | Responsible | Deadline\n"
        "Draft the appeal | Secretariat | 30 June 2023\n"
        "Share figures | UNICEF and ILO | end of May\n"
    )
    [item] = extract_meeting(text, resolver=RESOLVER).agenda_items
    assert [(p.text, p.owner, p.due_date) for p in item.action_points] == [
        ("Draft the appeal", "Secretariat", "2023-06-30"),
        ("Share figures", "UNICEF, ILO", "2023-05-31"),
    ]


def test_a_closing_summary_of_action_points_does_not_duplicate_them():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC Principals meeting, 3 April 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\nFunding\n\n"
        "Members discussed the gap in the Fund and the options to close it.\n\nAction points:\n"
        "- Secretariat to draft the appeal by 30 June.\n\nSummary of action points:\n"
        "- Secretariat to draft the appeal by 30 June.\n- ILO to share its figures.\n"
    )
    points = extract_meeting(text, resolver=RESOLVER).action_points()
    assert [p.owner for p in points] == ["Secretariat", "ILO"]


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "Participants: Ann Lee (ILO), Bo Ray (UNICEF) and Cy Dee (WHO)",
            [("Ann Lee", "ILO"), ("Bo Ray", "UNICEF"), ("Cy Dee", "WHO")],
        ),
        (
            "Participants: Ann Lee, DG, ILO; Bo Ray, ED, UNICEF",
            [("Ann Lee", "ILO"), ("Bo Ray", "UNICEF")],
        ),
    ],
)
def test_participants_inline_after_the_heading(line, expected):
    from nethub.meetings.extract import extract_meeting

    meeting = extract_meeting(
        f"EC meeting, 3 April 2023\n\n{line}\n\nUpdate\n\nNone.\n", resolver=RESOLVER
    )
    assert [(p.name, p.organization) for p in meeting.participants] == expected


def test_one_organisation_several_people():
    entries = split_entries("IOM: Ann Lee (DG), Bo Ray (DDG)")
    people = [parse_participant(entry, RESOLVER) for entry in entries]
    assert [(p.name, p.title, p.organization) for p in people] == [
        ("Ann Lee", "DG", "IOM"),
        ("Bo Ray", "DDG", "IOM"),
    ]


def test_name_dash_title_organisation():
    person = parse_participant("Ann Lee – Director General, ILO", RESOLVER)
    assert (person.name, person.title, person.organization) == (
        "Ann Lee",
        "Director General",
        "ILO",
    )


@pytest.mark.parametrize("marker", ["\uf0b7", "\uf0a7", "➢", "►"])
def test_bullets_from_word_symbol_fonts(marker):
    assert split_blocks(f"Action points:\n{marker} Share the note.\n")[1].bullet


@pytest.mark.parametrize(
    "text,name",
    [
        ("All EC members", "Executive Committee"),
        ("member agencies", "Network"),
        ("all Network members", "Network"),
    ],
)
def test_more_ways_to_name_bodies(text, name):
    assert body_name(text) == name


def test_owners_joined_by_a_slash():
    def resolve(text):
        found = RESOLVER.resolve_in(text)
        return str(found.organization) if found and not found.remainder else None

    assert actions.owner_of("UNHCR/IOM to prepare a joint note.", resolve) == "UNHCR, IOM"


def test_decision_written_after_its_label():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting, 3 April 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\nWorkplan\n\n"
        "Members discussed the draft at length and raised several points.\n\n"
        "Decision: The workplan is endorsed as amended.\n"
    )
    [item] = extract_meeting(text, resolver=RESOLVER).agenda_items
    assert item.decisions == ["The workplan is endorsed as amended."]


def test_bare_names_in_the_participants_list():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting, 3 April 2023\n\nParticipants:\nAmy Pope\nMs. Ann Lee\nBo Ray, ED, UNICEF\n"
        "Cy Dee\n\nUN System Pledge\n\nThe pledge was discussed by all the members present.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert [p.name for p in meeting.participants] == ["Amy Pope", "Ann Lee", "Bo Ray", "Cy Dee"]
    assert [i.title for i in meeting.agenda_items] == ["UN System Pledge"]


def test_a_summary_without_headings_is_one_discussion():
    from nethub.meetings.extract import extract_meeting

    text = "EC meeting, 3 April 2023\n\nThe members discussed the workplan and agreed on it.\n"
    [item] = extract_meeting(text, resolver=RESOLVER).agenda_items
    assert (item.title, item.kind) == ("Discussion", "item")


def test_a_speakers_own_plans_are_no_assignment():
    assert not actions.assigns_work("Finally, in November we will release the report.")
    assert actions.assigns_work("Finally, in November the Secretariat will release the report.")


def test_principals_in_attendance_and_honorifics_start_entries():
    from nethub.meetings.extract import extract_meeting

    wide = "A long line of discussion text that fills the page up to its right margin, more or less"
    text = "\n".join(
        [
            "EC Principals meeting, 26 September 2019",
            "Principals in attendance:",
            "Ms. Pia Lund, Deputy Director-General for Policy, ILO; Mr. Tim Haas, Chief, Unit, ILO",
            "Ms. Vera Moss, Director, Population Division, DESA",
            "",
            "Update",
            "",
        ]
        + [wide] * 12
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert [p.name for p in meeting.participants] == ["Pia Lund", "Tim Haas", "Vera Moss"]


def test_at_the_next_meeting_is_a_deadline_without_a_date():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting, 3 April 2023\n\nParticipants:\nAnn Lee, DG, ILO\n\nFunding\n\n"
        "Principals encouraged all EC members to support resource mobilization, and requested "
        "UNHCR to present options for an event at the next meeting.\n"
    )
    [point] = extract_meeting(text, resolver=RESOLVER).action_points()
    assert (point.owner, point.due_date, point.explicit) == ("UNHCR", None, False)


# Rules added to generalise beyond the fixtures (each on a snippet written for it) -----------


def test_running_footer_naming_its_page_is_dropped():
    text = (
        "The group reviewed the plan.\n\nSome Network – meeting summary        Page 1 of 2\n\n"
        "Next steps\n- IOM to share the list.\n"
    )
    texts = [b.text for b in split_blocks(text)]
    assert texts == ["The group reviewed the plan.", "Next steps", "IOM to share the list."]


def test_word_cut_at_a_line_end_loses_its_hyphen_but_compounds_keep_it():
    text = (
        "The Secretariat supports country net-\nworks and a multi-\nstakeholder forum; a "
        "module will be devel-\noped with rights-\nbased content.\n"
    )
    joined = split_blocks(text)[0].text
    assert "country networks" in joined and "be developed" in joined
    assert "multi-stakeholder" in joined and "rights-based" in joined


def test_participants_table_header_and_rule_rows_are_no_one():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n1 March 2024\n\nParticipants\n\n| Entity | Name | Position |\n"
        "|---|---|---|\n| UNHCR | Jo Lamb | Deputy High Commissioner |\n"
        "| IOM | Sam Reed | Director General |\n\n1. Opening\n\nThe Chair opened the meeting.\n"
    )
    people = extract_meeting(text, resolver=OrganizationResolver.from_reference_data()).participants
    assert [(p.name, p.title, p.organization) for p in people] == [
        ("Jo Lamb", "Deputy High Commissioner", "UNHCR"),
        ("Sam Reed", "Director General", "IOM"),
    ]


def test_members_asked_in_the_passive_own_the_work():
    resolver = OrganizationResolver.from_reference_data()

    def resolve(text):
        return body_name(text) or (
            str(found.organization)
            if (found := resolver.resolve_in(text)) and not found.remainder
            else None
        )

    sentence = "Members were requested to send inputs on the draft by end-June."
    assert actions.owner_of(sentence, resolve) == "Executive Committee"
    assert find_deadline(sentence, MEETING).date == datetime.date(2024, 6, 30)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The statement will be issued next week.", datetime.date(2024, 2, 9)),
        ("Drafts are due by the end of next month.", datetime.date(2024, 2, 29)),
        ("UNDP to share the list within one week.", datetime.date(2024, 2, 5)),
    ],
)
def test_relative_deadlines_without_by(sentence, expected):
    assert find_deadline(sentence, MEETING).date == expected


def test_listed_work_without_a_deadline_is_an_action_point_but_an_agent_is_not_an_owner():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n1 March 2024\n\nFINANCING\n\nThe fund was presented.\n\n"
        "o Members were invited to nominate focal points for the initiative.\n"
        "o The issue will be taken forward by the Chair.\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [(p.owner, p.due_date) for p in points] == [("Executive Committee", None)]


def test_two_owners_with_the_same_deadline_are_two_action_points():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n1 March 2024\n\n2. Communications\n\n"
        "OHCHR will update the toolkit by end of Q3.\n\nNext steps\n\n"
        "- IOM to organise a briefing in September.\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert sorted(p.owner for p in points) == ["IOM", "OHCHR"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Send inputs by end of month.", datetime.date(2024, 1, 31)),
        ("Send it by Friday 2 February.", datetime.date(2024, 2, 2)),
        ("Circulate by COB 15 March.", datetime.date(2024, 3, 15)),
        ("Circulate by 31/03/2024.", datetime.date(2024, 3, 31)),
        ("Deliver by end-2024.", datetime.date(2024, 12, 31)),
        ("Deliver by H1 2024.", datetime.date(2024, 6, 30)),
        ("Deliver by the second half of 2024.", datetime.date(2024, 12, 31)),
    ],
)
def test_more_deadline_forms(sentence, expected):
    assert find_deadline(sentence, MEETING).date == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("10.03.2023, 10:00–11:30 CET", datetime.date(2023, 3, 10)),
        ("10/03/2023", datetime.date(2023, 3, 10)),
        ("Wednesday, 8th of March 2023, 15h00-16h30", datetime.date(2023, 3, 8)),
    ],
)
def test_numeric_day_first_and_of_dates(line, expected):
    assert parse_date(line) == expected


def test_organisation_written_first_with_its_acronym_is_everyones_on_the_line():
    resolver = OrganizationResolver.from_reference_data()
    line = (
        "International Organization for Migration (IOM): Lara Quinn, Director General; "
        "Paul Eze, Chief of Staff"
    )
    people = [parse_participant(entry, resolver) for entry in split_entries(line)]
    assert [(p.name, p.title, p.organization) for p in people] == [
        ("Lara Quinn", "Director General", "IOM"),
        ("Paul Eze", "Chief of Staff", "IOM"),
    ]


def test_summary_label_is_no_agenda_item_and_note_style_work_before_next_meeting_is_a_point():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n5 October 2023\n\nSummary of discussion\n\nAGENDA ITEM 1 – REVIEWS\n\n"
        "The Chair opened the item. The Secretariat to prepare a draft letter ahead of the "
        "next EC meeting.\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [item.title for item in meeting.agenda_items] == ["REVIEWS"]
    [point] = meeting.action_points()
    assert point.owner == "Secretariat" and "draft letter" in point.text


def test_note_style_subject_to_verb_assigns_work_but_according_to_does_not():
    assert actions.assigns_work("UN Women to share the checklist by 30 October.")
    assert not actions.assigns_work("According to recent figures, arrivals rose in May.")


def test_footer_with_dashed_page_number_is_dropped_and_table_rows_stay_whole():
    wide = "The members discussed the plan for the next period and agreed on its scope and"
    text = "\n".join(
        [wide, "reach.", "EC summary, 18 April 2024                            - 1 -"] * 4
        + ["Action | Responsible | Deadline", "Revise the plan | Secretariat | 3 May 2024"]
        + ["Compile feedback | OHCHR | end of May"]
    )
    texts = [b.text for b in split_blocks(text)]
    assert not any("- 1 -" in t for t in texts)
    assert texts[-2:] == [
        "Revise the plan | Secretariat | 3 May 2024",
        "Compile feedback | OHCHR | end of May",
    ]


def test_label_after_a_blank_line_and_organisation_lines_start_blocks():
    wide = "Summary of the meeting held on 18 April 2024 at fifteen hours Geneva time virtual"
    text = "\n\n".join(
        [wide] * 9
        + ["Participants", "IOM – Ann Lee, Head; Bo Kim, Officer", "UNHCR – Cy Dahl, Officer"]
    )
    texts = [b.text for b in split_blocks(text)]
    assert texts[-3:] == [
        "Participants",
        "IOM – Ann Lee, Head; Bo Kim, Officer",
        "UNHCR – Cy Dahl, Officer",
    ]
    people = [
        parse_participant(e, OrganizationResolver.from_reference_data())
        for e in split_entries(texts[-2])
    ]
    assert [(p.name, p.organization) for p in people] == [("Ann Lee", "IOM"), ("Bo Kim", "IOM")]


def test_tasked_with_an_ing_verb_assigns_work_to_the_one_tasked():
    sentence = "The Principals tasked the working level with preparing key messages by mid-May."
    assert actions.assigns_work(sentence)
    assert actions.owner_of(sentence, body_name) == "EC working level"


def test_vague_deadline_makes_an_implicit_point_without_a_date_but_autumn_events_do_not():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n1 March 2024\n\n2. Review\n\n"
        "UNODC to circulate the updated guidance before the summer. "
        "It was agreed that a pledging event would be organised in the autumn.\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [(p.owner, p.due_date, p.deadline_text) for p in points] == [
        ("UNODC", None, "before the summer")
    ]


def test_discussion_sentence_restating_a_closing_list_point_is_dropped():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC meeting\n\n18 April 2024\n\n1. Annual Meeting\n\n"
        "It was agreed that the Secretariat would revise the programme by 3 May.\n\n"
        "2. Review\n\nOHCHR presented the review.\n\nFollow-up:\n"
        "Action | Responsible | Deadline\n"
        "Revise and share the programme | Secretariat | 3 May 2024\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [p.text for p in points] == ["Revise and share the programme"]


def test_time_range_after_a_year_and_a_dash():
    assert parse_times("Wednesday, 12 February 2025 – 16:00 to 17:15 (Geneva) – virtual") == [
        ("16:00", "17:15", "Europe/Zurich")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Co-chairs of the returns working group", "Co-chairs"),
        ("Entities", "Executive Committee"),
        ("the returns working group", "Working group"),
    ],
)
def test_more_bodies(text, expected):
    assert body_name(text) == expected


def test_decision_in_a_combined_list_is_a_decision_and_agenda_item_after_a_gap_starts_a_block():
    from nethub.meetings.extract import extract_meeting

    wide = "Present: Ann Lee (IOM), Bo Kim (UNHCR), Cy Dahl (OHCHR), Di Roe (ILO), Ed Fox (UNDP)"
    text = "\n\n".join(
        ["EC Principals", "23 June 2022"]
        + [wide]
        + ["Agenda item 1. Review", "Principals discussed the review of the work in the region."]
        + ["Decisions and action points:"]
    )
    text += (
        "\n The EC endorsed the terms of reference.\n"
        " OHCHR to convene a meeting by end-September.\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert len(meeting.participants) == 5
    [item] = meeting.agenda_items
    assert item.title == "Review"
    assert [p.owner for p in item.action_points] == ["OHCHR"]
    assert "The EC endorsed the terms of reference." in item.decisions


def test_owner_dash_task_and_bracketed_date_in_a_list_and_a_numbered_title_is_no_participant():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC working level\n\n30 November 2021\n\nAttendees: Ann Lee, IOM; Bo Kim, UNHCR\n\n"
        "1. Preparations for the first International Migration Review Forum (IMRF)\n\n"
        "The Secretariat was asked to draft a pledging guide by 17 December.\n\n"
        "Follow-up\n\n• Secretariat – draft pledging guide (17 December)\n\n"
        "• ILO – note on labour migration pledges (end of year)\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [p.name for p in meeting.participants] == ["Ann Lee", "Bo Kim"]
    points = [(p.text, p.owner, p.due_date) for p in meeting.action_points()]
    assert points == [
        ("Secretariat – draft pledging guide (17 December)", "Secretariat", "2021-12-17"),
        ("ILO – note on labour migration pledges (end of year)", "ILO", "2021-12-31"),
    ]


def test_participants_listed_after_the_discussion_leave_the_body_in_place():
    from nethub.meetings.extract import extract_meeting

    text = (
        "SUMMARY RECORD\nAnnual Meeting – Executive Committee session\n5 December 2023\n\n"
        "Session 1 – Taking stock\nThe Coordinator opened the session and thanked members for "
        "their engagement throughout the year and the roll-out of the toolkit in forty countries. "
        "The EC working level was tasked with drafting the priorities by 31 January.\n\n"
        "List of participants\nMs. Ann Lee, Director General, IOM\nMr. Bo Kim, Director, ILO\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [p.organization for p in meeting.participants] == ["IOM", "ILO"]
    assert [(p.owner, p.due_date) for p in meeting.action_points()] == [
        ("EC working level", "2024-01-31")
    ]


def test_inline_participants_split_by_spaced_slashes():
    from nethub.meetings.extract.participants import split_inline

    text = "Ann Lee, DDG, IOM / Bo Kim, AHC, UNHCR / Cy Dahl, Director, OHCHR New York Office"
    assert [
        parse_participant(e, OrganizationResolver.from_reference_data()).organization
        for e in split_inline(text)
    ] == [
        "IOM",
        "UNHCR",
        "OHCHR",
    ]


def test_action_label_with_two_sentences_and_a_note_style_paragraph_make_points():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC Principals\n\n19 September 2024\n\n**2. Report**\n\nDESA presented the report.\n\n"
        "*Action:* DESA to finalise the report by end-July. Members were encouraged to "
        "disseminate the report next month.\n\n**3. AOB**\n\nOHCHR to share the dates of the "
        "consultation.\n\nThe working group on climate mobility will prepare a summary by March.\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [(p.owner, p.due_date) for p in points] == [
        ("DESA", "2025-07-31"),
        ("Executive Committee", "2024-10-31"),
        ("OHCHR", None),
        ("Working group", "2025-03-31"),
    ]


# Rule: attendance sub-lists ("Chair:", "EC members:", ...) and "Apologies:" -------------------


def test_attendance_sublists_are_participants_and_apologies_are_not():
    from nethub.meetings.extract import extract_meeting

    text = (
        "Working group on returns\n\n3 March 2025\n\n"
        "Chair: Ola Berg, Senior Adviser, UNHCR\n\n"
        "Members:\n- ILO: Ben Ito, Specialist\n- UNDP: Cora Lind, Analyst\n\n"
        "Also present: Dan Roe (IOM), Eva Sol (OHCHR)\n\n"
        "Apologies: UNICEF, WHO\n\n"
        "1. Reintegration\n\nMembers exchanged views on reintegration.\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [(p.name, p.organization, p.role) for p in meeting.participants] == [
        ("Ola Berg", "UNHCR", "Chair"),
        ("Ben Ito", "ILO", ""),
        ("Cora Lind", "UNDP", ""),
        ("Dan Roe", "IOM", ""),
        ("Eva Sol", "OHCHR", ""),
    ]
    assert [item.title for item in meeting.agenda_items] == ["Reintegration"]


def test_a_list_under_regrets_is_skipped_and_a_sublist_after_the_discussion_is_not_read():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC working level\n\n3 March 2025\n\nCo-chairs: Ann Lee, DDG, IOM; Bo Kim, AHC, UNHCR\n\n"
        "Regrets:\n- Cy Dahl, Director, OHCHR\n\n"
        "1. Funding\n\nThe Secretariat presented the outlook of the fund and members discussed "
        "how the next call for proposals could be organised across the regions this year.\n\n"
        "Secretariat: Dee Moe, Officer, IOM\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Ann Lee", "Co-chair"),
        ("Bo Kim", "Co-chair"),
    ]


# Rule: one task written twice (discussion and list) is one point ------------------------------


def test_a_task_said_in_the_discussion_and_listed_is_one_point_with_the_more_specific_date():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC working level\n\n10 April 2025\n\n1. Campaign\n\n"
        "UNICEF will draft the campaign toolkit within a month. OHCHR will compile the country "
        "examples by 12 May.\n\n2. AOB\n\nNone.\n\nAction points:\n"
        "- UNICEF – campaign toolkit for members (early May)\n"
        "- OHCHR – compile country examples (May)\n"
        "- UNICEF – share the campaign visuals (early May)\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [(p.owner, p.due_date, p.text[:30]) for p in points] == [
        ("UNICEF", "2025-05-01", "UNICEF – campaign toolkit for "),
        ("OHCHR", "2025-05-12", "OHCHR – compile country exampl"),
        ("UNICEF", "2025-05-01", "UNICEF – share the campaign vi"),
    ]


def test_deadline_precision_orders_a_day_a_month_and_a_delay():
    from nethub.meetings.extract.pipeline.restated import deadline_precision

    assert [
        deadline_precision(t) for t in ["by 12 May", "by early June", "within two weeks", ""]
    ] == [
        3,
        2,
        1,
        0,
    ]


# Rule: a concrete task given to a named owner in running text, without a deadline -------------


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("OHCHR will review the draft guidance.", "OHCHR"),
        ("The Secretariat should coordinate with UNDP on the launch.", "Secretariat"),
        ("UNHCR and ILO agreed to prepare a joint note.", "UNHCR, ILO"),
        ("OHCHR informed that it will review the draft.", None),
        ("UNHCR highlighted that IOM should prepare a note.", None),
        ("The Secretariat will continue to support the working groups.", None),
        ("The event will take place in Rabat.", None),
        ("Several speakers will review the draft.", None),
    ],
)
def test_running_text_task_needs_a_named_owner_and_a_concrete_verb(sentence, owner):
    def resolve_owner(candidate):
        name = body_name(candidate)
        found = RESOLVER.resolve_in(candidate.removeprefix("the ").removeprefix("The "))
        return name or (str(found.organization) if found and not found.remainder else None)

    assert actions.running_task_owner(sentence, resolve_owner) == owner


# Rule: a heading after a blank line is not the rest of a long wrapped line --------------------


def test_heading_after_a_blank_line_is_not_absorbed_by_a_long_wrapped_line():
    lines = [
        "Summary of the EC working level meeting",
        "12 March 2025",
        "The Secretariat presented the outlook of the trust fund and noted that several joint",
        "programmes were at risk as contributions had fallen in the first half of the year and",
        "members discussed possible ways of widening the donor base in the coming months while",
        "keeping the focus on the priorities that the Principals had agreed at their last meeting",
        "",
        "Preparations for the regional review in the Arab States",
        "UNHCR presented the draft programme of the regional review and members discussed the",
        "side events that the Network could organise during the review and how the outcomes of",
        "the consultations with civil society would be reflected in the final report of the review",
        "and in the messages of the Network to the Forum in the following year as agreed before.",
    ]
    texts = [b.text for b in split_blocks("\n".join(lines))]
    assert texts[2].endswith("at their last meeting")
    assert texts[3] == "Preparations for the regional review in the Arab States"
    # Without the blank line, the same capitalised line is still read as wrapped text.
    joined = [b.text for b in split_blocks("\n".join(lines[:6] + lines[7:]))]
    assert "last meeting Preparations for" in joined[2]


# Rules: attendance labels start lines in wrapped text; "Owner: task – date" list items --------


def test_an_attendance_label_starts_its_own_block_in_wrapped_text():
    wide = "The meeting opened with a long introduction that runs on past the width of the page and"
    lines = [wide] * 8 + [
        "Co-Chair: Jo Ray, Assistant High Commissioner for Protection and Solutions, UNHCR ok",
        "EC members: Ann Lee, Director, OHCHR; Bo Kim, Director, ILO",
        "Regrets: DESA",
    ]
    texts = [b.text for b in split_blocks("\n".join(lines))]
    assert texts[-2:] == [
        "EC members: Ann Lee, Director, OHCHR; Bo Kim, Director, ILO",
        "Regrets: DESA",
    ]


def test_a_list_item_led_by_owner_and_colon_with_a_date_after_a_dash():
    from nethub.meetings.extract import extract_meeting

    text = (
        "EC Principals\n\n2 December 2025\n\n1. Workplan\n\nThe workplan was discussed.\n\n"
        "Action points:\n- Secretariat: synthesis of the outcomes – end of January 2026\n"
        "- Note: the workplan is a living document\n"
    )
    points = extract_meeting(
        text, resolver=OrganizationResolver.from_reference_data()
    ).action_points()
    assert [(p.owner, p.due_date) for p in points] == [
        ("Secretariat", "2026-01-31"),
        (None, None),
    ]


# Round-10 rules: a "Chair:" above "Members present:", co-lead sub-lists and owners, owner-less
# restatements, an organisation in closing brackets -----------------------------------------


def _meeting(text: str):
    from nethub.meetings.extract import extract_meeting

    return extract_meeting(text, resolver=RESOLVER)


def test_chair_sublist_above_members_present_heading_is_attendance():
    meeting = _meeting(
        "EC Principals Meeting\n\nTuesday, 28 March 2023\n\nChair:\n\n"
        "Ms. Jo Ray, DG/IOM, Network Coordinator\n\nMembers present:\n\n"
        "Mr. Bo Kim, HC/OHCHR\n\nMs. Ann Lee, ED/UNODC\n\n1. Workplan\n\n"
        "The workplan was discussed.\n"
    )
    assert [(p.name, p.organization) for p in meeting.participants] == [
        ("Jo Ray", "IOM"),
        ("Bo Kim", "OHCHR"),
        ("Ann Lee", "UNODC"),
    ]
    assert meeting.title == "EC Principals Meeting"


@pytest.mark.parametrize(
    "label", ["Co-leads:", "Co-leads of the pathways workstream:", "Focal points:"]
)
def test_co_lead_and_focal_point_sublists_are_participants(label):
    meeting = _meeting(
        "EC Principals\n\n9 October 2025\n\nParticipants:\n\n- Ms. Jo Ray, DG/IOM\n\n"
        f"{label}\n\n- Mr. Bo Kim, Senior Adviser, ILO\n\n1. Pathways\n\nThe mapping was shown.\n"
    )
    assert [(p.name, p.organization) for p in meeting.participants] == [
        ("Jo Ray", "IOM"),
        ("Bo Kim", "ILO"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Co-leads", "Co-leads"),
        ("the co-leads of the climate workstream", "Co-leads"),
        ("The Fund Management Unit", "Fund Management Unit"),
        ("Regional networks", "Regional networks"),
        ("the country networks on migration", "Country networks"),
        ("Co-leads of the party", None),
    ],
)
def test_co_leads_and_network_units_are_owners(text, expected):
    assert body_name(text) == expected


def test_listed_point_led_by_co_leads_or_unit_gets_its_owner():
    meeting = _meeting(
        "EC Principals\n\n9 October 2025\n\n1. Fund\n\nThe Fund was discussed.\n\n"
        "Action Points:\n- Co-leads of the climate workstream to prepare a paper by 15 September "
        "2026.\n- The Fund Management Unit to present a revised investment plan.\n"
    )
    assert [p.owner for p in meeting.action_points()] == ["Co-leads", "Fund Management Unit"]


def test_ownerless_restatement_with_same_deadline_is_merged_with_listed_point():
    meeting = _meeting(
        "WG meeting\n\n27 November 2025\n\n1. Brief\n\nIt was agreed that the brief would be "
        "shared with the Network by 15 January.\n\n2. Follow-up\n\nAction Points:\n"
        "- FAO – brief on case studies (15 January)\n"
    )
    points = meeting.action_points()
    assert [(p.owner, p.due_date) for p in points] == [("FAO", "2026-01-15")]
    assert points[0].text.startswith("FAO – brief")


def test_ownerless_sentence_with_other_deadline_stays_a_point():
    meeting = _meeting(
        "WG meeting\n\n27 November 2025\n\n1. Brief\n\nIt was agreed that the brief should be "
        "finalised by 20 February.\n\n2. Follow-up\n\nAction Points:\n"
        "- FAO – brief on case studies (15 January)\n"
    )
    assert len(meeting.action_points()) == 2


def test_known_organisation_in_closing_brackets_leaves_the_title():
    person = parse_participant("Mr. Jon Pryce, Head, Network Secretariat (IOM)", RESOLVER)
    assert (person.name, person.title, person.organization) == (
        "Jon Pryce",
        "Head, Network Secretariat",
        "IOM",
    )


# Round-11 rules: passive events assign nothing; a sentence naming a listed point's owner and
# deadline restates it ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The priorities will be discussed again at the next Principals meeting.",
        "Mr. Liu presented the report, which will be launched in early January.",
        "The Forum will be held in May 2026.",
    ],
)
def test_passive_events_assign_no_work(sentence):
    assert not actions.assigns_work(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The guidance note should be finalised by 15 November.",
        "The Secretariat will hold a briefing for members.",
        "The note will be shared with members in July.",
    ],
)
def test_passive_tasks_still_assign_work(sentence):
    assert actions.assigns_work(sentence)


def test_sentence_naming_a_listed_owner_and_deadline_restates_that_point():
    meeting = _meeting(
        "EC Principals\n\n18 June 2024\n\n1. Climate\n\nUNEP and IOM will lead the drafting, "
        "with inputs from all EC members by 15 September 2024.\n\n2. Follow-up\n\n"
        "Action Points:\n- UNEP and IOM to draft a position paper for COP29.\n"
        "- EC members to provide inputs to the position paper by 15 September 2024.\n"
    )
    assert [(p.owner, p.due_date) for p in meeting.action_points()] == [
        ("UNEP, IOM", None),
        ("Executive Committee", "2024-09-15"),
    ]


def test_a_listed_point_restated_in_the_discussion_is_highlighted_where_it_is_listed():
    text = (
        "EC working level\n\n10 April 2025\n\n1. Campaign\n\n"
        "OHCHR will compile the country examples by 12 May.\n\nAction points:\n"
        "- OHCHR – compile country examples (May)\n"
    )
    (point,) = _meeting(text).action_points()
    assert point.owner == "OHCHR"
    assert text[point.span[0] : point.span[1]] == "OHCHR – compile country examples (May)"


def test_points_are_kept_in_the_order_the_document_states_them():
    text = (
        "EC Principals\n\n18 June 2024\n\n1. Reviews\n\nIt was agreed that IOM will circulate "
        "the calendar by 1 July 2024.\n\nAction Points:\n- UNHCR to share the template.\n"
        "- ILO to draft the note.\n"
    )
    points = _meeting(text).action_points()
    assert [p.owner for p in points] == ["IOM", "UNHCR", "ILO"]
    assert [p.span[0] for p in points] == sorted(p.span[0] for p in points)


# Round-12 rules: a restatement's date completes its undated listed point; meetings that meet
# again are events -------------------------------------------------------------------------


def test_discussion_date_completes_the_listed_point_it_restates():
    meeting = _meeting(
        "EC Principals\n\n10 September 2025\n\n1. IMRF\n\nIt was agreed that the Secretariat "
        "will prepare a concept note for the Member State briefings by 15 October 2025.\n\n"
        "Action Points:\n- Secretariat to prepare a concept note for Member State briefings.\n"
    )
    assert [(p.owner, p.due_date, p.explicit) for p in meeting.action_points()] == [
        ("Secretariat", "2025-10-15", True)
    ]


def test_ownerless_deadline_sentence_dates_the_one_undated_listed_point():
    meeting = _meeting(
        "EC Principals\n\n15 October 2020\n\n1. COVID-19\n\nUNICEF and ILO offered to prepare a "
        "joint brief. The brief should be ready before the end of November.\n\nAction Points:\n"
        "- UNICEF and ILO to prepare a joint brief on migrant children.\n"
        "- Network members to share good practices by 6 November 2020.\n"
    )
    assert [(p.owner, p.due_date) for p in meeting.action_points()] == [
        ("UNICEF, ILO", "2020-11-30"),
        ("Network", "2020-11-06"),
    ]


def test_agreed_ownerless_deadline_stays_its_own_point():
    meeting = _meeting(
        "EC Principals\n\n26 September 2019\n\n1. Reviews\n\nIt was agreed that a guidance note "
        "should be finalised by 15 November 2019.\n\nFollow-up:\n"
        "- The Secretariat will prepare a draft guidance note.\n"
    )
    assert len(meeting.action_points()) == 2


def test_a_body_meeting_again_assigns_no_work():
    assert not actions.assigns_work("The Steering Committee will meet again in January 2021.")


# Round-13 rules: a listed subject of several owners; workstream leads -----------------------


def test_several_owners_listed_as_subject_are_all_kept():
    owner = actions.owner_of("ILO, IOM and UNHCR to develop a joint publication.", _owner)
    assert owner == "ILO, IOM, UNHCR"


def test_introductory_phrase_before_the_owner_is_still_skipped():
    assert actions.owner_of("As agreed, the Secretariat will draft a note.", _owner) == (
        "Secretariat"
    )


def test_workstream_leads_are_an_owner():
    assert body_name("Workstream leads") == "Workstream leads"
    assert body_name("the workstream co-leads") == "Workstream leads"


def _owner(text: str) -> str | None:
    name = body_name(text)
    if name:
        return name
    found = RESOLVER.resolve_in(text.strip().removeprefix("the "))
    return str(found.organization) if found and not found.remainder else None
