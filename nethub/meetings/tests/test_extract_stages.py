"""The two stages of meeting extraction: each labelling rule, each participant layout, the date
rules, provenance, and tables read from real DOCX and PDF files made here. The texts are
written for these tests (never copied from the real minutes of the bench)."""

from __future__ import annotations

import datetime
import io

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.ingest.extract import extract_text
from nethub.meetings.extract import extract_meeting, learned
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.dates import due_date, meeting_dates
from nethub.meetings.extract.people.layouts import read_line
from nethub.meetings.extract.people.person_names import person_name
from nethub.meetings.extract.segments import label_document

RESOLVER = OrganizationResolver.from_reference_data()


def _labelled(text: str) -> list[tuple[str, str, str]]:
    return [(seg.label, seg.rule, seg.text) for seg in label_document(text).segments]


def _rule_of(text: str, piece: str) -> tuple[str, str]:
    for label, rule, written in _labelled(text):
        if piece in written:
            return label, rule
    raise AssertionError(f"{piece!r} not found in {_labelled(text)}")


# --- stage 1: the rule table ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "piece", "rule"),
    [
        (
            "Minutes\n\nAction Point: WFP to share the stock report.",
            "WFP to share",
            "inline_action_label",
        ),
        (
            "Notes\n\nSome talk. Action points; UNICEF to map the schools.",
            "UNICEF to map",
            "inline_action_label",
        ),
        (
            "Notes\n\nFollow-up action and Responsibility:\n"
            "- Lead agency to book rooms for the training.",
            "Lead agency",
            "owner_to_verb",
        ),
        (
            "Notes\n\nKofi to draft the terms of reference.\n\nAmy Kofi Mensah attended.",
            "Kofi to draft",
            "owner_to_verb",
        ),
        (
            "Notes\n\nPartners were urged to submit their 4W data.",
            "Partners were urged",
            "asked_to",
        ),
        (
            "Notes\n\nThe chair requested the sector leads to update the gap analysis.",
            "chair requested",
            "asked_to",
        ),
        (
            "Notes\n\nIt was decided that the support team will prepare a budget note.",
            "support team",
            "agreed_work",
        ),
        (
            "Notes\n\nIn a later decision, the Board agreed to review the fees.",
            "Board agreed",
            "agreed_work",
        ),
        (
            "Notes\n\nThe HC will engage with the authorities on access.",
            "HC will engage",
            "will_task",
        ),
        (
            "Notes\n\nA template will be shared with the partners.",
            "template will be shared",
            "passive_future_task",
        ),
        (
            "Notes\n\nThe plan needs to be finalised in March.",
            "needs to be finalised",
            "needs_doing",
        ),
        (
            "Notes\n\nAGREED A. That a review be arranged for May by the Champion.",
            "That a review",
            "resolved_that",
        ),
        (
            "Notes\n\nNext steps:\n1. Send the invitation to the donors.",
            "Send the invitation",
            "imperative_in_action_section",
        ),
        (
            # A first name alone, its verb written with a capital.
            "Notes\n\nLiz to Send the rent reminder to all plot holders by email.",
            "Liz to Send",
            "owner_to_verb",
        ),
        (
            "Notes\n\nNo further step now, other than Priya to remind the members of the fees.",
            "Priya to remind",
            "task_clause",
        ),
        (
            "Notes\n\nIt was also discussed that UNHCR will share the list with the partners.",
            "UNHCR will share",
            "task_clause",
        ),
        (
            "Notes\n\nPublication of the directory: ongoing – JB will look into this",
            "JB will look",
            "task_clause",
        ),
    ],
)
def test_each_action_rule_labels_its_layout(text, piece, rule):
    assert _rule_of(text, piece) == (s.ACTION, rule)


