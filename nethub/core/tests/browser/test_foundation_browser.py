"""The foundation in a real browser: home page, language switcher, log-in, the directory."""

import pytest

from conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_language_login_and_directory(page, secretariat_user):
    page.goto("/")
    assert page.get_by_role("heading", name="What nethub holds").is_visible()

    # Choosing a language, then the button, switches (see test_language_browser.py).
    page.get_by_label("Language").select_option("fr")
    with page.expect_navigation():
        page.get_by_role("button", name="Change language").click()
    assert page.url.endswith("/fr/")
    assert page.get_by_role("heading", name="Ce que contient nethub").is_visible()
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_label("Langue").select_option("en")
    with page.expect_navigation():
        page.locator(".language-switcher button").click()

    browser_login(page, secretariat_user.username)
    assert page.get_by_text("Secretariat Tester").is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path="/tmp/foundation-home.png", full_page=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Directory").click()
    page.get_by_label("Kind").select_option("un_entity")
    page.get_by_role("main").get_by_label("Search", exact=True).fill("refugees")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**kind=un_entity**")
    page.screenshot(path="/tmp/foundation-directory-list.png", full_page=True)
    link = page.get_by_role(
        "link", name="Office of the United Nations High Commissioner for Refugees"
    )
    link.click()
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Office of the United Nations High Commissioner for Refugees")
    )
    assert page.get_by_text("UN Refugee Agency").is_visible()
    page.screenshot(path="/tmp/foundation-directory.png", full_page=True)


def test_framework_pages(page, reference_data):
    page.goto("/framework/")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.get_by_role("heading", name="23 objectives").is_visible()
    page.screenshot(path="/tmp/foundation-framework.png")
    page.locator("a[href$='/framework/sdg_target/10.7/']").click()
    assert "10.7" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_text("Nothing is tagged with this yet.").is_visible()
