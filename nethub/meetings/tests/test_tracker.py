"""The tracker people steer by: counts and chart by owner, the owner filter through the
directory's aliases, proposing due dates and progress notes, query counts."""

import datetime

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nethub.core.selectors import audit_history
from nethub.directory.models import Organization
from nethub.meetings import selectors, services
from nethub.meetings.models import ActionPoint
from nethub.meetings.tests.factories import ActionPointFactory, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TRACKER = reverse("meetings:tracker")
TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=10)
FUTURE = TODAY + datetime.timedelta(days=60)


def _org(acronym):
    return Organization.objects.get(acronym=acronym, kind="un_entity")


@pytest.fixture
def points(reference_data):
    unhcr, ilo = _org("UNHCR"), _org("ILO")
    return {
        "unhcr_late": ActionPointFactory(owner_organization=unhcr, due_date=PAST, text="U late"),
        "unhcr_open": ActionPointFactory(owner_organization=unhcr, due_date=FUTURE, text="U open"),
        "unhcr_done": ActionPointFactory(
            owner_organization=unhcr, due_date=PAST, status="done", text="U done"
        ),
        "ilo_late": ActionPointFactory(
            owner_organization=ilo, due_date=PAST, status="in_progress", text="I late"
        ),
        "coordinator": ActionPointFactory(owner="Coordinator", due_date=FUTURE, text="C open"),
    }


def test_summary_counts_by_status_overdue_and_owner(points):
    summary = selectors.tracker_summary(ActionPoint.objects.all())
    assert summary.total == 5
    assert {value: count for value, _label, count in summary.by_status} == {
        "open": 3,
        "in_progress": 1,
        "done": 1,
        "dropped": 0,
    }
    assert summary.overdue == 2
    owners = [(o.label, o.open, o.overdue) for o in summary.owners]
    assert owners == [("UNHCR", 2, 1), ("ILO", 1, 1), ("Coordinator", 1, 0)]
    assert summary.chart_max == 2


@pytest.mark.parametrize("typed", ["UNHCR", "unhcr", "ACNUR", "UN Refugee Agency", "unhcr "])
def test_owner_filter_resolves_names_and_aliases(client, points, typed):
    page = client.get(TRACKER, {"owner": typed})
    texts = {p.text for p in page.context["page_obj"]}
    assert texts == {"U late", "U open", "U done"}, typed
    assert "Office of the United Nations High Commissioner for Refugees" in page.text


def test_owner_filter_falls_back_to_the_owner_as_written(client, points):
    page = client.get(TRACKER, {"owner": "coordinator"})
    assert [p.text for p in page.context["page_obj"]] == ["C open"]


def test_status_checkboxes_and_counts_that_filter(client, points):
    page = client.get(TRACKER, {"status": ["open", "in_progress"], "owner": "UNHCR"})
    assert {p.text for p in page.context["page_obj"]} == {"U late", "U open"}
    text = page.text
    assert 'type="checkbox" name="status" value="open"' in text
    # The counts leave out the status filter (so each remains a choice) but keep the owner.
    summary = page.context["summary"]
    assert summary.total == 3 and summary.overdue == 1
    assert '?owner=UNHCR&amp;status=done"' in text
    assert '?owner=UNHCR&amp;overdue=true"' in text
    overdue = client.get(TRACKER, {"overdue": "true"})
    assert {p.text for p in overdue.context["page_obj"]} == {"U late", "I late"}


def test_chart_and_its_table(client, points):
    text = client.get(TRACKER).text
    assert '<svg role="img"' in text and "Open and overdue points by owner" in text
    chart = text[text.index("<svg") : text.index("</svg>")]
    assert chart.count('class="bar-open"') == 3 and chart.count('class="bar-overdue"') == 2
    # The longest bar is the owner with most open points.
    assert 'width="220" class="bar-open"><title>Office of the United Nations' in chart
    table = text[text.index('class="owner-table"') :]
    table = table[: table.index("</table>")]
    unhcr = _org("UNHCR")
    assert f'owner={unhcr.slug}" title="{unhcr.name}">UNHCR</a></th><td class="num">2</td>' in (
        table
    )


def test_the_tracker_costs_the_same_queries_for_many_points_with_filters(
    client, reference_data, focal_point_user
):
    def queries(count):
        ActionPoint.objects.all().delete()
        meeting = MeetingFactory()
        item = AgendaItemFactory(meeting=meeting)
        owners = list(Organization.objects.filter(kind="un_entity")[:20])
        ActionPoint.objects.bulk_create(
            ActionPoint(
                meeting=meeting,
                agenda_item=item,
                position=n,
                text=f"Point {n}",
                owner_organization=owners[n % len(owners)],
                due_date=TODAY + datetime.timedelta(days=n % 50 - 25),
            )
            for n in range(count)
        )
        from django.db import connection

        params = {"owner": owners[0].acronym.lower(), "status": ["open"], "sort": "owner"}
        client.get(TRACKER, params)  # per-process caches (content types) filled first
        with CaptureQueriesContext(connection) as captured:
            page = client.get(TRACKER, params)
        assert page.status_code == 200
        return len(captured)

    client.force_login(focal_point_user)
    small, large = queries(40), queries(800)
    assert small == large, (small, large)
    assert large <= 16, large


