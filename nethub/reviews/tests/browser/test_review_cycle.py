"""The review cycle in a real browser: a Member State representative submits a voluntary
review in Spanish; the secretariat publishes and features it; it is on its country page, in
search and on the dashboard. A stakeholder registers for a webinar and finds it in their own
calendar feed. A confirmed figure is in its time series, linked to its source sentence."""

import datetime
from urllib.parse import urlparse

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from conftest import browser_login
from nethub.events.tests.factories import event_create
from nethub.library.tests.factories import make_pdf
from nethub.reviews.tests.factories import SPANISH_TEXT, fact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logout(page):
    page.context.clear_cookies()


def test_voluntary_review_from_submission_to_dashboard(
    page, member_state_user, secretariat_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    browser_login(page, member_state_user.username)
    page.goto("/reviews/submit/")
    page.get_by_label("Year").fill("2021")
    page.get_by_label("Title").fill("Informe voluntario de México sobre el Pacto Mundial")
    page.locator("#id_language").select_option("es")
    page.get_by_label("Document (PDF or DOCX)").set_input_files(
        files=[
            {"name": "informe.pdf", "mimeType": "application/pdf", "buffer": make_pdf(SPANISH_TEXT)}
        ]
    )
    page.get_by_role("button", name="Submit the voluntary review").click()
    expect(page.locator("#review-status")).to_have_text("Submitted")
    review_path = urlparse(page.url).path

    _logout(page)
    browser_login(page, secretariat_user.username)
    page.goto("/reviews/queue/")
    page.get_by_role("link", name="Informe voluntario de México sobre el Pacto Mundial").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("#review-status")).to_have_text("Published")
    page.get_by_role("button", name="Feature").click()
    expect(page.locator("#review-status")).to_have_text("Featured")

    _logout(page)
    page.goto("/reviews/countries/MX/")
    expect(
        page.get_by_role("link", name="Informe voluntario de México sobre el Pacto Mundial")
    ).to_be_visible()
    page.goto("/search/?q=protección+consular")
    expect(page.locator(f"main a[href='{review_path}']").first).to_be_visible()
    page.goto("/reviews/dashboard/")
    expect(page.locator("#reviews-table")).to_contain_text("Americas")
    expect(page.get_by_role("link", name="Mexico 2021")).to_be_visible()


def test_stakeholder_registers_and_gets_the_webinar_in_their_feed(
    page, secretariat_user, stakeholder_user
):
    event_create(
        secretariat_user, title="Webinar on fair recruitment", registration_open=True, capacity=50
    )
    browser_login(page, stakeholder_user.username)
    page.goto("/calendar/")
    page.get_by_role("link", name="Webinar on fair recruitment").click()
    expect(page.locator("[data-reader-time]")).to_contain_text("Your time:")
    page.get_by_role("button", name="Register").click()
    expect(page.locator("#registration-status")).to_have_text("Confirmed")
    page.goto("/calendar/mine/")
    feed_url = page.locator("#feed-url").input_value()
    _logout(page)
    response = page.request.get(feed_url)
    assert response.ok
    titles = [
        str(item.get("summary")) for item in Calendar.from_ical(response.body()).walk("VEVENT")
    ]
    assert titles == ["Webinar on fair recruitment"]


def test_confirmed_figure_in_its_series_links_to_its_source_sentence(page):
    fact(value=31)
    fact(
        value=48,
        date=datetime.date(2021, 5, 5),
        start=9,
        sentence="There are currently 48 country-level Networks.",
    )
    page.goto("/reviews/figures/country-networks/")
    chart = page.locator("figure.chart img.chart-image")
    expect(chart).to_be_visible()
    # Drawn, not a broken image, and wide enough to read.
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0 && img.width > 300")
    row = page.locator("#series-table tbody tr").nth(1)
    expect(row).to_contain_text("48")
    row.get_by_role("link", name="source sentence").click()
    expect(page.locator("#source-sentence")).to_have_text(
        "There are currently 48 country-level Networks."
    )
