"""The dashboards' figures are kept in the cache under a version that every write to the fund
moves: a write through any path (a service, the importer, a save or delete outside them) shows
on the next view; a view with nothing written since reads no fund table but the version."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from nethub.directory.models import Country, Organization
from nethub.fund import importer, selectors, services
from nethub.fund.models import FundingTarget, Programme, Stage, Transition
from nethub.fund.tests.factories import contribution, programme

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
D = datetime.date


def _figure(page: str, name: str) -> str:
    return re.search(rf'<dd data-figure="{name}">([^<(]*)', page).group(1).strip()


def _view(client, url: str = "/fund/") -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


# The tables the figures sum (the secretariat's target form also lists the funding windows).
FIGURE_TABLES = {
    "fund_contribution",
    "fund_programme",
    "fund_programme_countries",
    "fund_transition",
    "fund_allocation",
    "fund_fundingtarget",
}


def _fund_tables(sql: list[str]) -> set[str]:
    return {table for query in sql for table in re.findall(r'"(fund_\w+)"', query)} & FIGURE_TABLES


@pytest.fixture
def recorded(reference_data):
    """Some money and a programme waiting in the pipeline."""
    contribution(date=D(2021, 3, 1), amount=Decimal("1000000"))
    programme(stage=Stage.PIPELINE, submitted_on=D(2021, 1, 1))


@pytest.mark.parametrize("url", ["/fund/", "/fund/secretariat/?on=2021-06-30"])
def test_a_second_view_sums_nothing_and_costs_fewer_queries(
    client, secretariat_user, url, recorded
):
    client.force_login(secretariat_user)
    first_page, first = _view(client, url)
    second_page, second = _view(client, url)
    assert {"fund_contribution", "fund_programme", "fund_transition"} <= _fund_tables(first)
    assert _fund_tables(second) == set()
    assert not [q for q in second if re.search(r"\b(SUM|COUNT)\(", q) and "fund_" in q]
    assert len(second) < len(first)
    assert _figure(second_page, "committed") == _figure(first_page, "committed") == "1,000,000.00"


def test_a_service_write_shows_on_the_next_view(client, recorded):
    assert _figure(_view(client)[0], "committed") == "1,000,000.00"
    contribution(date=D(2021, 4, 1), amount=Decimal("250000"))
    page, sql = _view(client)
    assert _figure(page, "committed") == "1,250,000.00"
    assert "fund_contribution" in _fund_tables(sql)  # computed again, not the cache's


def test_a_pipeline_step_through_the_service_shows_on_the_next_view(client, recorded):
    before = _figure(_view(client)[0], "unfunded")
    waiting = programme(stage=Stage.ELIGIBLE, submitted_on=D(2021, 1, 1))
    assert _figure(_view(client)[0], "unfunded") != before
    services.programme_transition(
        programme=waiting, to_stage=Stage.DECLINED, actor=None, reason="Out of scope."
    )
    assert _figure(_view(client)[0], "unfunded") == before


def test_an_import_shows_on_the_next_view(client, secretariat_user, recorded):
    assert _figure(_view(client)[0], "committed") == "1,000,000.00"
    book = Workbook()
    book.active.append(["reference", "donor", "date", "amount", "currency", "usd_rate"])
    book.active.append(["G-9", "Germany", "2021-02-01", 500000, "USD", ""])
    out = io.BytesIO()
    book.save(out)
    rows = importer.read_rows(out.getvalue(), "c.xlsx")
    importer.apply(kind="contributions", rows=rows, actor=secretariat_user, filename="c.xlsx")
    assert _figure(_view(client)[0], "committed") == "1,500,000.00"


def test_a_transition_saved_and_deleted_outside_the_services_shows_on_the_next_view(
    client, recorded
):
    """As the admin or a shell would: `Transition` has no update time to compare."""
    waiting = programme(stage=Stage.SUBMITTED, submitted_on=D(2021, 1, 1))
    before = _figure(_view(client)[0], "unfunded")
    step = Transition.objects.create(
        programme=waiting,
        from_stage=Stage.SUBMITTED,
        to_stage=Stage.ELIGIBLE,
        effective_on=D(2021, 2, 1),
    )
    # The stage on the day comes from the history: the programme's own stage did not move.
    assert _figure(_view(client)[0], "unfunded") != before
    step.delete()
    assert _figure(_view(client)[0], "unfunded") == before


def test_a_target_saved_and_deleted_outside_the_services_shows_on_the_next_view(client, recorded):
    assert _figure(_view(client)[0], "target") == "0.00"
    target = FundingTarget.objects.create(year=TODAY.year, amount_usd=Decimal("4000000"))
    assert _figure(_view(client)[0], "target") == "4,000,000.00"
    target.amount_usd = Decimal("5000000")
    target.save()
    assert _figure(_view(client)[0], "target") == "5,000,000.00"
    target.delete()
    assert _figure(_view(client)[0], "target") == "0.00"


def test_a_country_added_to_a_programme_shows_on_the_next_view(client, recorded):
    published = programme(stage=Stage.PIPELINE, is_published=True)
    assert "Guatemala" not in _view(client)[0]
    published.countries.add(Country.objects.get(iso2="GT"))
    assert "Guatemala" in _view(client)[0]


def test_a_write_rolled_back_leaves_the_version_and_the_figures(client, recorded):
    _view(client)
    version = selectors.figures_version()
    with pytest.raises(ValueError), transaction.atomic():
        contribution(date=D(2021, 4, 1), amount=Decimal("250000"))
        assert selectors.figures_version() != version
        raise ValueError("rolled back")
    assert selectors.figures_version() == version
    page, sql = _view(client)
    assert _figure(page, "committed") == "1,000,000.00" and _fund_tables(sql) == set()


def test_a_renamed_donor_shows_at_once_without_a_write_to_the_fund(client, recorded):
    assert "Germany" in _view(client)[0]
    germany = Organization.objects.get(name="Germany")
    germany.name = "Federal Republic of Germany"
    germany.save()
    page, sql = _view(client)
    assert "Federal Republic of Germany" in page and _fund_tables(sql) == set()


def test_the_position_is_kept_per_day(client, secretariat_user, recorded):
    client.force_login(secretariat_user)
    contribution(date=D(2021, 9, 1), amount=Decimal("300000"))
    for _ in range(2):  # the second time from the cache, each day its own figures
        june = _view(client, "/fund/secretariat/?on=2021-06-30")[0]
        december = _view(client, "/fund/secretariat/?on=2021-12-31")[0]
        assert _figure(june, "committed") == "1,000,000.00"
        assert _figure(december, "committed") == "1,300,000.00"


def test_a_bulk_load_shows_once_it_moves_the_version(client, recorded):
    """Bulk writes send no signal: a loader that uses them calls the bump itself."""
    before = _figure(_view(client)[0], "unfunded")
    made = Programme.objects.bulk_create(
        [Programme(reference="BULK-1", title="Bulk", stage=Stage.PIPELINE, requested_usd=7)]
    )
    Transition.objects.bulk_create(
        [Transition(programme=made[0], to_stage=Stage.PIPELINE, effective_on=D(2021, 1, 1))]
    )
    assert _figure(_view(client)[0], "unfunded") == before  # the cache's, not yet moved
    services.figures_version_bump()
    assert _figure(_view(client)[0], "unfunded") != before
