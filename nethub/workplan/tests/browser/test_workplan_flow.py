"""In a real browser, the whole workplan loop: the secretariat opens a draft as a Discussion
Space; a stakeholder says it wants to join a working group; the co-lead accepts; the member
posts progress on an activity; the secretariat records the endorsement at an EC meeting; the
public sees the endorsed workplan with its progress chart."""

import pytest

from conftest import browser_login
from nethub.meetings.tests.factories import MeetingFactory
from nethub.workplan import services
from nethub.workplan.models import Membership, Workplan


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_draft_to_endorsed_workplan(
    page, secretariat_user, stakeholder_user, focal_point_user
):
    workplan = services.workplan_create(
        actor=secretariat_user, title="Network workplan 2025-2026", start_year=2025, end_year=2026
    )
    priority = services.priority_create(
        actor=secretariat_user, workplan=workplan, number="1", title="Labour pathways"
    )
    group = services.group_create(
        actor=secretariat_user, workplan=workplan, priority=priority, title="Pathways group"
    )
    services.membership_set(
        actor=secretariat_user,
        group=group,
        organization=focal_point_user.organization,
        role="co_lead",
    )
    meeting = MeetingFactory()

    browser_login(page, secretariat_user.username)
    page.goto(workplan.get_absolute_url())
    page.get_by_label("opens").fill("2020-01-01T09:00")
    page.get_by_label("closes").fill("2099-01-01T09:00")
    page.get_by_role("button", name="Open for consultation").click()
    page.get_by_text("The draft is open for consultation.").wait_for()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, stakeholder_user.username)
    page.goto(Workplan.objects.get().consultation.get_absolute_url())
    page.get_by_role("link", name="Say which priorities you want to join").click()
    page.get_by_label("Working group: Pathways group").select_option("start")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your organisation's interests are saved.").wait_for()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, focal_point_user.username)
    page.goto("/workplan/requests/")
    request = page.locator("li").filter(has_text=stakeholder_user.organization.name)
    request.get_by_label("decision note").fill("Welcome aboard")
    request.get_by_role("button", name="Accept").click()
    page.get_by_text("The decision is recorded.").wait_for()
    assert Membership.objects.filter(
        group=group, organization=stakeholder_user.organization
    ).exists()
    activity = services.activity_create(
        actor=focal_point_user,
        group=group,
        title="Guidance on labour pathways",
        contributors=[stakeholder_user.organization],
    )
    page.get_by_role("button", name="Log out").click()

    browser_login(page, stakeholder_user.username)
    page.goto("/")
    page.get_by_role("link", name="Working group: Pathways group").click()
    page.get_by_role("link", name="Guidance on labour pathways").click()
    assert page.url.endswith(activity.get_absolute_url())
    page.get_by_role("textbox", name="progress note").fill("Guidance published")
    page.get_by_role("combobox", name="status").select_option("done")
    page.get_by_role("button", name="Post the progress note").click()
    page.get_by_text("Progress recorded.").wait_for()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, secretariat_user.username)
    page.goto(workplan.get_absolute_url())
    page.get_by_label("endorsed on").fill("2025-02-01")
    page.get_by_label("endorsed at").select_option(str(meeting.pk))
    page.get_by_role("button", name="Record the endorsement").click()
    page.get_by_text("The endorsement is recorded.").wait_for()
    page.get_by_role("button", name="Log out").click()

    page.goto(workplan.get_absolute_url())
    assert page.locator(".endorsement").inner_text().startswith("Endorsed on")
    chart = page.get_by_role("img", name="Average progress of activities by priority")
    assert chart.is_visible()
    assert "100%" in chart.inner_html()
    row = page.locator("tbody tr").filter(has_text="Labour pathways")
    assert row.locator("td").all_inner_texts() == ["1", "1", "100"]
