"""A practice's whole journey in a real browser: submitted with a PDF, sent back for a change,
edited, resubmitted, published, then found in the public repository."""

import re

import pytest
from playwright.sync_api import expect

from conftest import browser_login
from nethub.library.tests.factories import make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_PHRASE = "Quillfeather vouchers let workers pay the bus to the clinic."


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()


def practice_journey(page, stakeholder_user, secretariat_user) -> str:
    """Submit with a PDF, request a change, edit, resubmit, publish; returns the page's URL."""
    browser_login(page, stakeholder_user.username)
    page.goto("/library/practices/submit/")
    page.get_by_label("Title").fill("Bus vouchers for clinic visits")
    page.get_by_label("Summary").fill("Workers receive vouchers to travel to a health clinic.")
    page.get_by_label("What was done").fill(
        "A clinic and a farmworkers' association hand out transport vouchers at the fields."
    )
    page.get_by_label("How it can be replicated").fill(
        "Any clinic can agree a voucher scheme with the local bus company."
    )
    page.get_by_label("Under way").check()
    page.get_by_label("15. Basic services").check()
    page.get_by_label("1. People-centred").check()
    page.get_by_label("Countries").select_option(label="Mexico")
    page.get_by_label("Attachment (PDF)").set_input_files(
        files=[
            {"name": "vouchers.pdf", "mimeType": "application/pdf", "buffer": make_pdf(PDF_PHRASE)}
        ]
    )
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bus vouchers for clinic visits")
    expect(page.locator("#practice-status")).to_have_text("Submitted")
    practice_url = page.url
    log_out(page)

    browser_login(page, secretariat_user.username)
    page.goto("/library/practices/review/")
    page.get_by_role("link", name="Bus vouchers for clinic visits").click()
    page.get_by_label("Note to the submitter").fill("Please name the bus company's region.")
    page.get_by_role("button", name="Request changes").click()
    expect(page.locator("#practice-status")).to_have_text("Changes requested")
    log_out(page)

    browser_login(page, stakeholder_user.username)
    page.goto(practice_url)
    expect(page.get_by_text("Please name the bus company's region.")).to_be_visible()
    page.get_by_role("link", name="Edit the practice").click()
    page.get_by_label("Partners").fill("Regional bus company of the northern districts")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Regional bus company of the northern districts")).to_be_visible()
    page.get_by_role("button", name="Send back for review").click()
    expect(page.locator("#practice-status")).to_have_text("Submitted")
    log_out(page)

    browser_login(page, secretariat_user.username)
    page.goto(practice_url)
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("Approved and published")
    log_out(page)
    return practice_url


def test_submit_request_changes_edit_publish(page, stakeholder_user, secretariat_user):
    practice_journey(page, stakeholder_user, secretariat_user)
    # The public finds it in the repository, filtered by its objective.
    page.goto("/library/practices/")
    page.get_by_label("GCM objective").select_option(label="15. Basic services")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"objective="))
    page.get_by_role("link", name="Bus vouchers for clinic visits").click()
    expect(page.get_by_role("link", name="vouchers.pdf")).to_be_visible()
    expect(page.locator("#practice-status")).to_have_count(0)


# Words of the paraphrase appear nowhere in the practice or its PDF.
PARAPHRASE = "free rides helping agricultural labourers reach doctors"


@pytest.mark.model
def test_published_practice_is_found_by_pdf_keyword_and_by_paraphrase(
    page, stakeholder_user, secretariat_user, settings
):
    search_selectors = pytest.importorskip(
        "nethub.search.selectors", reason="the search app is not in this branch yet"
    )
    settings.SEARCH_SEMANTIC = True
    # Loaded before the journey, as a served process loads it before its first request: on a
    # busy machine a first load inside the submission outlasts the browser's wait.
    from nethub.search.embeddings import get_model

    get_model()
    practice_url = practice_journey(page, stakeholder_user, secretariat_user)
    from nethub.library.models import Practice

    text = Practice.objects.get().full_text().lower()
    assert not any(word in text for word in PARAPHRASE.split())
    for query in ("Quillfeather", PARAPHRASE):
        urls = [hit.url for hit in search_selectors.search(query=query).hits]
        assert any(practice_url.endswith(url) for url in urls), (query, urls)
        # And through the site's search box, as the public would.
        page.goto("/")
        page.get_by_label("Search everything").fill(query)
        page.get_by_label("Search everything").press("Enter")
        page.get_by_role("link", name="Bus vouchers for clinic visits").first.click()
        expect(page).to_have_url(practice_url)
