"""Owners: who a sentence names as the one to do a task (issue 12); owners in action
lists and columns are in test_extract_action_points.py.
The general mechanisms of rounds 5-7 of the real minutes, gathered by concept (rounds 3-4
are in test_extract_layouts.py). Every text here was written for the test; none is copied
from real minutes."""

from __future__ import annotations

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting

RESOLVER = OrganizationResolver.from_reference_data()


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


# Round 9 -----------------------------------------------------------------------------------


def test_a_person_who_offers_takes_the_work_an_agency_offering_does_not():
    """Rule `person_offered`: a name or initials; an agency's offer in a principals' meeting
    stays no task (the synthetic summaries are annotated so)."""
    text = (
        "Hall committee, 3 March 2021\nPresent: Ann Lee, Bob Ray\n\n3. Shed\n"
        "The door is broken. Bob Ray offered to repair the door. NF offered to do this work.\n"
        "OHCHR offered to review the language of the leaflet.\n"
    )
    assert _points(text) == [("Bob Ray", None), ("NF", None)]


def test_work_taken_on_in_reported_speech_or_named_by_an_agreement():
    """Rule `promised_work`: "Andrew said he would liaise with Jill"; "Agreed to publish the
    text and for Noel to amend it at the next meeting" (next meeting stated: its day)."""
    text = (
        "Friends group, 3 March 2021\nPresent: Andrew Clark, Jill Eve, Noel Hart\n\n"
        "5. Race night. Andrew said he would liaise with Jill about the tickets.\n"
        "6. Constitution - Agreed to publish the current text and for Noel to amend it at the "
        "next meeting.\n\nNext meeting: 24 March 2021\n"
    )
    assert sorted(_points(text)) == [("Andrew", None), ("Noel", "2021-03-24")]
