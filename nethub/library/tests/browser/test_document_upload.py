"""Uploading documents in a real browser: a readable PDF becomes a document; an unreadable one
shows a clear error and leaves nothing usable."""

import pytest
from playwright.sync_api import expect

from conftest import browser_login
from nethub.library.models import Document
from nethub.library.tests.factories import make_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upload(page, title, name, data):
    page.goto("/library/upload/")
    page.get_by_label("File").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": data}]
    )
    page.get_by_label("Title").fill(title)
    page.get_by_label("Kind of document").select_option(label="Position paper")
    page.get_by_role("button", name="Upload").click()


def test_upload_readable_and_unreadable_pdf(page, focal_point_user):
    browser_login(page, focal_point_user.username)
    upload(
        page,
        "Position on labour mobility",
        "paper.pdf",
        make_pdf(
            "Labour mobility schemes should let workers change employer without losing status."
        ),
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Position on labour mobility")
    page.get_by_text("Show the text read from the file").click()
    expect(page.get_by_text("change employer without losing status")).to_be_visible()

    upload(page, "Broken paper", "broken.pdf", b"%PDF-1.6\n" + b"\x02noise" * 64)
    expect(page.get_by_role("status")).to_contain_text("This file could not be read")
    broken = Document.objects.get(title="Broken paper")
    assert broken.status == "failed" and not broken.text and not broken.file

    page.goto("/library/")
    expect(page.get_by_role("link", name="Position on labour mobility")).to_be_visible()
    expect(page.locator("table").get_by_text("Broken paper")).to_have_count(0)
