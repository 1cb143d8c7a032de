"""Saving a comment or an action point suggests the GCM objectives it concerns, with scores,
after commit, through the search index's background task (the real model, on small data)."""

import pytest

from nethub.framework.models import Tagging


@pytest.fixture
def semantic_on(settings):
    settings.SEARCH_SEMANTIC = True


def _suggested(record) -> dict[str, float]:
    return {
        tagging.element.code: tagging.score
        for tagging in record.taggings.filter(
            status=Tagging.Status.SUGGESTED, element__kind="objective"
        ).select_related("element")
    }


@pytest.mark.model
def test_a_comment_gets_objectives_suggested_when_posted(
    semantic_on, stakeholder_user, django_capture_on_commit_callbacks
):
    from nethub.consultations.services import comment_create
    from nethub.consultations.tests.factories import consultation_in

    consultation = consultation_in("open")
    with django_capture_on_commit_callbacks(execute=True):
        comment = comment_create(
            consultation=consultation,
            actor=stakeholder_user,
            body="<p>Sending money home costs migrant families far too much: transfer fees "
            "on remittance corridors should fall below three per cent.</p>",
        )
    suggested = _suggested(comment)
    assert "20" in suggested
    assert all(0 < score <= 1.5 for score in suggested.values())


@pytest.mark.model
def test_an_action_point_gets_objectives_suggested_when_its_status_changes(
    semantic_on, secretariat_user, django_capture_on_commit_callbacks
):
    from nethub.meetings.services import action_point_update_status
    from nethub.meetings.tests.factories import ActionPointFactory

    point = ActionPointFactory(
        text="Map alternatives to immigration detention for children and families, with "
        "community-based case management, and report to the Principals."
    )
    assert _suggested(point) == {}
    with django_capture_on_commit_callbacks(execute=True):
        action_point_update_status(
            action_point=point, status="in_progress", comment="Started", actor=secretariat_user
        )
    assert "13" in _suggested(point)
