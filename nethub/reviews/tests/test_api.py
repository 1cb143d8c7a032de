"""The review cycle's API is public and read-only, and shows only what is public: published
reviews, confirmed figures."""

import pytest

from nethub.reviews import services
from nethub.reviews.tests.factories import fact, review_submit

pytestmark = pytest.mark.django_db


def test_only_published_reviews_and_confirmed_figures(client, member_state_user, secretariat_user):
    review_submit(member_state_user, title="Still submitted")
    review_submit(member_state_user, title="Published one", status="published", year=2022)
    fact(value=31)
    fact(value=99, status="candidate", start=4)
    reviews = client.get("/api/reviews/voluntary/").json()["results"]
    assert [(r["title"], r["country"], r["year"], r["language"]) for r in reviews] == [
        ("Published one", "MX", 2022, "es")
    ]
    figures = client.get("/api/reviews/figures/").json()["results"]
    assert [(f["series"], f["value"], f["sentence"]) for f in figures] == [
        ("country-networks", "31.00", "So far, 31 Networks have been integrated.")
    ]
    services.pledge_create(
        actor=secretariat_user, title="UN system pledge", text="x", is_joint=True
    )
    assert client.get("/api/reviews/pledges/").json()["results"][0]["is_joint"] is True
    assert client.post("/api/reviews/pledges/", {"title": "x"}).status_code in (401, 403, 405)


def test_events_api(client, secretariat_user):
    from nethub.events.tests.factories import event_create

    event_create(secretariat_user, title="Listening session", kind="listening_session")
    events = client.get("/api/events/").json()["results"]
    assert [(e["title"], e["kind"], e["timezone"]) for e in events] == [
        ("Listening session", "listening_session", "Europe/Zurich")
    ]
    assert client.post("/api/events/", {"title": "x"}).status_code in (401, 403, 405)
