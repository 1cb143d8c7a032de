"""The home page, the health check and the error pages."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_home_shows_live_counts(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    with translation.override("en"):  # the labels are lazy: read them in English
        counts = {str(label): count for label, count in response.context["counts"]}
    assert counts["organisations"] >= 193 + 50
    assert counts["framework elements"] == 23 + 10 + 5 + 3


def test_health(client):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_404_page_uses_the_site_frame(client, settings):
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text and "site-header" in text


def test_403_page(client, stakeholder_user):
    client.force_login(stakeholder_user)
    response = client.get(reverse("accounts:invitation_create"))
    assert response.status_code == 403
    assert "You may not do this" in response.content.decode()
