"""The learned action model: its file, how extraction uses it, and that it can be left out.
The texts are written for these tests."""

from __future__ import annotations

import json

import pytest

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract import extract_meeting, learned
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules import label_segments
from nethub.meetings.extract.segments import label_document

# A sentence no labelling rule claims (no owner, no "will", no label), and its neighbour.
UNCLAIMED = "Kettle descaling for the kitchen on the second floor before the winter."
TEXT = f"Minutes of the staff meeting, 3 March 2025\n\n{UNCLAIMED}\n\nThe room was warm."


def _kettle_model(threshold: float = 0.7) -> learned.LinearModel:
    """A model sure that any segment with the word "kettle" is a task, and of nothing else."""
    index = learned.hashed(["w=kettle"])
    return learned.LinearModel(bias=-6.0, weights={i: 12.0 for i in index}, threshold=threshold)


def _segment_of(text: str, piece: str) -> s.Segment:
    return next(seg for seg in label_document(text).segments if piece in seg.text)


def test_a_segment_no_rule_claims_is_an_action_point_when_the_model_is_sure():
    with learned.using(_kettle_model()):
        seg = _segment_of(TEXT, "Kettle")
        other = _segment_of(TEXT, "room was warm")
    assert (seg.label, seg.rule) == (s.ACTION, learned.RULE)
    assert 0.7 <= seg.confidence <= 1
    assert other.rule != learned.RULE


def test_below_its_threshold_or_without_a_model_the_classifier_labels_it():
    with learned.using(_kettle_model(threshold=0.9999)):
        assert _segment_of(TEXT, "Kettle").rule == "classifier"
    with learned.using(None):
        assert _segment_of(TEXT, "Kettle").rule == "classifier"


def test_a_learned_point_reaches_the_meeting_with_its_rule_and_span():
    with learned.using(_kettle_model()):
        meeting = extract_meeting(TEXT, resolver=OrganizationResolver.from_reference_data())
    points = [p for p in meeting.action_points() if p.rule == learned.RULE]
    assert len(points) == 1
    start, end = points[0].span
    assert TEXT[start:end].startswith("Kettle descaling")


def test_a_rule_s_label_is_never_overridden_by_the_model():
    text = "Minutes, 3 March 2025\n\nPresent: Ann Kettle, Bo Lund\n\nKettle talk went on."
    with learned.using(_kettle_model()):
        seg = _segment_of(text, "Present")
    assert seg.rule == "participants_label"


def test_the_model_file_round_trips_and_refuses_other_buckets():
    model = _kettle_model()
    again = learned.LinearModel.from_json(model.to_json({"by": "test"}))
    assert again == model
    data = json.loads(model.to_json({}))
    data["buckets"] = 1024
    with pytest.raises(ValueError):
        learned.LinearModel.from_json(json.dumps(data))


def test_the_stored_model_holds_numbers_only_and_ranks_a_task_above_a_report():
    stored = learned.model()
    if stored is None:
        pytest.skip("no stored model (bench/action_model.py train writes it)")
    for path in learned.member_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert all(key.isdigit() for key in data["weights"])
        assert all(isinstance(w, float | int) for w in data["weights"].values())
    text = (
        "Notes of the working group call, 12 May 2025\n\n"
        "The chair reported that the survey had closed with 40 replies.\n\n"
        "Maria to circulate the revised terms of reference to members by 30 May.\n"
    )
    document = s.segment(text)
    label_segments(document)
    texts = [seg.text for seg in document.segments]
    chances = dict(zip(texts, stored.probabilities(document), strict=True))
    task = next(v for k, v in chances.items() if k.startswith("Maria"))
    report = next(v for k, v in chances.items() if k.startswith("The chair"))
    assert task > report


def test_the_model_may_take_a_segment_the_short_heading_rule_guessed_at():
    text = "Library group, 3 March 2025\n\nP4. Kettle review with the porters – JT\n\nEnd."
    with learned.using(None):
        assert _segment_of(text, "P4").rule == "short_heading"
    with learned.using(_kettle_model()):
        assert _segment_of(text, "P4").rule == learned.RULE


def test_minutes_that_list_their_actions_get_no_learned_points():
    """Their tasks are in the list; the discussion restates them."""
    listed = TEXT + "\n\nAction points:\n- Ann to book the room for April.\n"
    with learned.using(_kettle_model()):
        assert _segment_of(listed, "Kettle").rule != learned.RULE
        assert _segment_of(TEXT, "Kettle").rule == learned.RULE


def test_an_ensemble_averages_its_members_with_the_newest_member_s_threshold():
    sure = _kettle_model(threshold=0.7)
    unsure = learned.LinearModel(bias=-6.0, weights={}, threshold=0.4)
    both = learned.Ensemble((sure, unsure))
    row = learned.hashed(["w=kettle"])
    assert both.probability(row) == pytest.approx(
        (sure.probability(row) + unsure.probability(row)) / 2
    )
    assert both.threshold == 0.4
    with learned.using(both):
        # About 0.5: above the newest member's threshold, below the first member's.
        assert _segment_of(TEXT, "Kettle").rule == learned.RULE


def test_the_stored_members_load_oldest_first_as_one_ensemble(tmp_path):
    first = _kettle_model(threshold=0.7)
    newer = learned.LinearModel(bias=-1.0, weights={}, threshold=0.6)
    (tmp_path / "action_model.json").write_text(first.to_json({}))
    (tmp_path / "action_model_r11.json").write_text(newer.to_json({}))
    files = learned.member_files(tmp_path)
    assert [p.name for p in files] == ["action_model.json", "action_model_r11.json"]
    loaded = learned.load_members(files)
    assert isinstance(loaded, learned.Ensemble)
    assert loaded.members == (first, newer) and loaded.threshold == 0.6
    assert learned.load_members(files[:1]) == first
    assert learned.load_members([]) is None