def test_focal_point_proposes_a_due_date_and_the_secretariat_accepts(
    client, points, focal_point_user, secretariat_user
):
    point = points["unhcr_late"]
    new_date = TODAY + datetime.timedelta(days=30)
    client.force_login(focal_point_user)
    response = client.post(
        reverse("meetings:action_point_due", args=[point.pk]),
        {"due_date": new_date.isoformat(), "note": "Waiting for the\nregional figures."},
    )
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.due_date == PAST and point.proposed_due_date == new_date
    page = client.get(point.get_absolute_url())
    assert 'id="proposed-due-date"' in page.text
    assert "Waiting for the<br>regional figures." in page.text
    # Not theirs to decide.
    assert (
        client.post(
            reverse("meetings:action_point_due_decide", args=[point.pk]), {"decision": "accept"}
        ).status_code
        == 403
    )
    client.force_login(secretariat_user)
    client.post(
        reverse("meetings:action_point_due_decide", args=[point.pk]), {"decision": "accept"}
    )
    point.refresh_from_db()
    assert point.due_date == new_date and point.proposed_due_date is None
    actions = [event.action for event in audit_history(subject=point)]
    assert actions[:2] == ["due_date_changed", "due_date_proposed"]
    # The history writes the dates in the reader's language.
    french = client.get(f"/fr{point.get_absolute_url()}").content.decode()
    history = french[french.index('id="history-heading"') :]
    assert f"→ {new_date.day} " in history and new_date.isoformat() not in history


def test_a_focal_point_of_another_organisation_cannot_propose(client, points, focal_point_user):
    point = points["ilo_late"]
    client.force_login(focal_point_user)
    response = client.post(
        reverse("meetings:action_point_due", args=[point.pk]), {"due_date": "2031-01-01"}
    )
    assert response.status_code == 403
    point.refresh_from_db()
    assert point.proposed_due_date is None


def test_a_bad_date_changes_nothing(client, points, focal_point_user):
    point = points["unhcr_open"]
    client.force_login(focal_point_user)
    client.post(reverse("meetings:action_point_due", args=[point.pk]), {"due_date": "31/02/2030"})
    point.refresh_from_db()
    assert point.proposed_due_date is None and point.due_date == FUTURE


def test_decline_keeps_the_due_date(points, focal_point_user, secretariat_user):
    point = points["unhcr_open"]
    services.action_point_propose_due_date(
        action_point=point, due_date=FUTURE + datetime.timedelta(days=9), actor=focal_point_user
    )
    services.action_point_decide_due_date(action_point=point, accept=False, actor=secretariat_user)
    point.refresh_from_db()
    assert point.due_date == FUTURE and point.proposed_due_date is None


def test_progress_note_in_a_textarea_kept_in_history(client, points, focal_point_user):
    point = points["unhcr_open"]
    client.force_login(focal_point_user)
    page = client.get(point.get_absolute_url())
    assert '<textarea name="comment"' in page.text
    client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "open", "comment": "Draft shared <b>with</b> partners."},
    )
    history = client.get(point.get_absolute_url()).text
    assert "Draft shared &lt;b&gt;with&lt;/b&gt; partners." in history
    assert "progress note" in history


def test_tracker_row_on_a_phone_puts_status_second(client, points, focal_point_user):
    client.force_login(focal_point_user)
    text = client.get(TRACKER).text
    row = text[text.index(f'id="ap-{points["unhcr_open"].pk}"') :]
    labels = [part.split('"')[0] for part in row.split('data-label="')[1:6]]
    assert labels == ["Action point", "Status", "Owner", "Due", "Meeting"]
    assert 'class="tracker stacked"' in text


def test_date_boxes_keep_iso_values_in_french(client, points, secretariat_user):
    # <input type="date"> only reads YYYY-MM-DD, whatever the page's language.
    client.force_login(secretariat_user)
    point = points["unhcr_open"]
    page = client.get(f"/fr{point.get_absolute_url()}").content.decode()
    assert f'value="{FUTURE.isoformat()}"' in page
    tracker = client.get("/fr/meetings/tracker/", {"due_after": "2030-01-31"}).content.decode()
    assert 'value="2030-01-31"' in tracker
