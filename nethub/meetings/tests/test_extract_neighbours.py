"""The learned action model's second stage: a segment read with its neighbours' chances and
with what the rules made of the segments around it. The texts are written for these tests."""

from __future__ import annotations

import dataclasses
import json

import pytest

from nethub.meetings.extract import learned, neighbours
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.classifier import _open_to_model
from nethub.meetings.extract.rules import label_segments
from nethub.meetings.extract.segments import label_document

FIRST = learned.LinearModel(
    bias=-2.0, weights={i: 3.0 for i in learned.hashed(["w=kettle"])}, threshold=0.5
)


def _weights(**named: float) -> tuple[float, ...]:
    return tuple(named.get(name, 0.0) for name in neighbours.FEATURES)


def _labelled(text: str) -> s.LabelledDocument:
    document = s.segment(text)
    label_segments(document)
    return document


def _open(document: s.LabelledDocument) -> list[s.Segment]:
    return [seg for seg in document.segments if _open_to_model(seg)]


def test_rows_read_the_neighbours_chances_and_leave_closed_segments_out():
    document = _labelled(
        "Staff meeting, 3 March 2025\n\n"
        "Kettle descaling for the kitchen on the second floor.\n\n"
        "Kettle replacement for the ground floor kitchen this winter.\n\n"
        "The room stayed warm throughout the afternoon session."
    )
    chances = FIRST.probabilities(document, wanted=_open_to_model)
    rows = neighbours.rows(document, chances)
    assert [r is None for r in rows] == [c is None for c in chances]
    index = {name: i for i, name in enumerate(neighbours.FEATURES)}
    first, second = (i for i, seg in enumerate(document.segments) if "Kettle" in seg.text)
    # The second kettle segment has the first as its open neighbour before it.
    assert rows[second][index["previous_open"]] == 1.0
    assert rows[second][index["previous_chance"]] == pytest.approx(rows[first][index["chance"]])
    assert rows[first][index["best_chance_near"]] == pytest.approx(chances[second])


def test_a_segment_after_a_rule_s_action_point_is_read_as_one_of_a_run():
    """The same sentence, after a rule's action point and after a report: a second stage that
    trusts runs of tasks gives it a higher chance after the action point."""
    sentence = "Descaling of the kettle on the second floor before the winter."
    after_task = _labelled(f"Minutes, 3 March 2025\n\nAnn to book the room.\n\n{sentence}")
    after_report = _labelled(f"Minutes, 3 March 2025\n\nThe room was warm.\n\n{sentence}")
    assert any(seg.rule and seg.label == s.ACTION for seg in after_task.segments)
    second = neighbours.NeighbourModel(
        bias=-1.5, weights=_weights(chance=1.0, previous_rule_action=3.0), threshold=0.5
    )
    stacked = neighbours.Stacked(FIRST, second)

    def chance_of_sentence(document):
        chances = stacked.probabilities(document, wanted=_open_to_model)
        return next(
            c for seg, c in zip(document.segments, chances, strict=True) if seg.text == sentence
        )

    assert chance_of_sentence(after_task) > 0.5 > chance_of_sentence(after_report)


def test_stacked_stands_where_the_first_stage_stood_in_extraction():
    text = "Minutes, 3 March 2025\n\nAnn to book the room.\n\nKettle descaling for all floors."
    sure_after_tasks = neighbours.NeighbourModel(
        bias=-2.0, weights=_weights(previous_rule_action=4.0), threshold=0.6
    )
    with learned.using(neighbours.Stacked(FIRST, sure_after_tasks)):
        seg = next(seg for seg in label_document(text).segments if "Kettle" in seg.text)
    assert (seg.label, seg.rule) == (s.ACTION, learned.RULE)
    assert seg.confidence >= 0.6
    unsure = dataclasses.replace(sure_after_tasks, threshold=0.99)
    with learned.using(neighbours.Stacked(FIRST, unsure)):
        seg = next(seg for seg in label_document(text).segments if "Kettle" in seg.text)
    assert seg.rule != learned.RULE


def test_the_second_stage_file_round_trips_and_refuses_other_features():
    model = neighbours.NeighbourModel(-1.0, _weights(chance=0.5, bullet_run=-0.25), 0.6)
    again = neighbours.NeighbourModel.from_json(model.to_json({"by": "test"}))
    assert again == model
    data = json.loads(model.to_json({}))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError):
        neighbours.NeighbourModel.from_json(json.dumps(data))


def test_the_stored_second_stage_holds_numbers_only_and_sits_on_the_stored_members():
    if not neighbours.MODEL.exists():
        pytest.skip("no stored second stage (bench/action_model.py stack-train writes it)")
    data = json.loads(neighbours.MODEL.read_text(encoding="utf-8"))
    assert data["features"] == list(neighbours.FEATURES)
    assert all(isinstance(w, float | int) for w in data["weights"])
    stored = learned.model()
    assert isinstance(stored, neighbours.Stacked)
    assert isinstance(stored.first, learned.LinearModel | learned.Ensemble)
    assert stored.threshold == data["threshold"]


def test_without_a_first_stage_there_is_no_second():
    assert neighbours.load(None) is None