@pytest.mark.parametrize(
    "sentence",
    [
        "Skip to main content",  # no owner
        "The meeting focused on strategies to improve access.",
        "It was agreed that a pledging event would be organised in the autumn.",  # an event
        "The Network will hold a side event at the conference.",
        "Simon and David have asked the leads to prepare plans.",  # a report of what was done
        "She emphasised that the next steps would include a review.",
        "Chair: Gord Lee Call to Order at 7 pm by the Chair.",  # "Order" is no verb here
        "Membership - the Board will meet in March.",  # an event, not a task
        "She noted that UNHCR will share the figures with the partners.",  # reported speech
    ],
)
def test_sentences_that_assign_no_work_are_no_action_points(sentence):
    """The rule table's judgement (the learned model may still offer it, with its probability as
    confidence, for review)."""
    with learned.using(None):
        labels = [label for label, _rule, written in _labelled(f"Notes\n\n{sentence}") if written]
    assert s.ACTION not in labels


def test_the_task_clause_rule_keeps_the_clause_and_its_owner():
    text = "Notes\n\nThe list was discussed (Anna will share the detailed notes)."
    document = label_document(text)
    (seg,) = document.labelled(s.ACTION)
    assert (seg.rule, seg.data["task"], seg.data["owner"]) == (
        "task_clause",
        "Anna will share the detailed notes",
        "Anna",
    )


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        # A sentence glued to the one before it, with no space after the full stop.
        (
            "Notes\n\nThe training is on 26 Sept 2007.Kim, Lee and Ana will confirm who goes.",
            "Kim,",
        ),
        # An item's number glued to its text, or written "5-2".
        (
            "Notes\n\n1.5OCHA to raise the remaining concerns with the security office in town.",
            "OCHA to raise",
        ),
        (
            "Notes\n\n5-2 Norah to apologise to the plot holders and explain why it was done.",
            "Norah to",
        ),
    ],
)
def test_segments_start_where_their_sentence_does(text, piece):
    starts = [seg.text for seg in label_document(text).segments if seg.text.startswith(piece)]
    assert starts, [seg.text for seg in label_document(text).segments]


def test_attendance_and_decision_labels():
    assert _rule_of("Minutes\n\nParticipants: A, B", "Participants")[1] == "participants_label"
    assert _rule_of("Minutes\n\nDecision: the plan is approved.", "Decision")[1] == "decision_label"


def test_what_no_rule_claims_is_labelled_by_the_classifier():
    text = (
        "Minutes\n\nThe representatives exchanged views on the situation in the region at length."
    )
    label, rule = _rule_of(text, "exchanged views")
    assert rule == "classifier" and label in s.LABELS


def test_segments_keep_their_span_in_the_text():
    text = "Minutes of the board\n\n12 May 2024\n\nThe HC will engage with the authorities."
    segment = next(x for x in label_document(text).segments if x.label == s.ACTION)
    assert text[segment.start : segment.end] == "The HC will engage with the authorities."


# --- participants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1 / Aung Min / Engineer/UNICEF / / 09 123", [("Aung Min", "UNICEF")]),
        ("Lara Moss: UNHCR (Chair)", [("Lara Moss", "UNHCR")]),
        (
            "Ms. Ana Ruiz, Director of Housing Mr. Tom Reed, IOM",
            [("Ana Ruiz", None), ("Tom Reed", "IOM")],
        ),
        (
            "Ines Vale (UNHCR), Omar Haddad (IOM), Kim Lo (WFP)",
            [("Ines Vale", "UNHCR"), ("Omar Haddad", "IOM"), ("Kim Lo", "WFP")],
        ),
        (
            "UNICEF - Ada Bloom, Ben Carter WFP - Cleo Dunn, Dan Eze",
            [
                ("Ada Bloom", "UNICEF"),
                ("Ben Carter", "UNICEF"),
                ("Cleo Dunn", "WFP"),
                ("Dan Eze", "WFP"),
            ],
        ),
        (
            "Olga Petrova, UNDP Co-Chair        Ravi Nair, UNEP",
            [("Olga Petrova", "UNDP"), ("Ravi Nair", "UNEP")],
        ),
        (
            "Sara Lind, Jonas Berg, Mia Holm",
            [("Sara Lind", None), ("Jonas Berg", None), ("Mia Holm", None)],
        ),
        ("UNHCR, UNICEF, IOM, WFP, OCHA", []),  # organisations, not people
    ],
)
def test_each_participant_layout(line, expected):
    assert [(f.name, f.organization) for f in read_line(line, RESOLVER)] == expected


