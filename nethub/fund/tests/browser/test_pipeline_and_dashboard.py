"""In a real browser: the secretariat records a concept note and moves it into the pipeline; a
Steering Committee member records the decision that selects it; the secretariat funds it, records
a new contribution, and the dashboard shows the year's new total against its target, in the
chart and in its table."""

import datetime
from decimal import Decimal

import pytest

from conftest import browser_login
from nethub.fund import services
from nethub.fund.models import Allocation, Programme
from nethub.fund.tests.factories import contribution


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_concept_note_to_funded_programme_and_contribution_on_dashboard(
    page, secretariat_user, sc_member_user
):
    year = datetime.date.today().year
    services.target_set(year=year, amount_usd=Decimal("30000000"), actor=None)
    contribution(date=datetime.date(year, 1, 10), amount=Decimal("2000000"))

    browser_login(page, secretariat_user.username)
    page.goto("/fund/programmes/new/")
    page.get_by_label("Reference").fill("CN-BROWSER-1")
    page.get_by_label("Title").fill("Safe labour migration corridors")
    page.get_by_label("Requested budget").fill("2500000")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Concept note recorded.").wait_for()
    for stage in ("eligible", "pipeline"):
        page.get_by_label("Move to").select_option(stage)
        page.get_by_label("Reason").fill(f"Checked: {stage}")
        page.get_by_role("button", name="Move").click()
        page.locator(f"[data-testid=stage][data-stage={stage}]").wait_for()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, sc_member_user.username)
    page.goto("/fund/steering-committee/decisions/new/")
    page.get_by_label("Date of the Steering Committee meeting").fill(f"{year}-02-03")
    page.get_by_label("Decision").fill("The Committee selects the corridors programme.")
    page.get_by_label("CN-BROWSER-1: Safe labour migration corridors").check()
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("The decision was recorded.").wait_for()
    assert "CN-BROWSER-1" in page.locator("[data-testid=sc-meeting]").first.inner_text()
    page.get_by_role("button", name="Log out").click()

    browser_login(page, secretariat_user.username)
    programme = Programme.objects.get(reference="CN-BROWSER-1")
    page.goto(f"/fund/programmes/{programme.pk}/edit/")
    page.get_by_label("Approved budget").fill("2400000")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Programme saved.").wait_for()
    page.get_by_label("Move to").select_option("funded")
    page.get_by_label("Reason").fill("First transfer")
    page.get_by_role("button", name="Move").click()
    page.locator("[data-testid=stage][data-stage=funded]").wait_for()
    history = page.get_by_role("region", name="History").inner_text()
    assert "Selected by the Steering Committee" in history and "Scmember" in history
    assert Allocation.objects.get(programme=programme).amount_usd == Decimal("2400000")

    page.goto("/fund/contributions/new/")
    page.get_by_label("Reference").fill("C-NEW-1")
    page.get_by_label("Donor").select_option(label="Norway")
    page.get_by_label("Amount", exact=True).fill("1000000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_label("Rate to USD").fill("1.1")
    page.get_by_role("button", name="Save the contribution").click()
    page.get_by_text("Contribution recorded.").wait_for()

    page.goto("/fund/")
    row = page.locator(f"[data-testid=years-table] tr[data-year='{year}']")
    assert row.locator("[data-col=committed]").inner_text() == "3,100,000.00"
    assert row.locator("[data-col=target]").inner_text() == "30,000,000.00"
    assert "10.3 %" in row.inner_text()
    bar = page.locator(f"svg[data-chart=years] g[data-year='{year}']")
    assert bar.locator("text[data-value]").get_attribute("data-value") == "3100000.00"
    assert bar.locator("line[data-target]").get_attribute("data-target") == "30000000.00"
    assert bar.locator("text[data-value]").text_content() == "3.1M"
