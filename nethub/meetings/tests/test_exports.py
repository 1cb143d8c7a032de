"""The tracker's exports: what each column holds, and a fixed number of queries whatever the
number of action points (the rows are streamed from `.values_list()`)."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from nethub.directory.models import Organization
from nethub.framework.models import FrameworkElement, Tagging
from nethub.meetings.exports import COLUMNS
from nethub.meetings.models import ActionPoint
from nethub.meetings.tests.factories import ActionPointFactory, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _export(client, fmt, **params):
    response = client.get(reverse("meetings:tracker_export", args=[fmt]), params)
    assert response.status_code == 200
    return response.getvalue()


def test_columns_of_the_csv_xlsx_and_calendar(client, reference_data):
    organization = (
        Organization.objects.filter(acronym="IOM").first() or Organization.objects.first()
    )
    meeting = MeetingFactory(date=datetime.date(2024, 5, 6))
    point = ActionPointFactory(
        meeting=meeting,
        text="@SUM(A1) circulate the note",
        owner="",
        owner_organization=organization,
        status="in_progress",
        due_date=datetime.date(2030, 2, 1),
    )
    undated = ActionPointFactory(meeting=meeting, agenda_item=None, due_date=None, owner="WG 3")
    rows = list(csv.reader(io.StringIO(_export(client, "csv", sort="due").decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id[str(point.pk)] == [
        str(point.pk),
        meeting.series.name,
        "2024-05-06",
        point.agenda_item.title,
        "'@SUM(A1) circulate the note",
        str(organization),
        "2030-02-01",
        "In progress",
        _site() + f"/meetings/action-points/{point.pk}/",
    ]
    assert by_id[str(undated.pk)][3] == "" and by_id[str(undated.pk)][5:7] == ["WG 3", ""]
    sheet = load_workbook(io.BytesIO(_export(client, "xlsx", sort="due"))).active
    assert sheet.title == "Action points"
    table = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert table == rows
    events = Calendar.from_ical(_export(client, "ics")).walk("VEVENT")
    assert len(events) == 1  # the undated point has no place in a calendar
    assert str(events[0]["summary"]) == f"[{organization}] @SUM(A1) circulate the note"
    assert str(events[0]["description"]).endswith(f"{meeting} · In progress")
    assert str(events[0]["status"]) == "CONFIRMED"


def _site() -> str:
    from django.conf import settings

    return settings.SITE_URL.rstrip("/")


def _points(count: int) -> None:
    meeting = MeetingFactory()
    item = AgendaItemFactory(meeting=meeting)
    organizations = list(Organization.objects.order_by("pk")[:3])
    points = ActionPoint.objects.bulk_create(
        ActionPoint(
            meeting=meeting,
            agenda_item=item if n % 2 else None,
            position=n,
            text=f"Point {n}",
            owner="Secretariat",
            owner_organization=organizations[n % 3] if n % 4 else None,
            due_date=datetime.date(2030, 1, 1) + datetime.timedelta(days=n % 400),
        )
        for n in range(count)
    )
    objective = FrameworkElement.objects.filter(kind="objective").first()
    Tagging.objects.bulk_create(Tagging(tagged=p, element=objective) for p in points)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ics"])
def test_export_queries_do_not_grow_with_rows(
    client, reference_data, django_assert_num_queries, fmt
):
    url = reverse("meetings:tracker_export", args=[fmt])
    _points(10)
    client.get(url).getvalue()  # fills process-wide caches (content types)
    with CaptureQueriesContext(connection) as queries:
        client.get(url).getvalue()  # the rows are read while the body is sent
    _points(90)
    with django_assert_num_queries(len(queries)):
        body = client.get(url).getvalue()
    if fmt == "csv":
        assert body.count(b"\r\n") == 101
    if fmt == "ics":
        assert len(Calendar.from_ical(body).walk("VEVENT")) == 100
