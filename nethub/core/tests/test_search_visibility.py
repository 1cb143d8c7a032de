"""Hiding a comment or leaving a practice unpublished keeps its text out of the site search,
the API search and "more like this" (records are indexed only while public)."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from nethub.consultations import services
from nethub.consultations.tests.factories import consultation_in
from nethub.library.tests.factories import practice_submit

pytestmark = pytest.mark.django_db


def _everywhere(client, query: str, obj) -> list[str]:
    ct = ContentType.objects.get_for_model(obj).pk
    return [
        client.get(reverse("search:index"), {"q": query}).content.decode(),
        client.get("/api/search/", {"q": query}).content.decode(),
        client.get(reverse("search:more_like_this", args=[ct, obj.pk])).content.decode(),
    ]


def test_hidden_comment_leaves_search_and_more_like_this(
    client, stakeholder_user, secretariat_user, django_capture_on_commit_callbacks
):
    consultation = consultation_in("open")
    with django_capture_on_commit_callbacks(execute=True):
        kept = services.comment_create(
            consultation=consultation, actor=stakeholder_user, body="Zebras cross borders."
        )
        gone = services.comment_create(
            consultation=consultation, actor=stakeholder_user, body="Zebras migrate quietly."
        )
    assert "migrate quietly" in client.get(reverse("search:index"), {"q": "zebras"}).text
    client.force_login(secretariat_user)
    url = reverse("consultations:comment_moderate", args=[consultation.slug, gone.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "hide", "reason": "Spam."}).status_code == 302
    client.logout()
    for page in _everywhere(client, "zebras", kept) + _everywhere(client, "zebras", gone):
        assert "migrate quietly" not in page


def test_unpublished_practice_is_not_searchable(
    client, stakeholder_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        practice = practice_submit(stakeholder_user, title="Okapi relocation clinics")
    for page in _everywhere(client, "okapi", practice):
        assert "Okapi relocation" not in page
