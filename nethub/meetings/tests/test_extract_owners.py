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


@pytest.mark.parametrize(
    ("task", "owner"),
    [
        ("Priya to remind the partners to send their costs", "Priya"),
        ("Tomas is to buy a cover for the piano.", "Tomas"),
        ("The treasurer will look into a second bank account.", "Treasurer"),
        ("KM and RT to update the volunteer rota", "KM and RT"),
        ("ACTION ANNA/JOE: book the hall with the club.", "ANNA/JOE"),
        ("All to read the draft before the next meeting", "All"),
        ("It was agreed that the group would meet in June.", None),
        ("Agreed to publish the quorum rules on the website.", None),
        ("Due to low turnout, the meeting will move online.", None),
        ("Accounts to end of June were tabled.", None),
        ("Earl plans to contact the new mayor about the hall.", "Earl"),
        ("Shelter Cluster can collect the assessments from partners.", "Shelter Cluster"),
        ("The matter is to be placed on the next agenda.", None),
        ("Need to determine what a successful fair looks like.", None),
        ("UNHCR will be sharing the map with partners.", "UNHCR"),
    ],
)
def test_the_owner_of_a_learned_point_is_the_subject_that_leads_it(task, owner):
    """Rule `subject_as_written`: the learned model's points have no rule to read their owner,
    so a person, initials, a role or an action label's names leading the task is the owner; a
    pronoun or a word that leads a record is not."""
    from nethub.meetings.extract.actions import subject_as_written

    assert subject_as_written(task) == owner


def test_a_learned_point_takes_its_owner_from_its_subject():
    from nethub.meetings.extract import learned

    text = "Choir committee, 3 March 2025\n\nPriya to remind the singers about robes at Easter."
    kettle = learned.hashed(["w=robes"])
    model = learned.LinearModel(bias=-6.0, weights={i: 12.0 for i in kettle}, threshold=0.5)
    with learned.using(model):
        points = extract_meeting(text, resolver=RESOLVER).action_points()
    assert [(p.owner, p.rule) for p in points] == [("Priya", learned.RULE)] or [
        p.owner for p in points
    ] == ["Priya"]


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("Priya to book the hall for the summer fair.", "Priya"),
        ("Simon to remind all partners to send their costs.", "Simon"),
        ("Need to translate the list of schools was raised.", None),
        ("Motion to approve the accounts was carried.", None),
        ("Submission to review by the board.", None),
    ],
)
def test_a_first_name_alone_given_an_errand_owns_it(line, owner):
    """Rule `named_errand`: a first name the excerpt never writes in full, with a verb of
    tasks or errands, owns the task; a word that leads a record ("Need", "Motion", a noun in
    -sion) does not."""
    text = f"Fair committee, 3 March 2021\n\n4. Summer fair\n{line}\n"
    owners = [p[0] for p in _points(text)]
    assert owners == [owner] if owner else line.split()[0] not in owners


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("David Marr should transfer part of the effort from WP5 to WP7.", "David Marr"),
        ("Dylan Bright is to purchase a cover for the piano.", "Dylan Bright"),
        ("TA would get prices from other coach companies.", "TA"),
        ("KS will telephone the council about the bins.", "KS"),
    ],
)
def test_errands_of_small_committees_with_should_would_and_is_to(line, owner):
    """The task verbs include the errands of small committees and boards (purchase, get,
    telephone, transfer, ...), and "should" gives work as "will" does."""
    text = f"Hall committee, 3 March 2021\nPresent: David Marr, Dylan Bright\n\n4. Hall\n{line}\n"
    assert [p[0] for p in _points(text)] == [owner]


def test_labelled_points_that_share_their_words_each_keep_their_own_owner():
    """Two points of one list with the same verb and deadline: each labelled segment completes
    its own point (the one holding most of its words), not the first one that looks alike."""
    text = (
        "Working group minutes\n\n7 June 2023\n\n1. Planning\n\n"
        "Action Point: UNHCR to send note 0 by 30 June 2023.\n\n"
        "Action Point: Shelter Cluster to send note 1 by 30 June 2023.\n"
    )
    assert _points(text) == [("UNHCR", "2023-06-30"), ("Shelter Cluster", "2023-06-30")]


def test_owners_after_a_register_code_or_before_a_dash_and_to():
    from nethub.directory.selectors import OrganizationResolver
    from nethub.meetings.extract import extract_meeting

    text = (
        "Cash working group, 9 May 2017\n\nAction points:\n- Andy - To further investigate the "
        "hall hire.\n- AP125 SL to ask the partners for figures.\n- A UNHCR officer will visit.\n"
        "\n2. Register\n\nAP126 MR to email EP again about the report.\n"
    )
    meeting = extract_meeting(text, resolver=OrganizationResolver.from_reference_data())
    assert [p.owner for p in meeting.action_points()][:2] == ["Andy", "SL"]
    assert "MR" in [p.owner for p in meeting.action_points()]