def test_people_named_in_prose_and_roles_in_the_header_are_participants():
    text = (
        "Coordination meeting\n\n3 March 2021\n\nChair: RC a.i., Piotr Nowak\n\n"
        "Dr. Lina Farouk of UNICEF opened the meeting. Marta Klein, OCHA, presented the plan. "
        "Jon Ames from WFP shared the pipeline figures.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    assert {(p.name, p.organization) for p in meeting.participants} >= {
        ("Piotr Nowak", None),
        ("Lina Farouk", "UNICEF"),
        ("Marta Klein", "OCHA"),
        ("Jon Ames", "WFP"),
    }


def test_apologies_are_no_participants_and_organisations_alone_are_organisations():
    text = (
        "Board minutes, 4 April 2022\n\nPresent: Sara Lind, Jonas Berg, Mia Holm\n"
        "Apologies: Karl Ek, Eva Sund\n\nItem 1\n\nThe board discussed the budget at length "
        "and reviewed every line of the proposal submitted by the treasurer.\n"
    )
    names = [p.name for p in extract_meeting(text, resolver=RESOLVER).participants]
    assert names == ["Sara Lind", "Jonas Berg", "Mia Holm"]
    meeting = extract_meeting(
        "Cluster meeting\n\n5 May 2022\n\nParticipants: UNHCR, UNICEF, IOM, WFP\n\n"
        "1. Updates\n\nThe partners shared updates on the response in the districts.\n",
        resolver=RESOLVER,
    )
    assert meeting.participants == []


def test_person_name_rejects_titles_bodies_and_words():
    assert person_name("Dr. Lina Farouk") == "Lina Farouk"
    assert person_name("Stephen O'Neill") == "Stephen O'Neill"
    for text in ("Health Cluster Team", "UNHCR", "Acting Director", "The", "Name"):
        assert person_name(text, single=True) is None


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        (
            "Summary Record\n21-22 May 2015\nHOST: Nairobi\nCirculated: 10 July 2015",
            "2015-05-21",
            "2015-05-22",
        ),
        ("Circulated: 16 January 2015. Meeting of 9 December 2014", "2014-12-09", None),
        (
            "15 December 2006 Original: English Second session, Rome, 27 October 2006",
            "2006-10-27",
            None,
        ),
        (
            "22 April 2003 ABC/2003/4 Report (Rome, 26 and 27 March 2003)",
            "2003-03-26",
            "2003-03-27",
        ),
        ("Next Meeting Date Monday April 27 2015 Meeting Date April 22, 2015", "2015-04-22", None),
        ("Protection Cluster Minutes\nWednesday 2ndApril, 2014", "2014-04-02", None),
        ("Date : 17 November 16 (Thursday)", "2016-11-17", None),
        ("Cluster Leadership Minutes 28/10/10", "2010-10-28", None),
    ],
)
def test_meeting_date_is_the_first_day_never_a_circulation_or_issue_date(opening, first, last):
    found = meeting_dates(opening)
    assert (found[0].isoformat() if found[0] else None, found[1] and found[1].isoformat()) == (
        first,
        last,
    )


@pytest.mark.parametrize(
    ("sentence", "meeting", "expected"),
    [
        ("Partners to register by 31/May/2022.", "2022-05-25", "2022-05-31"),
        ("PC to finalise the draft by June/2022.", "2022-05-25", "2022-06-30"),
        ("Send the release on Monday 10/4.", "1999-10-01", "1999-10-04"),
        ("HCT to comment by COB 23 August.", "2016-08-17", "2016-08-23"),
        ("All to send suggestions by next Wednesday, 13th April.", "2016-04-08", "2016-04-13"),
        ("All to edit the ToR by next Tuesday, 12thApril.", "2016-04-08", "2016-04-12"),
        ("All to comment on the response for 27th August.", "2012-08-16", "2012-08-27"),
        ("Members to share designs before the meeting in February.", "2012-01-15", None),
        ("The Board will take up trade at its next session, in April.", "2006-10-27", None),
    ],
)
def test_due_dates_resolved_against_the_meeting_date(sentence, meeting, expected):
    assert due_date(sentence, datetime.date.fromisoformat(meeting))[0] == expected


