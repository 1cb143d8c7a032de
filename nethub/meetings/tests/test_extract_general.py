"""General stages added in round 5 of the real minutes (issue 12): readers that take any layout
of a kind rather than one layout each. Every text here was written for the test; none is copied
from real minutes."""

from __future__ import annotations

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting
from nethub.meetings.extract.name_runs import section_names, split_run

RESOLVER = OrganizationResolver.from_reference_data()


def _names(text: str) -> list[str]:
    return [p.name for p in extract_meeting(text, resolver=RESOLVER).participants]


def _section(text: str) -> list[str]:
    return section_names(text, text, RESOLVER)


# --- participants: the section reader ---------------------------------------------------------


def test_names_glued_with_no_separator_are_cut_in_pairs():
    text = (
        "Water Group meeting, 2 May 2019\n\nAttendance\nName\nOlga Brenner Timo Kastell Ines "
        "Moravec Paul Ostrander\nAgency\nACF UNICEF WHO NRC\n\nThe group reviewed the plan and "
        "the members agreed on the next steps for the season."
    )
    assert _names(text) == ["Olga Brenner", "Timo Kastell", "Ines Moravec", "Paul Ostrander"]


def test_names_each_followed_by_a_title_and_a_body():
    text = (
        "Liaison call, 12 March 2018\nAttendees: Rolf Anselm Bakker, Manager for Standards of "
        "XQA Mirna Sole, Chair of QRS Jonah Felder - Domain Lead of ZZT\nThe call discussed the "
        "scope of the joint statement and the timing of the next steps for the groups."
    )
    assert _section(text) == ["Rolf Anselm Bakker", "Mirna Sole", "Jonah Felder"]


def test_names_on_lines_of_their_own_between_organisation_lines():
    text = (
        "Shelter meeting, 8 January 2015\n\nList of Attendees:\n  1. Dora Valcourt\n/ ABC / "
        "Officer\n  1. Ramon T. Quiazon\n/ DEF / Engineer\n  1. Lia Okonkwo\n/ GHI / Manager\n"
        "  1. Rep. of Sven Hallgren\n/ JKL / Adviser\n\nAGENDA\n  1. Welcome"
    )
    assert _section(text) == ["Dora Valcourt", "Ramon T. Quiazon", "Lia Okonkwo"]


def test_a_header_table_whose_labels_come_before_their_values():
    # The place before the names ("Tripoli") is told from them by the names the minutes repeat.
    text = (
        "Coordination Group Meeting - Minutes\nMeeting Name Meeting Location Chair person "
        "Minutes Prepared by Purpose of Meeting\nCoordination Group Tripoli Hanne Solvik Marco "
        "Dellamonica Monthly meeting\nMeeting Date\n4 March 2015\nSummary of discussions\n"
        "Hanne Solvik opened the meeting."
    )
    assert _section(text) == ["Hanne Solvik", "Marco Dellamonica"]


def test_a_run_is_cut_where_the_pieces_are_names_the_document_repeats():
    text = "Berta Lund chaired. Group Harbin Berta Lund Berta Lund Monthly"
    assert split_run(["Harbin", "Berta", "Lund", "Berta", "Lund"], text, False) == [
        "Berta Lund",
        "Berta Lund",
    ]


def test_a_list_of_organisations_names_no_people():
    text = (
        "Sector meeting, 5 May 2014\nPresent: Care IRD Hope Relief (HR) Nordic Aid Kivu "
        "Foundation Sunrise Alliance (SA) XYZ ABC DEF Mercy Mission (MM) GHI\nAgenda\n1. Welcome"
    )
    assert _section(text) == []


def test_a_name_written_with_an_initial_is_the_full_name_once():
    text = (
        "Working Group, 20 May 2014\nChair person Co-chair person Minutes by\nMeeting Minutes "
        "Petra Lindqvist Venue Office Jan Moller / P. Lindqvist Time 10:00\n"
    )
    assert _section(text) == ["Petra Lindqvist", "Jan Moller"]


