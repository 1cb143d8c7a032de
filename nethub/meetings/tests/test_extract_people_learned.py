"""The learned participant reader: what it adds, what it leaves alone, its file. The texts are
written for these tests."""

from __future__ import annotations

import json

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting, learned
from nethub.meetings.extract.people import learned as people_learned

RESOLVER = OrganizationResolver.from_reference_data()
# An attendance under a label that no rule reads as one, each name on its own line.
TEXT = (
    "Garden club, 3 March 2025\n\nGrowers\nAnika Solberg\nTeodor Vance\n\n"
    "1. Seeds\nThe seed order was agreed."
)


def _model_sure_of(feature: str, threshold: float = 0.6) -> learned.LinearModel:
    """A model sure that a candidate with `feature` is a participant, and of nothing else."""
    index = learned.hashed([feature])
    return learned.LinearModel(bias=-6.0, weights={i: 12.0 for i in index}, threshold=threshold)


def _people(text: str, model) -> list:
    with people_learned.using(model):
        return extract_meeting(text, resolver=RESOLVER).participants


def test_a_candidate_the_model_is_sure_of_is_a_participant_with_its_rule_and_span():
    people = _people(TEXT, _model_sure_of("above=growers"))
    learned_ones = [p for p in people if p.rule == people_learned.RULE]
    assert [p.name for p in learned_ones][:2] == ["Anika Solberg", "Teodor Vance"]
    assert all(0.6 <= p.confidence <= 1 for p in learned_ones)
    start, end = learned_ones[0].span
    assert TEXT[start:end] == "Anika Solberg"


def test_below_its_threshold_or_without_a_model_nobody_is_added():
    assert not any(
        p.rule == people_learned.RULE
        for p in _people(TEXT, _model_sure_of("above=growers", threshold=0.99999))
    )
    assert not any(p.rule == people_learned.RULE for p in _people(TEXT, None))


def test_the_people_the_rules_read_stay_and_are_not_added_twice():
    text = "Board meeting, 3 March 2025\n\nPresent: Ana Lind, Ben Ray, Cy Dunn\n\n1. Budget\n"
    people = _people(text, _model_sure_of("label=present"))
    assert [p.name for p in people] == ["Ana Lind", "Ben Ray", "Cy Dunn"]
    assert all(p.rule != people_learned.RULE for p in people)


def test_a_person_the_model_adds_is_no_longer_only_mentioned():
    text = (
        "Board meeting, 3 March 2025\n\nPresent: Ana Lind, Ben Ray, Cy Dunn\n\n1. Budget\n"
        "Dr. Ivo Marsh of UNICEF opened the item and the budget was agreed.\n"
    )
    with people_learned.using(None):
        before = extract_meeting(text, resolver=RESOLVER)
    assert "Ivo Marsh" in [p.name for p in before.mentioned]
    with people_learned.using(_model_sure_of("honorific=True")):
        after = extract_meeting(text, resolver=RESOLVER)
    assert "Ivo Marsh" in [p.name for p in after.participants]
    assert "Ivo Marsh" not in [p.name for p in after.mentioned]


def test_the_stored_model_holds_numbers_only_and_prefers_a_listed_name_to_an_address():
    stored = people_learned.model()
    if stored is None:
        pytest.skip("no stored model (bench/people_model.py train writes it)")
    data = json.loads(people_learned.MODEL.read_text(encoding="utf-8"))
    assert all(key.isdigit() for key in data["weights"])
    text = (
        "Working group, 3 March 2025\nVenue: Harbour Building, Marine Street\n\n"
        "Attendees: Ana Lind, Ben Ray, Cy Dunn, Eva Holm\n\n1. Updates\n"
    )
    rows = {c.text: row for c, row in people_learned.document_rows(text, [], [], RESOLVER)}
    probability = {name: stored.probability(learned.hashed(rows[name])) for name in rows}
    assert probability["Eva Holm"] > probability["Harbour"]  # "Building" is cut as a title word
    assert probability["Eva Holm"] > probability["Marine Street"]


def test_the_reader_never_adds_whom_an_absence_label_heads():
    text = (
        "Board meeting, 3 March 2025\n\nPresent: Ana Lind, Ben Ray, Cy Dunn\n"
        "Apologies: Dora Vik, Emil Strand\n\n1. Budget\n"
    )
    names = [p.name for p in _people(text, _model_sure_of("words=2"))]
    assert {"Ana Lind", "Ben Ray", "Cy Dunn"} <= set(names)
    assert "Dora Vik" not in names and "Emil Strand" not in names


def test_after_an_attendance_the_reader_adds_nobody_past_the_first_paragraph():
    text = (
        "Board meeting, 3 March 2025\n\nCo-chairs: Ann Lee, IOM; Bo Kim, UNHCR\n\n1. Funding\n"
        "The secretariat presented the outlook of the fund and the members discussed how the "
        "next call for proposals could be organised across the regions this year.\n\n"
        "Secretariat: Dee Moe, Officer\n"
    )
    names = [p.name for p in _people(text, _model_sure_of("words=2"))]
    assert "Dee Moe" not in names
    assert {"Ann Lee", "Bo Kim"} <= set(names)


def test_first_names_of_many_countries_are_known_and_bodies_words_are_not():
    from nethub.meetings.extract.people.first_names import is_first_name

    assert all(is_first_name(w) for w in ("Sue", "Federica", "Josep", "Kathryn", "Nigel,"))
    assert not any(is_first_name(w) for w in ("Durham", "Herts", "Watford", "Solidarity"))


def test_initials_are_added_only_where_the_attendance_is_written_as_initials():
    sure = _model_sure_of("initials=True")
    plain = "Board meeting, 3 March 2025\n\nPresent: Ana Lind, DG, ILO; Bo Ray, ED, UNICEF\n"
    assert [p.name for p in _people(plain, sure)] == ["Ana Lind", "Bo Ray"]
    coded = "Park group, 3 March 2025\n\nPresent: LB, SM, NR\n\n1. Bins\nLB and JT to ask.\n"
    assert "JT" in [p.name for p in _people(coded, sure)]


def test_a_participant_the_model_adds_is_named_without_the_title_before_it():
    text = (
        "Garden club, 3 March 2025\n\nGrowers\nPresident Anika Solberg\nTeodor Vance\n\n"
        "1. Seeds\nThe seed order was agreed."
    )
    people = _people(text, _model_sure_of("above=growers"))
    assert "Anika Solberg" in [p.name for p in people]
    anika = next(p for p in people if p.name == "Anika Solberg")
    assert text[anika.span[0] : anika.span[1]] == "Anika Solberg"
