"""In a real browser: the secretariat imports a Word document whose action points are in a
table, follows one point to its highlighted source in the text, corrects it and saves."""

import datetime
import tempfile
from pathlib import Path

import pytest

from conftest import browser_login
from nethub.meetings.models import ActionPoint
from nethub.meetings.tests.test_extract_stages import _docx_with_action_table


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_import_a_docx_action_table_and_correct_a_highlighted_point(page, secretariat_user):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shelter-minutes.docx"
        path.write_bytes(_docx_with_action_table())
        browser_login(page, secretariat_user.username)
        page.goto("/meetings/import/")
        page.get_by_label("Meeting summary").set_input_files(str(path))
        page.get_by_role("button", name="Read the summary").click()
    page.get_by_role("heading", name="Check the extracted meeting").wait_for()
    point = page.locator("[data-testid=action-point]").filter(
        has=page.get_by_text("Update the distribution map")
    )
    assert point.get_by_label("Owner").input_value() == "UNHCR"
    point.get_by_role("link", name="Show in the text").click()
    mark = page.locator("mark:target")
    mark.wait_for()
    assert "Update the distribution map" in mark.inner_text()
    point.get_by_label("Owner").fill("IOM")
    point.get_by_label("Due").fill("2024-05-15")
    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("The meeting was saved.").wait_for()
    corrected = ActionPoint.objects.get(text="Update the distribution map")
    assert corrected.owner == "IOM" or corrected.owner_organization.acronym == "IOM"
    assert corrected.due_date == datetime.date(2024, 5, 15)
