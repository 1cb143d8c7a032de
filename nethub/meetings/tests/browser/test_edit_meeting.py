"""In a real browser: the secretariat edits a saved meeting: renames it, adds an action point
with "Add an action point" (the row comes from the page's script), chooses its owner from the
directory, removes a participant, saves, and finds the changes in the meeting's history."""

import datetime

import pytest

from conftest import browser_login
from nethub.directory.models import Organization
from nethub.meetings.models import ActionPoint
from nethub.meetings.tests.factories import AgendaItemFactory, MeetingFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_edits_a_meeting(page, secretariat_user):
    meeting = MeetingFactory(title="EC Principals Meeting", date=datetime.date(2024, 1, 29))
    AgendaItemFactory(meeting=meeting, title="Route-based approach")
    meeting.participants.create(name="Leaving Person", position=0)

    browser_login(page, secretariat_user.username)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Edit the meeting").click()
    page.locator("#id_meeting-title").fill("EC Principals: route-based approach")

    participant = page.locator("[data-testid=participants]").filter(
        has=page.locator("input[value='Leaving Person']")
    )
    participant.get_by_label("Remove").check()

    points = page.locator("fieldset[data-formset=action_points]")
    before = points.locator("[data-testid=action_points]").count()
    points.get_by_role("button", name="Add an action point").click()
    assert points.locator("[data-testid=action_points]").count() == before + 1
    added = points.locator("[data-testid=action_points]").last
    added.get_by_label("Action point").fill("Share the proposal with regional networks.")
    added.get_by_label("Agenda item").select_option(label="1. Route-based approach")
    unhcr = Organization.objects.get(acronym="UNHCR")
    added.get_by_label("Owner organisation").select_option(str(unhcr.pk))
    added.get_by_label("Due").fill("2030-05-01")
    page.get_by_role("button", name="Save the meeting").click()

    page.get_by_text("The meeting was saved.").wait_for()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "EC Principals: route-based approach (Executive Committee Principals Meeting, "
        "29 January 2024)"
    )
    assert "Leaving Person" not in page.content()
    page.get_by_role("link", name="Share the proposal with regional networks.").wait_for()
    point = ActionPoint.objects.get(text="Share the proposal with regional networks.")
    assert point.owner_organization.acronym == "UNHCR"
    assert point.due_date == datetime.date(2030, 5, 1)

    page.get_by_role("link", name="History").first.click()
    table = page.locator("table")
    table.get_by_text("action point added").wait_for()
    assert "participant removed" in table.inner_text()
    assert "EC Principals: route-based approach" in table.inner_text()
