"""The Content-Security-Policy in a real browser: the main pages, each with something to show
(charts included), load without the browser refusing any script, style or image."""

import datetime

import pytest

from conftest import browser_login
from nethub.fund.tests.factories import contribution
from nethub.meetings.tests.factories import ActionPointFactory
from nethub.reviews.tests.factories import fact, review_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/meetings/",
    "/meetings/tracker/",
    "/consultations/",
    "/library/",
    "/workplan/",
    "/roster/",
    "/directory/",
    "/directory/champions/",
    "/framework/",
    "/fund/",
    "/reviews/",
    "/reviews/dashboard/",
    "/reviews/figures/country-networks/",
    "/calendar/",
    "/search/?q=migration",
]


def test_main_pages_break_no_rule_of_the_policy(page, secretariat_user, member_state_user):
    ActionPointFactory(owner_organization=secretariat_user.organization)
    contribution()
    review_submit(member_state_user, status="published", year=2021)
    fact(value=31)
    fact(value=48, date=datetime.date(2021, 5, 5))
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    browser_login(page, secretariat_user.username)
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200, path
    assert not refused, refused
    # The dashboard's charts are drawn (images that loaded), not black or broken boxes.
    page.goto("/reviews/dashboard/")
    charts = page.locator("img.chart-image")
    assert charts.count() >= 2
    for i in range(charts.count()):
        assert charts.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