def test_words_the_document_writes_in_lower_case_are_no_names():
    text = (
        "Present: Mona Reyes, Dan Poll, Budget Review Panel\nagenda: the budget review panel "
        "met before this meeting to consider the figures and the next steps\n"
    )
    assert "Budget Review Panel" not in _section(text)


# --- participants: prose ------------------------------------------------------------------------


def test_a_person_opening_a_sentence_with_a_reporting_verb_is_a_speaker():
    text = (
        "Planning Committee Meeting\nPort Vila, 3 April 2001\n\n1. Opening\n\nK. Tamura Deputy "
        "Director and Chair, welcomed the participants. L. Varga (Hungary) called for the report "
        "to be adopted. R. Ostby of NORDA thanked the chair. The Chair noted the agenda."
    )
    assert set(_names(text)) == {"K. Tamura", "L. Varga", "R. Ostby"}


def test_a_presenter_named_with_a_title_after_a_dash():
    text = (
        "Minutes of the partners meeting, 3 October 2014\nSummary 1. Registration update by "
        "Nora Haddad-Registration Officer-ABC\nFigures were shared. 2. Border update by Omar "
        "Saleh- Senior Officer-DEF\nCrossings are open."
    )
    assert set(_names(text)) == {"Nora Haddad", "Omar Saleh"}


def test_a_label_or_a_body_is_no_participant():
    text = (
        "Cluster meeting, 4 May 2013\nPresent: Attendance: Rita Moss (cluster), Ugo Brandt "
        "(ABC), Legal Aid\nThe meeting opened at ten with a review of the situation in the area."
    )
    names = _names(text)
    assert "Attendance" not in names and "Legal Aid" not in names
    assert {"Rita Moss", "Ugo Brandt"} <= set(names)


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "first", "last"),
    [
        ("WATER GROUP\n\nThursday 14 Mar2019, 10:00am\nRoom 4", "2019-03-14", None),
        ("Minutes of the group held on 09.04.11\nPresent: Ana Lind", "2011-04-09", None),
        ("Board retreat held on 3, 4 and 5 October 2017 in Oslo", "2017-10-03", "2017-10-05"),
        ("Board meeting, 13.00 - 14.00 hrs, 2 May 2016, Room 3", "2016-05-02", None),
    ],
)
def test_meeting_dates_glued_with_dots_or_listed(opening, first, last):
    from nethub.meetings.extract.dates import meeting_dates

    found = meeting_dates(opening)
    assert (found[0].isoformat(), found[1].isoformat() if found[1] else None) == (first, last)


# --- action points: an owner named by its role noun ---------------------------------------------


def _points(text: str) -> list[tuple[str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.owner, p.due_date) for p in meeting.action_points()]


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("The logistics coordinator will represent the partners at the provincial meeting.", None),
        ("Sector leads are to send their corrected figures to the secretariat.", "Sector leads"),
        ("WG coordinators will shared the revised draft by email for comments.", "WG coordinators"),
    ],
)
def test_an_owner_in_lower_case_or_plural_named_by_its_role_noun(sentence, owner):
    text = f"Coordination meeting, 4 March 2019\n\nUpdates\n\n{sentence}\n"
    points = _points(text)
    assert len(points) == 1
    assert points[0][0] == (owner or "logistics coordinator")


def test_a_leading_deadline_is_no_part_of_the_owner():
    text = (
        "Coordination meeting, Sunday 2 November 2014\n\nData review\n\nBy Tuesday 4th Nov COB, "
        "sector chairs are to review the data entered on-line and contact partners.\n"
    )
    assert _points(text) == [("sector chairs", "2014-11-04")]


def test_a_page_date_line_before_the_sentence_is_no_owner():
    text = (
        "Working group minutes 3 March 2016\n\nJun 4, 2016 - Group coordinators will share the "
        "updated draft by email for final comments.\n"
    )
    assert _points(text) == [("Group coordinators", None)]


# --- action points: tasks in any wording, items in any list -------------------------------------


