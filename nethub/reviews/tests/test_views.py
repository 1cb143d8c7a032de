"""The review cycle's pages: submit, publish, country page, list filters and query counts,
figures with their sources, the dashboard and its exports."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nethub.library.tests.factories import make_pdf, objective
from nethub.reviews.models import VoluntaryReview
from nethub.reviews.tests.factories import SPANISH_TEXT, bulk_reviews, fact, review_submit

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    """A streamed CSV download as text."""
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_member_state_submits_through_the_page(client, member_state_user):
    client.force_login(member_state_user)
    form = client.get(reverse("reviews:review_submit"))
    assert [c.iso2 for c in form.context["form"].fields["country"].queryset] == ["MX"]
    response = client.post(
        reverse("reviews:review_submit"),
        {
            "country": form.context["form"].fields["country"].queryset.get().pk,
            "year": 2021,
            "title": "Informe voluntario",
            "language": "es",
            "file": SimpleUploadedFile("informe.pdf", make_pdf(SPANISH_TEXT)),
            "objectives": [objective(5).pk, objective(14).pk],
        },
    )
    review = VoluntaryReview.objects.get()
    assert response["Location"] == review.get_absolute_url()
    tags = {(t.element.code, t.status) for t in review.taggings.select_related("element")}
    assert tags == {("5", "confirmed"), ("14", "confirmed")}
    assert client.get(review.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(review.get_absolute_url()).status_code == 302  # not public yet


def test_bad_file_is_a_clear_error_and_saves_nothing(client, member_state_user):
    client.force_login(member_state_user)
    response = client.post(
        reverse("reviews:review_submit"),
        {
            "country": member_state_user.organization.country_id,
            "year": 2021,
            "title": "x",
            "file": SimpleUploadedFile("informe.pdf", b"%PDF-1.4 broken"),
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not VoluntaryReview.objects.exists()


def test_stakeholder_cannot_submit(client, stakeholder_user):
    client.force_login(stakeholder_user)
    assert client.get(reverse("reviews:review_submit")).status_code == 403


def test_secretariat_publishes_and_features(client, member_state_user, secretariat_user):
    review = review_submit(member_state_user)
    client.force_login(member_state_user)
    assert (
        client.post(
            reverse("reviews:review_status", args=[review.pk]), {"action": "publish"}
        ).status_code
        == 403
    )
    client.force_login(secretariat_user)
    queue = client.get(reverse("reviews:review_queue"))
    assert list(queue.context["page_obj"]) == [review]
    client.post(reverse("reviews:review_status", args=[review.pk]), {"action": "publish"})
    client.post(reverse("reviews:review_status", args=[review.pk]), {"action": "feature"})
    review.refresh_from_db()
    assert review.status == "featured"
    client.logout()
    country = client.get(reverse("reviews:country", args=["mx"])).content.decode()
    assert review.title in country and "Featured" in country
    listing = client.get(reverse("reviews:index"))
    assert listing.context["featured"] == [review]
    file = client.get(reverse("reviews:review_file", args=[review.pk]))
    assert (
        file["Content-Security-Policy"] == "sandbox; default-src 'none'"
        and b"".join(file.streaming_content)[:4] == b"%PDF"
    )


def test_list_filters_and_export(client, member_state_user):
    review_submit(member_state_user, status="published", year=2021)
    review_submit(
        member_state_user, status="published", year=2022, language="en", title="English one"
    )
    response = client.get(reverse("reviews:index"), {"year": 2022})
    assert [r.title for r in response.context["page_obj"]] == ["English one"]
    assert (
        client.get(reverse("reviews:index"), {"language": "fr"}).context["page_obj"].paginator.count
        == 0
    )
    csv = _text(client.get(reverse("reviews:index"), {"format": "csv"}))
    assert csv.splitlines()[0].startswith("Country,Year,Title") and "English one" in csv
    from openpyxl import load_workbook

    xlsx = client.get(reverse("reviews:index"), {"format": "xlsx"}).content
    assert load_workbook(io.BytesIO(xlsx)).active.max_row == 3


def test_list_query_count_is_flat_up_to_10000_reviews(client, django_assert_num_queries):
    bulk_reviews(2)
    client.get(reverse("reviews:index"))
    # count, the filter form's regions and objectives, one page with country and region, its tags
    with django_assert_num_queries(5):
        client.get(reverse("reviews:index"), {"sort": "country"})
    bulk_reviews(10_000)
    with django_assert_num_queries(5):
        response = client.get(reverse("reviews:index"), {"sort": "country", "page": 7})
    assert response.context["page_obj"].paginator.count == 10_002


def test_series_page_links_each_point_to_its_source_sentence(client):
    import base64
    import datetime

    first = fact(value=31)
    second = fact(
        value=48,
        date=datetime.date(2021, 5, 5),
        start=9,
        sentence="There are currently 48 country-level Networks.",
    )
    fact(value=99, status="candidate", start=20)
    page = client.get(reverse("reviews:series_detail", args=["country-networks"]))
    assert [p.value for p in page.context["points"]] == [31, 48]
    html = page.content.decode()
    # The chart is an SVG image (its styles would be refused inline by the CSP), script-free.
    encoded = html.split('src="data:image/svg+xml;base64,', 1)[1].split('"', 1)[0]
    svg = base64.b64decode(encoded).decode()
    assert "<svg" in svg and "<script" not in svg and "48" in svg
    assert reverse("reviews:fact_detail", args=[second.pk]) in html
    detail = client.get(reverse("reviews:fact_detail", args=[first.pk])).content.decode()
    assert "So far, 31 Networks have been integrated." in detail
    candidate_url = reverse("reviews:fact_detail", args=[page.context["points"][0].pk + 2])
    assert client.get(candidate_url).status_code == 302  # a candidate is the secretariat's


def test_dashboard_tables_and_exports(client, member_state_user):
    review_submit(member_state_user, status="published", year=2021)
    fact(value=31, is_headline=True)
    response = client.get(reverse("reviews:dashboard"))
    assert response.context["review_rows"] == [["Americas", 1, 1]]
    assert response.context["fund"] is None
    html = response.content.decode()
    assert "Champion countries and networks over time" in html and "The fund's position" in html
    csv = _text(client.get(reverse("reviews:dashboard_export", args=["reviews", "csv"])))
    assert csv.splitlines() == ["Region,2021,Total", "Americas,1,1"]
    assert client.get(reverse("reviews:dashboard_export", args=["fund", "csv"])).status_code == 404
    assert (
        client.get(reverse("reviews:dashboard_export", args=["reviews", "exe"])).status_code == 404
    )


def test_dashboard_chart_is_redrawn_when_a_figure_changes(client, member_state_user):
    """The charts are kept under their figures: a review published since the last view shows
    on the next one, and a reader of another language gets the chart in theirs."""
    import base64
    import re

    def chart_svg(language="en") -> str:
        html = client.get(reverse("reviews:dashboard"), HTTP_ACCEPT_LANGUAGE=language, follow=True)
        image = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html.content.decode())
        return base64.b64decode(image.group(1)).decode()

    review_submit(member_state_user, status="published", year=2021)
    first = chart_svg()
    assert chart_svg() == first and "2022" not in first
    review_submit(member_state_user, status="published", year=2022)
    assert "2022" in chart_svg()
    assert "Examens volontaires du PMM par région et par année" in chart_svg("fr")


def test_dashboard_shows_the_funds_position_once_it_records_something(client, reference_data):
    import datetime
    from decimal import Decimal

    from nethub.fund.tests.factories import contribution

    contribution(amount=Decimal("2500000"), date=datetime.date(2021, 3, 1))
    response = client.get(reverse("reviews:dashboard"))
    rows = dict(response.context["fund"]["rows"])
    assert rows["Committed since the start"] == "2,500,000"
    assert 'id="fund-table"' in response.content.decode()
    csv = _text(client.get(reverse("reviews:dashboard_export", args=["fund", "csv"])))
    assert 'Committed since the start,"2,500,000"' in csv.splitlines()


def test_fact_queue_is_the_secretariats(client, secretariat_user, focal_point_user):
    candidate = fact(status="candidate")
    client.force_login(focal_point_user)
    assert client.get(reverse("reviews:fact_queue")).status_code == 403
    client.force_login(secretariat_user)
    assert list(client.get(reverse("reviews:fact_queue")).context["page_obj"]) == [candidate]
    client.post(
        reverse("reviews:fact_decide", args=[candidate.pk]),
        {
            "status": "confirmed",
            "series": "country-networks",
            "value": "31",
            "is_headline": "on",
        },
    )
    candidate.refresh_from_db()
    assert candidate.status == "confirmed" and candidate.is_headline


def test_pledge_pages(client, focal_point_user, secretariat_user):
    client.force_login(secretariat_user)
    client.post(
        reverse("reviews:pledge_create"),
        {"title": "UN system pledge", "text": "One voice", "is_joint": "on"},
    )
    from nethub.reviews.models import Pledge

    pledge = Pledge.objects.get()
    client.force_login(focal_point_user)
    client.post(reverse("reviews:pledge_opt_in", args=[pledge.pk]), {"action": "in"})
    page = client.get(pledge.get_absolute_url()).content.decode()
    assert "UNHCR" in page or "Refugees" in page
    assert (
        client.post(
            reverse("reviews:pledge_update", args=[pledge.pk]), {"text": "x", "status": "fulfilled"}
        ).status_code
        == 403
    )


def test_secretariat_finds_figures_in_meeting_summaries(client, secretariat_user, stakeholder_user):
    from nethub.meetings.tests.factories import MeetingFactory
    from nethub.reviews.models import Fact

    meeting = MeetingFactory(source_text="There are currently 48 country-level Networks.")
    client.force_login(stakeholder_user)
    assert client.post(reverse("reviews:facts_extract_all")).status_code == 403
    client.force_login(secretariat_user)
    client.post(reverse("reviews:facts_extract_all"))
    client.post(reverse("reviews:facts_extract_all"))  # again: nothing new
    fact = Fact.objects.get()
    assert (fact.meeting, fact.value, fact.series, fact.date) == (
        meeting,
        48,
        "country-networks",
        meeting.date,
    )
    page = client.get(fact.get_absolute_url()).content.decode()
    assert "<mark>48</mark>" in page


def test_home_page_shows_headline_figures_with_date_and_source(client):
    fact(value=48, is_headline=True, sentence="There are currently 48 country-level Networks.")
    fact(value=99, status="candidate", is_headline=True, start=3)
    page = client.get("/").content.decode()
    assert "Headline figures" in page and "<strong>48</strong> Country-level networks" in page
    assert (
        "19 October 2020" in page
        and "99" not in page.split("Headline figures")[1].split("</section>")[0]
    )


def test_secretariat_records_an_imrf_and_an_sg_report(client, secretariat_user, focal_point_user):
    from nethub.directory.models import Country
    from nethub.reviews.models import Forum, SGReport

    client.force_login(focal_point_user)
    assert client.get(reverse("reviews:forum_create")).status_code == 403
    client.force_login(secretariat_user)
    bad = client.post(
        reverse("reviews:forum_create"),
        {
            "kind": "imrf",
            "title": "IMRF 2026",
            "start_date": "2026-05-05",
            "end_date": "2026-05-01",
        },
    )
    assert "cannot end before it starts" in bad.content.decode() and not Forum.objects.exists()
    client.post(
        reverse("reviews:forum_create"),
        {
            "kind": "imrf",
            "title": "IMRF 2026",
            "start_date": "2026-05-05",
            "co_facilitators": [Country.objects.get(iso2="BD").pk],
            "roundtables": "Roundtable on pathways\n\nRoundtable on inclusion",
        },
    )
    forum = Forum.objects.get()
    assert [r.title for r in forum.roundtables.all()] == [
        "Roundtable on pathways",
        "Roundtable on inclusion",
    ]
    page = client.get(forum.get_absolute_url()).content.decode()
    assert "Bangladesh" in page and "Roundtable on inclusion" in page
    client.post(reverse("reviews:sg_report_create"), {"title": "SG report 2026", "forum": forum.pk})
    assert SGReport.objects.get().forum == forum


def test_pledge_list_query_count_is_flat(client, secretariat_user, django_assert_num_queries):
    from nethub.directory.models import Organization
    from nethub.reviews.models import Pledge

    iom = Organization.objects.get(acronym="IOM")

    def add(n):
        Pledge.objects.bulk_create(
            Pledge(title=f"Pledge {i}", text="x", pledger=iom, status="announced") for i in range(n)
        )

    add(2)
    client.get(reverse("reviews:pledge_list"))
    with django_assert_num_queries(3):  # count, a page with pledgers and forums, their tags
        client.get(reverse("reviews:pledge_list"))
    add(500)
    with django_assert_num_queries(3):
        response = client.get(reverse("reviews:pledge_list"), {"page": 3})
    assert response.context["page_obj"].paginator.count == 502


def test_dashboard_query_count_is_flat(client, reference_data, django_assert_num_queries):
    """The dashboard's tables are grouped in the database: the same queries for 2 reviews and
    a few action points as for 3,000 reviews and 2,000 points across 20 owners."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from nethub.directory.models import Organization
    from nethub.meetings.models import ActionPoint
    from nethub.meetings.tests.factories import AgendaItemFactory, MeetingFactory

    owners = list(Organization.objects.order_by("pk")[:20])

    def points(count):
        item = AgendaItemFactory(meeting=MeetingFactory())
        ActionPoint.objects.bulk_create(
            ActionPoint(
                meeting=item.meeting,
                agenda_item=item,
                position=n,
                text=f"Point {n}",
                owner_organization=owners[n % len(owners)],
                due_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(count)
        )

    bulk_reviews(2)
    points(3)
    url = reverse("reviews:dashboard")
    client.get(url)  # warm process-wide caches
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    bulk_reviews(3_000)
    points(2_000)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert sum(row[1] for row in response.context["ap_rows"]) == 2_003
    assert sum(row[-1] for row in response.context["review_rows"]) >= 3_000
