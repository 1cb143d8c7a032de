"""In a real browser: the secretariat imports a summary and corrects an action point; the focal
point of the owning organisation marks it done; the tracker shows it done with its history."""

import pytest

from conftest import browser_login, fixture_path
from nethub.meetings.models import ActionPoint


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_import_correct_and_complete_an_action_point(page, secretariat_user, focal_point_user):
    summary = fixture_path("ec-principals-2024-01-29.txt")

    browser_login(page, secretariat_user.username)
    page.goto("/meetings/import/")
    page.get_by_label("Meeting summary").set_input_files(str(summary))
    page.get_by_role("button", name="Read the summary").click()
    page.get_by_role("heading", name="Check the extracted meeting").wait_for()
    assert (
        page.get_by_label("Text of the document")
        .inner_text()
        .startswith("Executive Committee Principals")
    )
    point = page.locator("[data-testid=action-point]").filter(
        has=page.get_by_text("Develop a set of common messages.")
    )
    point.get_by_label("Owner").fill("UNHCR")
    point.get_by_label("Due").fill("2024-03-31")
    page.get_by_role("button", name="Save the meeting").click()
    page.get_by_text("The meeting was saved.").wait_for()
    assert "Develop a set of common messages." in page.content()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, focal_point_user.username)
    page.goto("/meetings/tracker/?mine=true")
    rows = page.locator("table.tracker tbody tr")
    row = rows.filter(has_text="Develop a set of common messages.")
    assert page.locator("table.tracker tbody tr").count() == 1
    row.get_by_text("Update", exact=True).click()
    row.get_by_label("Status").select_option("done")
    row.get_by_label("Progress note").fill("Messages shared with the network")
    row.get_by_role("button", name="Save").click()
    page.locator("table.tracker tbody tr [data-status=done]").wait_for()

    page.goto("/meetings/tracker/?status=done")
    rows = page.locator("table.tracker tbody tr")
    done = rows.filter(has_text="Develop a set of common messages.")
    assert done.locator("[data-status=done]").inner_text() == "Done"
    done.get_by_role("link", name="Develop a set of common messages.").click()
    history = page.get_by_role("region", name="History")
    history.get_by_text("status open → done").wait_for()
    assert "Messages shared with the network" in history.inner_text()
    assert "Focal" in history.inner_text()
    point = ActionPoint.objects.get(text="Develop a set of common messages.")
    assert point.status == "done" and point.owner_organization == focal_point_user.organization
