"""The tracker in a real browser: the counts and the owner chart filter, the filter bar takes
an alias in any case and status checkboxes, and on a phone the status shows without sideways
scrolling."""

import datetime

import pytest
from django.utils import timezone

from conftest import browser_login
from nethub.directory.models import Organization
from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()


def _rows(page):
    return sorted(page.locator("table.tracker tbody tr td:first-child a").all_inner_texts())


def test_tracker_counts_chart_and_filters(page, reference_data, focal_point_user):
    unhcr = Organization.objects.get(acronym="UNHCR", kind="un_entity")
    ilo = Organization.objects.get(acronym="ILO", kind="un_entity")
    late = TODAY - datetime.timedelta(days=5)
    later = TODAY + datetime.timedelta(days=40)
    ActionPointFactory(text="Refugee late", owner_organization=unhcr, due_date=late)
    ActionPointFactory(text="Refugee open", owner_organization=unhcr, due_date=later)
    ActionPointFactory(
        text="Refugee started", owner_organization=unhcr, due_date=later, status="in_progress"
    )
    ActionPointFactory(text="Refugee done", owner_organization=unhcr, due_date=late, status="done")
    ActionPointFactory(text="Labour late", owner_organization=ilo, due_date=late)

    page.goto("/meetings/tracker/")
    chart = page.locator("section.owner-chart svg")
    assert chart.get_attribute("role") == "img"
    assert chart.locator("rect.bar-open").count() == 2
    assert chart.locator("rect.bar-overdue").count() == 2
    # The UNHCR bar (3 open) is the longest; its table row gives the figures.
    widths = {
        g.get_attribute("data-owner"): float(g.locator("rect.bar-open").get_attribute("width"))
        for g in chart.locator("g.chart-row").all()
    }
    assert widths["UNHCR"] > widths["ILO"] > 0
    table_row = page.locator("table.owner-table tbody tr").filter(has_text="UNHCR")
    assert table_row.locator("td").all_inner_texts() == ["3", "1"]
    page.screenshot(path="/tmp/tracker-chart.png", full_page=True)

    # A count filters: the overdue ones.
    page.locator(".tracker-counts").get_by_role("link", name="2 overdue").click()
    page.wait_for_url("**overdue=true**")
    assert _rows(page) == ["Labour late", "Refugee late"]

    # The filter bar: an alias typed in lower case, and two statuses.
    page.goto("/meetings/tracker/")
    page.get_by_label("Owner", exact=True).fill("acnur")
    page.get_by_role("group", name="Status").get_by_label("Open").check()
    page.get_by_role("group", name="Status").get_by_label("In progress").check()
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**owner=acnur**")
    assert _rows(page) == ["Refugee late", "Refugee open", "Refugee started"]
    assert page.get_by_role("group", name="Status").get_by_label("Open").is_checked()
    assert page.get_by_text("Office of the United Nations High Commissioner for Refugees").count()

    # An owner in the chart's table filters to that owner.
    page.goto("/meetings/tracker/")
    page.locator("table.owner-table").get_by_role("link", name="ILO").click()
    page.wait_for_url(f"**owner={ilo.slug}**")
    assert _rows(page) == ["Labour late"]


def test_on_a_phone_the_status_shows_without_sideways_scrolling(
    page, reference_data, focal_point_user
):
    unhcr = focal_point_user.organization
    for n in range(3):
        ActionPointFactory(
            text=f"A long action point number {n} " + "with many words " * 12,
            owner_organization=unhcr,
            due_date=TODAY - datetime.timedelta(days=n),
        )
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, focal_point_user.username)
    page.goto("/meetings/tracker/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for badge in page.locator("table.tracker tbody [data-status]").all():
        box = badge.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    page.screenshot(path="/tmp/tracker-phone.png", full_page=True)