def _tasks(text: str) -> list[tuple[str, str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.text, p.owner, p.due_date) for p in meeting.action_points()]


def test_items_glued_by_bullet_glyphs_are_read_one_by_one():
    text = (
        "Site group meeting, Thursday 2 June 2016\n\n1. Terms of reference \uf0b7 The terms were "
        "discussed \uf0b7 Membership to be defined with the authorities \uf0b7 Need to map which "
        "office runs each site \uf0b7 Tools made by the group (guides, SOPs, etc.) to be made "
        "available for the site managers \uf0b7 Once all comments are received, ToR to be sent to "
        "the national group for endorsement\n"
    )
    found = [t for t, _, _ in _tasks(text)]
    assert len(found) == 4
    assert found[-1].startswith("Once all comments are received")  # the task says when


def test_a_thing_to_be_done_needs_no_finite_verb_before_it():
    text = (
        "Board meeting, 3 May 2019\n\nThe committee selected the first six projects to be "
        "funded this year. The meeting is expected to be held in June.\n"
    )
    assert _tasks(text) == []


def test_a_label_mid_line_and_a_web_address_open_a_new_item():
    text = (
        "Sector group meeting, 7 July 2016\n\nReview of the terms\nThe draft was shared, ToR to be "
        "sent to the national group Action Point: Members to review the ToR by Tue 12 July\n"
        "NOTE: the page is at http://example.org/wg.php?Id=7 RC will finish the shade "
        "structures in the two sites.\n"
    )
    tasks = _tasks(text)
    # "Members" are the meeting's members, not the network's Executive Committee.
    assert ("Members to review the ToR by Tue 12 July", "Members", "2016-07-12") in tasks
    assert any(t.startswith("RC will finish") and o == "RC" for t, o, _ in tasks)


def test_a_misspelt_label_a_role_owner_and_an_elliptic_request():
    text = (
        "Task force meeting, 3 July 2009\n\nACTION PIONT: Health sub-group to finalize the "
        "sheets.\n\nACTION POINT: Editor to make the changes agreed.\n\nECHO requested to "
        "consider a strategic meeting on the issue.\n\nThis needs to be double-checked.\n"
    )
    owners = {t.split()[0]: o for t, o, _ in _tasks(text)}
    assert owners["Health"] == "Health sub-group"
    assert owners["Editor"] == "Editor"
    assert owners["ECHO"] == "ECHO"
    assert "This" in owners


def test_a_bullet_and_its_labelled_restatement_are_one_point():
    text = (
        "Group meeting, Thursday 23 June 2016\n\n1. Terms \uf0b7 Partners to review the terms and "
        "send inputs by Tue 05 July\n\nAction Point: Partners to review the terms and send "
        "inputs/comments by Tue 05 July\n"
    )
    assert len(_tasks(text)) == 1


# --- participants: more separators --------------------------------------------------------------


def test_names_each_glued_to_a_hyphen_and_a_body():
    text = (
        "Working group minutes, 23 June 2016\nParticipants: Dora Vale- ABC Tim Roth- DEF Sara "
        "Lind- Rescue International Ola Berg - ABC\n\nAgenda: 1. Terms"
    )
    assert _section(text) == ["Dora Vale", "Tim Roth", "Sara Lind", "Ola Berg"]


def test_labels_in_a_row_then_their_values():
    text = (
        "Sector WG: North Hub Date: Participants: Chair: Agenda\n21 July 2016 Nordic Council "
        "(NC), Relief Union (RU), ABC Hanna Storm (\nmail hidden), ABC 1. News from the field."
    )
    assert _section(text) == ["Hanna Storm"]


def test_an_item_done_on_or_before_the_meeting_day_is_no_task():
    text = (
        "Donor group meeting, 26 May 2014\n\nMain decisions and action points\n1. OCHA to carry "
        "out further consultations with the sectors.\n2. Situation presentation emailed to "
        "meeting participants on 26 May 2014\n3. HC to write to the authorities on access.\n"
    )
    assert [o for _, o, _ in _tasks(text)] == ["OCHA", "HC"]
