"""General mechanisms added in round 6 of the real minutes (issue 12). Every text here was
written for the test; none is copied from real minutes."""

from __future__ import annotations

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting

RESOLVER = OrganizationResolver.from_reference_data()


def _points(text: str) -> list[tuple[str, str | None, str | None]]:
    meeting = extract_meeting(text, resolver=RESOLVER)
    return [(p.text, p.owner, p.due_date) for p in meeting.action_points()]


# --- owners: an item led by its owner ---------------------------------------------------------


def test_checklist_items_led_by_their_owner_and_a_colon_or_a_dash():
    text = (
        "# Tools group minutes (3/4/24)\n\n## Attendees:\n\n* Mira Tallis\n* Odo Brenk\n\n"
        "## Action\n\n"
        "* [ ] Mira/Odo: Index Rename- To update the names in every channel.\n"
        "* [ ] Group: Checklist to cover the open questions\n"
        "* [ ] Odo - to book a session with the board on the budget.\n"
        "* [ ] Mira - will draft the note based on Odo’s outline\n"
    )
    assert [owner for _, owner, _ in _points(text)] == ["Mira/Odo", "Group", "Odo", "Mira"]


def test_a_label_before_a_colon_outside_an_action_list_is_no_owner():
    text = (
        "Tools group minutes, 3 April 2024\nPresent: Mira Tallis, Odo Brenk\n\n"
        "Budget: The group reviewed the figures and found them in order for the year.\n"
    )
    assert _points(text) == []


# --- action points: agenda proposals ----------------------------------------------------------


def test_a_topic_to_be_discussed_is_no_task():
    text = (
        "Tools group minutes, 3 April 2024\n\nNotes\n1. Index definition to be discussed.\n"
        "2. Draft outline to be circulated to all members.\n"
    )
    assert [t for t, _, _ in _points(text)] == ["Draft outline to be circulated to all members."]
