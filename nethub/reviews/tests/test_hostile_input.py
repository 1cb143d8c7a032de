"""Hostile text from Member States and stakeholders comes back as text on every page that
shows it (review, country page, lists, dashboard, pledge, its progress)."""

import pytest
from django.urls import reverse

from nethub.core.tests.test_hostile_input import PAYLOAD, assert_inert
from nethub.reviews import services
from nethub.reviews.tests.factories import review_submit

pytestmark = pytest.mark.django_db


def test_review_and_pledge_text_is_inert(
    client, member_state_user, stakeholder_user, secretariat_user
):
    review = review_submit(member_state_user, title=PAYLOAD[:300], summary=PAYLOAD)
    services.voluntary_review_set_status(actor=secretariat_user, review=review, status="featured")
    client.force_login(stakeholder_user)
    client.post(reverse("reviews:pledge_create"), {"title": PAYLOAD[:300], "text": PAYLOAD})
    pledge = stakeholder_user.organization.gcm_pledges.get()
    client.post(
        reverse("reviews:pledge_update", args=[pledge.pk]), {"text": PAYLOAD, "status": "under_way"}
    )
    for url in (
        review.get_absolute_url(),
        reverse("reviews:country", args=["MX"]),
        reverse("reviews:index"),
        reverse("reviews:dashboard"),
        pledge.get_absolute_url(),
        reverse("reviews:pledge_list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())
