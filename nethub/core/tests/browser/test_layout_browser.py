"""Layout in a real browser: on a phone-sized screen, pages with wide tables do not widen the
page (the table scrolls in its own box), and the home page leads a focal point to their
organisation's open action points."""

import pytest

from conftest import browser_login
from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_wide_tables_scroll_inside_their_box_on_a_phone(page, focal_point_user):
    for n in range(3):
        ActionPointFactory(
            text=f"Prepare a very long note number {n} on a subject that needs many words",
            owner_organization=focal_point_user.organization,
        )
    page.set_viewport_size({"width": 390, "height": 800})
    browser_login(page, focal_point_user.username)
    page.goto("/")
    page.get_by_role("link", name=f"Open action points of {focal_point_user.organization}").click()
    assert "mine=true" in page.url
    assert page.get_by_text("3 action points").is_visible()
    box = page.get_by_role("region", name="Scrollable table")
    assert box.is_visible()
    assert _page_width(page) <= 390
    # The tracker shows each point as a card on a phone: nothing to scroll, status in view.
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert page.locator("table.tracker [data-status]").first.is_visible()
    page.screenshot(path="/tmp/ux-test-tracker-phone.png", full_page=True)
