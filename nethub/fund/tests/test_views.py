"""The fund's pages: the dashboard's queries do not grow with the data, its figures and exports,
the brief, the visibility of programmes and contributions, the API."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import load_workbook

from nethub.directory.models import Country, Organization
from nethub.fund import services
from nethub.fund.models import Contribution, Programme, Stage, Transition
from nethub.fund.tests.factories import contribution, programme

pytestmark = pytest.mark.django_db


def _bulk(programmes: int, contributions: int) -> None:
    """Many records at once (bulk, as a migration from another system would load them)."""
    donors = list(Organization.objects.filter(kind="member_state")[:40])
    countries = list(Country.objects.all()[:60])
    stages = [Stage.PIPELINE, Stage.FUNDED, Stage.UNDER_WAY, Stage.ELIGIBLE, Stage.SUBMITTED]
    start = Programme.objects.count()
    made = Programme.objects.bulk_create(
        Programme(
            reference=f"B-{start + n:06}",
            title=f"Bulk {n}",
            stage=stages[n % 5],
            is_published=n % 2 == 0,
            requested_budget=Decimal("1000.50"),
            requested_usd=Decimal("1000.50"),
            thematic_area_id=None,
        )
        for n in range(programmes)
    )
    Transition.objects.bulk_create(
        Transition(programme=p, to_stage=p.stage, effective_on=datetime.date(2021, 1, 1))
        for p in made
    )
    Programme.countries.through.objects.bulk_create(
        Programme.countries.through(programme=p, country=countries[n % len(countries)])
        for n, p in enumerate(made)
    )
    start = Contribution.objects.count()
    Contribution.objects.bulk_create(
        Contribution(
            reference=f"BC-{start + n:06}",
            donor=donors[n % len(donors)],
            date=datetime.date(2019 + n % 4, 1 + n % 12, 1),
            amount=Decimal("100.10"),
            amount_usd=Decimal("100.10"),
        )
        for n in range(contributions)
    )
    services.figures_version_bump()  # bulk writes send no signal


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/fund/", "/fund/secretariat/?on=2021-06-30"])
def test_the_dashboard_costs_the_same_queries_for_10000_contributions(
    client, secretariat_user, url
):
    client.force_login(secretariat_user)
    services.target_set(year=2021, amount_usd=Decimal("30000000"), actor=None)
    _bulk(programmes=5, contributions=5)
    small = _queries(client, url)
    _bulk(programmes=2000, contributions=10000)
    assert _queries(client, url) == small
    # and the figures are the database's sums
    response = client.get(url)
    assert Contribution.objects.count() == 10005
    total_2021 = sum(c.amount_usd for c in Contribution.objects.filter(date__year=2021))
    row = response.context["years"]
    assert next(r for r in row if r["year"] == 2021)["committed"] == total_2021


def test_the_dashboard_shows_each_chart_with_its_table(client):
    services.target_set(year=2021, amount_usd=Decimal("30000000"), actor=None)
    programme(is_published=True).countries.add(Country.objects.get(iso2="MX"))
    contribution(date=datetime.date(2021, 4, 1), amount=Decimal("3000000"))
    page = client.get("/fund/").content.decode()
    assert 'data-chart="years"' in page and 'data-target="30000000' in page
    assert '<tr data-year="2021">' in page and "3,000,000.00" in page and "10.0 %" in page
    assert 'data-chart="stages"' in page and 'data-chart="donors"' in page
    assert 'data-chart="unfunded"' in page and "/fund/export/unfunded.xlsx" in page
    assert "/fund/map.svg" in page


def test_exports_are_real_files(client):
    contribution(date=datetime.date(2021, 4, 1), amount=Decimal("3000000"))
    response = client.get("/fund/export/years.csv")
    csv_text = b"".join(response.streaming_content).decode()
    assert csv_text.splitlines()[1].startswith("2021,3000000.00")
    book = load_workbook(io.BytesIO(client.get("/fund/export/donors.xlsx").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "donor" and rows[1][0] == "Germany"
    assert client.get("/fund/export/nothing.csv").status_code == 404


def test_the_map_is_an_svg_of_countries_with_published_programmes(client):
    record = programme(is_published=True)
    record.countries.add(Country.objects.get(iso2="MX"))
    response = client.get("/fund/map.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert (
        svg.startswith("<svg") and "<script" not in svg and 'class="mx country map-element' in svg
    )


def test_the_brief_is_a_docx_with_the_position(client, secretariat_user, stakeholder_user):
    services.target_set(year=2021, amount_usd=Decimal("30000000"), actor=None)
    contribution(date=datetime.date(2021, 4, 1), amount=Decimal("3000000"))
    client.force_login(stakeholder_user)
    assert client.get("/fund/brief.docx").status_code == 403
    client.force_login(secretariat_user)
    response = client.get("/fund/brief.docx?on=2021-05-05")
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "USD 30,000,000.00" in cells and "USD 3,000,000.00" in cells and "10.0 %" in cells


def test_the_public_sees_published_programmes_only(client, secretariat_user):
    shown = programme(is_published=True, title="Shown programme")
    hidden = programme(title="Hidden concept note")
    page = client.get("/fund/programmes/").content.decode()
    assert "Shown programme" in page and "Hidden concept note" not in page
    assert client.get(f"/fund/programmes/{hidden.pk}/").status_code == 404
    assert client.get(f"/fund/programmes/{shown.pk}/").status_code == 200
    client.force_login(secretariat_user)
    assert "Hidden concept note" in client.get("/fund/programmes/").content.decode()


def test_the_programme_list_costs_the_same_queries_for_many(client, secretariat_user):
    client.force_login(secretariat_user)
    _bulk(programmes=2, contributions=0)
    small = _queries(client, "/fund/programmes/")
    _bulk(programmes=120, contributions=0)
    assert _queries(client, "/fund/programmes/") == small


def test_a_donor_sees_its_own_contributions(client, donor_user, member_state_user):
    contribution(donor=Organization.objects.get(name="Norway"), reference="NO-1")
    client.force_login(donor_user)
    page = client.get("/fund/contributions/").content.decode()
    assert "Germany" in page and "NO-1" not in page
    api = client.get("/api/fund-contributions/").json()
    assert {row["donor"] for row in api["results"]} == {"Germany"}
    client.force_login(member_state_user)  # Mexico has given nothing
    assert client.get("/fund/contributions/").status_code == 403


def test_the_api_refuses_contributions_to_the_anonymous(client):
    contribution()
    assert client.get("/api/fund-contributions/").status_code == 403
    assert client.get("/api/fund-position/").json()["committed"] is not None


def test_a_focal_point_reports_progress_on_its_programme(client, focal_point_user):
    record = programme(stage=Stage.UNDER_WAY)
    other = programme(stage=Stage.UNDER_WAY)
    record.participating_entities.add(focal_point_user.organization)
    client.force_login(focal_point_user)
    client.post(f"/fund/programmes/{record.pk}/progress/", {"progress": "Two <b>pilots</b> run"})
    record.refresh_from_db()
    assert record.progress == "Two <b>pilots</b> run"
    page = client.get(f"/fund/programmes/{record.pk}/").content.decode()
    assert "Two &lt;b&gt;pilots&lt;/b&gt; run" in page
    assert (
        client.post(f"/fund/programmes/{other.pk}/progress/", {"progress": "x"}).status_code == 403
    )


def test_the_api_moves_a_programme_for_the_secretariat_only(
    client, secretariat_user, stakeholder_user
):
    record = programme(is_published=True)
    client.force_login(stakeholder_user)
    url = f"/api/fund-programmes/{record.pk}/move/"
    assert client.post(url, {"to_stage": "eligible"}).status_code == 403
    client.force_login(secretariat_user)
    assert client.post(url, {"to_stage": "funded"}).status_code == 400
    assert client.post(url, {"to_stage": "eligible"}).json()["stage"] == "eligible"


def test_a_programme_is_searchable_once_published(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = programme(title="Capybara corridors concept", summary="Capybara corridors.")
    assert "Capybara corridors" not in client.get("/search/", {"q": "capybara"}).text
    with django_capture_on_commit_callbacks(execute=True):
        services.programme_update(programme=hidden, is_published=True, actor=None)
    assert "Capybara corridors" in client.get("/search/", {"q": "capybara"}).text


def test_html_in_a_programme_is_escaped_in_pages_and_charts(client):
    record = programme(is_published=True, title="<script>alert(1)</script>Jp")
    contribution(donor=Organization.objects.get(name="Norway"))
    page = client.get(f"/fund/programmes/{record.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    from nethub.fund.charts import horizontal_bars

    svg = str(horizontal_bars([("<b onload=x>", 3)], title="<t>", name="n"))
    assert "<b onload" not in svg and "&lt;b onload=x&gt;" in svg


def test_the_secretariat_records_a_rotation_and_an_allocation(
    client, secretariat_user, sc_member_user
):
    ilo = Organization.objects.get(acronym="ILO", kind="un_entity")
    unfpa = Organization.objects.get(acronym="UNFPA", kind="un_entity")
    client.force_login(sc_member_user)
    member = {"organization": ilo.pk, "seat": "un_entity", "start_date": "2019-05-01"}
    assert client.post("/fund/steering-committee/members/new/", member).status_code == 403
    client.force_login(secretariat_user)
    client.post("/fund/steering-committee/members/new/", member)
    rotation = {
        "date": "2021-06-01",
        "seat": "un_entity",
        "leaving": [ilo.pk],
        "joining": [unfpa.pk],
    }
    client.post("/fund/steering-committee/rotations/new/", rotation)
    page = client.get("/fund/steering-committee/").content.decode()
    members_today = page.split("Members today")[1].split("Former members")[0]
    assert unfpa.get_absolute_url() in members_today
    assert ilo.get_absolute_url() not in members_today

    record = programme(stage=Stage.UNDER_WAY)
    url = f"/fund/programmes/{record.pk}/allocations/new/"
    client.post(url, {"date": "2022-01-10", "amount_usd": "250000.50"})
    client.post(url, {"date": "2022-01-10", "amount_usd": "-5"})  # refused
    assert [a.amount_usd for a in record.allocations.all()] == [Decimal("250000.50")]


def test_the_steering_committee_page_shows_todays_members(client):
    from nethub.fund.tests.factories import sc_seat

    ilo = Organization.objects.get(acronym="ILO", kind="un_entity")
    unicef = Organization.objects.get(acronym="UNICEF", kind="un_entity")
    sc_seat(ilo, start=datetime.date(2019, 5, 1), end=datetime.date(2021, 5, 31))
    sc_seat(unicef, start=datetime.date(2021, 6, 1))
    page = client.get("/fund/steering-committee/").content.decode()
    today, former = page.split("Members today")[1].split("Former members")
    assert unicef.get_absolute_url() in today and ilo.get_absolute_url() not in today
    assert f"<li>{ilo}: " in former


def test_the_openapi_schema_describes_the_fund(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    for path in (
        "/api/fund-programmes/",
        "/api/fund-programmes/{id}/move/",
        "/api/fund-contributions/",
        "/api/fund-targets/",
        "/api/fund-allocations/",
        "/api/fund-windows/",
        "/api/fund-sc-members/",
        "/api/fund-position/",
    ):
        assert path in paths, path


def test_the_contribution_list_costs_the_same_queries_for_many(client, secretariat_user):
    client.force_login(secretariat_user)
    _bulk(programmes=0, contributions=2)
    small = _queries(client, "/fund/contributions/")
    _bulk(programmes=0, contributions=200)
    assert _queries(client, "/fund/contributions/") == small


def test_the_programme_list_filters_by_stage_area_region_country_and_window(client):
    from nethub.framework.models import FrameworkElement
    from nethub.fund.services import window_ensure

    window = window_ensure(code="thematic", name="Thematic window", kind="thematic")
    area = FrameworkElement.objects.get(kind="thematic_area", code="4")
    match = programme(
        is_published=True,
        stage=Stage.PIPELINE,
        thematic_area=area,
        window=window,
        countries=[Country.objects.get(iso2="MX")],
    )
    other = programme(is_published=True, countries=[Country.objects.get(iso2="FR")])
    region = Programme.objects.get(pk=match.pk).region
    for query in (
        "stage=pipeline",
        "thematic_area=4",
        f"region={region.slug}",
        "country=MX",
        "window=thematic",
    ):
        page = client.get(f"/fund/programmes/?{query}").content.decode()
        assert match.title in page and other.title not in page, query


def test_api_position_on_a_date_and_a_bad_date_is_a_400(client):
    assert client.get("/api/fund-position/?on=2021-06-30").json()["on"] == "2021-06-30"
    response = client.get("/api/fund-position/?on=30/06/2021")
    assert response.status_code == 400
    assert response.json()["on"]


def test_top_donors_rank_commitments_by_total_then_name_and_leave_pledges_out(reference_data):
    from nethub.fund.selectors import top_donors

    def donor(name):
        return Organization.objects.get(name=name)

    contribution(donor=donor("Germany"), amount=Decimal("300"))
    contribution(donor=donor("Germany"), amount=Decimal("200"))
    contribution(donor=donor("Mexico"), amount=Decimal("500"))
    contribution(donor=donor("Canada"), amount=Decimal("700"))
    contribution(donor=donor("Mexico"), amount=Decimal("900"), kind=Contribution.Kind.PLEDGE)
    rows = top_donors(limit=2)
    assert [(row["donor__name"], row["count"]) for row in rows] == [("Canada", 1), ("Germany", 2)]
    assert rows[0]["total"] == Decimal("700") and rows[1]["donor__slug"] == "germany"
    assert [row["donor__name"] for row in top_donors()] == ["Canada", "Germany", "Mexico"]
