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


# --- action points: an "ACTION ITEMS" heading --------------------------------------------------


def test_an_action_item_heading_opens_an_action_list():
    text = (
        "Seed group minutes, 2 March 2016\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "MEETING Action points\nACTION ITEM\nShare names of the seed suppliers in the district\n"
        "RESPONSIBLE PARTY\nSeed partners\n"
    )
    assert [t for t, _, _ in _points(text)] == ["Share names of the seed suppliers in the district"]


# --- due dates: before the next working group, its day given without a year ------------------


def test_a_task_before_the_next_working_group_is_due_on_its_day_and_month():
    text = (
        "Shelter working group, Tuesday 4 March 2014\nParticipants: ABC, DEF, GHI\n\n"
        "Action point: Members to send their comments to ABC before the next working group.\n\n"
        "Next meeting: Tuesday 18th March. Office of ABC.\n"
    )
    assert _points(text) == [
        (
            "Members to send their comments to ABC before the next working group.",
            "Members",
            "2014-03-18",
        )
    ]


def test_a_next_meeting_in_january_after_a_december_meeting_is_in_the_next_year():
    text = (
        "Shelter working group, 9 December 2014\nParticipants: ABC, DEF, GHI\n\n"
        "Action point: Members to send their comments to ABC before the next meeting.\n\n"
        "Next meeting: 6 January. Office of ABC.\n"
    )
    assert [due for _, _, due in _points(text)] == ["2015-01-06"]


# --- action points: items numbered "1:" -------------------------------------------------------


def test_items_numbered_with_a_colon_are_items_of_their_own():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "The map of the schools was reviewed and the gaps discussed.\n"
        "1: UNESCO and UNICEF to coordinate to\navoid duplication on the provision of tents\n"
        "2: KRDO to follow up the teachers' incentives with\nthe directorate\n"
    )
    assert [owner for _, owner, _ in _points(text)] == ["UNESCO, UNICEF", "KRDO"]


def test_a_time_is_no_item_number():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "The meeting opened at 10:30 with a review of the map of the schools.\n"
    )
    assert _points(text) == []


# --- action points: no task ------------------------------------------------------------------


def test_work_the_next_meeting_will_do_is_no_task():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "Terms of reference: background and aims drafted. Work-plan to be developed at the next "
        "working group and in line with the terms. Action Point: KRDO to revise the terms.\n"
    )
    assert [t for t, _, _ in _points(text)] == ["KRDO to revise the terms."]


def test_a_state_of_things_is_no_task():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "The sector lead still advocating for older pupils to be included in the grants.\n"
    )
    assert _points(text) == []


def test_an_offer_to_whoever_is_interested_is_no_task():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "Cash group: the targeting is under way. Action Point: Sector lead to attend the cash "
        "group, members encouraged to join. Contact the sector lead if interested.\n"
    )
    assert "Contact the sector lead if interested." not in [t for t, _, _ in _points(text)]


# --- participants: names with two particles ----------------------------------------------------


def test_a_name_with_two_particles_is_read_whole():
    text = (
        "Minutes of the protection sub-group, 29 Nov 2010\n\nParticipants:\n\n"
        "Dr. Ravi Kumaran UNAIDS Lena Stoll UNFPA Tomas Brandt UNFPA Ines Holm UNICEF\n\n"
        "Co-Chairs: Ms. Marisol de la Fuente, UNICEF\n\n"
        "1. Review of the minutes\nThe minutes were adopted.\n"
    )
    assert "Marisol de la Fuente" in _people(text)


# --- owners: acronyms in mixed case, and an acronym written as a word -------------------------


def test_an_acronym_in_mixed_case_or_written_as_a_word_owns_a_task():
    text = (
        "Schools working group, 4 May 2015\nPresent: KRDO, TARGET, MoSE\n\n"
        "The lists of the schools were reviewed.\n"
        "MoSE to share the contact at the directorate for the registration.\n"
        "Target to translate the list of schools.\n"
    )
    assert [owner for _, owner, _ in _points(text)] == ["MoSE", "Target"]


def test_a_capitalised_word_the_minutes_never_give_as_a_name_owns_no_task():
    text = (
        "Schools working group, 4 May 2015\nPresent: Ana Lindqvist, Bruno Tarrant\n\n"
        "Need to translate the list of schools was raised by the members.\n"
    )
    assert "Need" not in [owner for _, owner, _ in _points(text)]
