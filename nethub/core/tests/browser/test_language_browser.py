"""The language menu in a real browser: en → fr → es → en on three pages, each time staying on
the page; moving through the menu with the arrow keys does not navigate."""

import datetime

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (page, a heading in English, French, Spanish)
PAGES = [
    ("/meetings/", "Meetings", "Réunions", "Reuniones"),
    ("/meetings/tracker/", "Action tracker", "Suivi des points", "Seguimiento de los puntos"),
    ("/directory/", "Directory", "Annuaire", "Directorio"),
]
DATES = {"en": "5 May 2021", "fr": "5 mai 2021", "es": "5 de mayo de 2021"}


def _choose(page, language: str) -> None:
    menu = page.locator("#language-select")
    menu.focus()
    # Arrow keys move through the options without leaving the page.
    url = page.url
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.wait_for_timeout(150)
    assert page.url == url
    menu.select_option(language)
    with page.expect_navigation():
        page.locator(".language-switcher button[type=submit]").click()


def test_language_round_trip_on_three_pages(page, reference_data):
    from nethub.meetings.tests.factories import ActionPointFactory

    ActionPointFactory(meeting__date=datetime.date(2021, 5, 5))
    for path, *headings in PAGES:
        page.goto(path)
        for language, heading, expected_prefix in zip(
            ("fr", "es", "en"), headings[1:] + headings[:1], ("/fr", "/es", ""), strict=True
        ):
            _choose(page, language)
            assert page.url.endswith(f"{expected_prefix}{path}"), (language, page.url)
            assert page.locator("html").get_attribute("lang") == language
            assert heading in page.get_by_role("heading", level=1).inner_text()
            if path == "/meetings/tracker/":
                assert DATES[language] in page.locator("table.tracker").inner_text()


def test_first_visit_in_the_browsers_language(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, locale="es-ES")
    try:
        page = context.new_page()
        page.goto("/meetings/")
        assert page.url.endswith("/es/meetings/")
        assert page.locator("html").get_attribute("lang") == "es"
    finally:
        context.close()
