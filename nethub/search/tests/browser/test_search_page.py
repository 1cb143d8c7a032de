import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_header_and_narrow_by_facet(page, corpus):
    page.goto("/")
    page.get_by_label("Search everything").fill("migrant workers fonds")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**/search/?q=*")
    results = page.get_by_role("region", name="2 results")
    assert results.get_by_role(
        "link", name="Remittances and financial inclusion", exact=True
    ).is_visible()
    page.get_by_role("complementary").get_by_role("link", name="French (1)").click()
    page.wait_for_url("**language=fr*")
    assert page.get_by_role("heading", name="1 result").is_visible()
    assert page.get_by_text("Filtered by:").is_visible()
    page.get_by_role("link", name="Language: French (remove)").click()
    assert page.get_by_role("heading", name="2 results").is_visible()