# --- stage 2: provenance, series, tables ------------------------------------------------------


def test_every_point_and_person_keeps_its_rule_confidence_and_span():
    text = (
        "Working group minutes\n\n7 June 2023\n\nPresent: Sara Lind, Jonas Berg, Mia Holm\n\n"
        "1. Planning\n\nThe group reviewed the plan and discussed the budget in some detail.\n\n"
        "Action Point: UNICEF to circulate the revised plan by 30 June 2023.\n"
    )
    meeting = extract_meeting(text, resolver=RESOLVER)
    (point,) = meeting.action_points()
    assert (point.owner, point.due_date) == ("UNICEF", "2023-06-30")
    assert point.rule and 0 < point.confidence <= 1
    assert "UNICEF to circulate" in text[point.span[0] : point.span[1]]
    assert all(p.rule and p.span for p in meeting.participants)


def test_the_series_only_when_the_document_names_it():
    text = "IASC Principals meeting\n\n9 December 2014\n\nThe Principals discussed funding.\n"
    assert extract_meeting(text, resolver=RESOLVER).series == "Meeting"


def _docx_with_action_table() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Shelter Working Group – minutes")
    document.add_paragraph("14 March 2024")
    document.add_paragraph("1. Stock and pipeline")
    document.add_paragraph("Partners reviewed the stock of kits in the three hubs in detail.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Action", "Responsible", "Deadline"),
            ("Share the pipeline figures", "IOM", "22 March 2024"),
            ("Update the distribution map", "UNHCR", "end of April"),
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_with_action_table() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in (
        "Shelter Working Group - minutes",
        "14 March 2024",
        "1. Stock and pipeline",
        "Partners reviewed the stock of kits in the three hubs in detail.",
    ):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for cells in (
            ("Action", "Responsible", "Deadline"),
            ("Share the pipeline figures", "IOM", "22 March 2024"),
            ("Update the distribution map", "UNHCR", "end of April"),
        ):
            row = table.row()
            for value in cells:
                row.cell(value)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("maker", "filename"),
    [(_docx_with_action_table, "minutes.docx"), (_pdf_with_action_table, "minutes.pdf")],
)
def test_action_tables_in_docx_and_pdf_keep_their_columns(maker, filename):
    text = extract_text(maker(), filename=filename).text
    assert "Share the pipeline figures | IOM | 22 March 2024" in text
    points = extract_meeting(text, resolver=RESOLVER).action_points()
    assert [(p.text, p.owner, p.due_date) for p in points] == [
        ("Share the pipeline figures", "IOM", "2024-03-22"),
        ("Update the distribution map", "UNHCR", "2024-04-30"),
    ]


def test_two_tasks_in_one_listed_sentence_are_two_points():
    text = (
        "Country team meeting\n\n17 August 2016\n\nMain decisions and action points:\n"
        "(1) The team to comment on the draft strategy by COB 23 August; the final version "
        "will then be circulated for endorsement by 31 August.\n"
    )
    points = extract_meeting(text, resolver=RESOLVER).action_points()
    assert [p.due_date for p in points] == ["2016-08-23", "2016-08-31"]
    assert points[0].owner == "team"


def test_a_short_imperative_item_does_not_swallow_the_next_task():
    text = (
        "Steering committee notes, 1 October 1999\n\nNext Steps – After the forum 1.Mail the "
        "forum report - Ana and Bo will have typed the notes by Friday 10/8. Staff will create "
        "a proposed report and circulate it to the members. 2.Plan the next phase – Rick will "
        "prepare a memo for the subcommittee.\n\nPresent: Ana Lind, Bo Berg, Rick White\n"
    )
    texts = [p.text for p in extract_meeting(text, resolver=RESOLVER).action_points()]
    assert any(t.startswith("Staff will create") for t in texts)
    assert any(t.startswith("Rick will prepare") for t in texts)
