"""General mechanisms added in round 7 of the real minutes (issue 12). Every text here was
written for the test; none is copied from real minutes."""

from __future__ import annotations

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting

RESOLVER = OrganizationResolver.from_reference_data()


def _people(text: str) -> list[str]:
    return [p.name for p in extract_meeting(text, resolver=RESOLVER).participants]


def _points(text: str) -> list[tuple[str, str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.text, p.owner, p.due_date) for p in meeting.action_points()]


# --- participants: a list of organisations names no people -----------------------------------


def test_an_attendance_list_of_organisations_names_no_people():
    text = (
        "Schools working group, 4 May 2015\n"
        "Present: ABC, UNICEF, KRDO, Hill Foundation, Lantern Aid, MoSE, Tarbo and Vell Group\n\n"
        "1. Updates\nThe group reviewed the map of the schools.\n"
    )
    assert _people(text) == []


def test_a_list_of_people_with_their_organisations_still_names_the_people():
    text = (
        "Schools working group, 4 May 2015\n"
        "Present: Ana Lindqvist, UNICEF, Bruno Tarrant, KRDO, Cleo Marsh, Hill Foundation\n\n"
        "1. Updates\nThe group reviewed the map of the schools.\n"
    )
    assert _people(text) == ["Ana Lindqvist", "Bruno Tarrant", "Cleo Marsh"]
