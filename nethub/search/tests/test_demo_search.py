"""The demo, end to end, once meetings and consultations exist (skipped before they are merged):
the issue's examples of what one search must find."""

from io import StringIO

import pytest
from django.apps import apps

from conftest import FIXTURES_DIR, fixture_path
from nethub.search import selectors


def _has_models(label: str) -> bool:
    try:
        return bool(list(apps.get_app_config(label).get_models()))
    except LookupError:
        return False


pytestmark = pytest.mark.skipif(
    not (_has_models("meetings") and _has_models("consultations")),
    reason="meetings and consultations have no models yet",
)


@pytest.fixture
def demo(reference_data):
    from nethub.core.demo import demo_load

    fixture_path("ec-principals-2024-01-29.txt")
    fixture_path("discussion-space-draft-workplan-2022-2024.txt")
    demo_load(stdout=StringIO(), fixtures_dir=FIXTURES_DIR, password="demo-password-1")


def test_route_based_approach_finds_agenda_item_and_action_point(demo):
    hits = selectors.search(query="route-based approach").hits[:10]
    kinds = {(hit.kind, hit.passage.year) for hit in hits}
    assert any(kind == "agenda_item" and year == 2024 for kind, year in kinds), kinds
    assert any(kind == "action_point" for kind, _ in kinds), kinds


def test_children_on_the_move_finds_unicef_passage_and_comments(demo):
    hits = selectors.search(query="children on the move").hits[:20]
    meeting_passages = [h for h in hits if h.kind in ("meeting", "agenda_item")]
    assert any("UNICEF" in h.passage.text and h.passage.year == 2024 for h in meeting_passages), [
        (h.kind, h.title) for h in hits
    ]
    comments = [h for h in hits if h.kind == "comment"]
    assert comments, [(h.kind, h.title) for h in hits]
    assert any("child" in h.passage.text.lower() for h in comments)
