"""One test (or a few) per extraction rule, on small synthetic inputs written for the purpose."""

import datetime

import pytest

from nethub.meetings.extract import actions
from nethub.meetings.extract.blocks import split_blocks, strip_markdown
from nethub.meetings.extract.deadlines import find_deadline
from nethub.meetings.extract.header import DEFAULT_TIMEZONE, parse_date, parse_header, parse_times
from nethub.meetings.extract.names import StaticResolver, body_name
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


RESOLVER = StaticResolver()


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
