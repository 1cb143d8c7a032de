"""The calendar's pages: one calendar of events and meetings, filters, feeds, registration,
and flat query counts."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from nethub.events import services
from nethub.events.tests.factories import bulk_events, event_create
from nethub.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _summaries(body: bytes) -> list[str]:
    return [str(c.get("summary")) for c in Calendar.from_ical(body).walk("VEVENT")]


def test_calendar_lists_events_and_meetings_in_date_order(client, secretariat_user):
    import django.utils.timezone as tz

    event_create(secretariat_user, days=3, title="Listening session", kind="listening_session")
    meeting = MeetingFactory(date=tz.localdate() + datetime.timedelta(days=1))
    response = client.get(reverse("events:index"))
    titles = [entry.title for entry in response.context["entries"]]
    assert titles == [str(meeting), "Listening session"]
    only_meetings = client.get(reverse("events:index"), {"kind": "meeting"})
    assert [e.source for e in only_meetings.context["entries"]] == ["meeting"]
    webinars = client.get(reverse("events:index"), {"kind": "webinar"})
    assert webinars.context["entries"] == []
    assert "No event matches these filters." in webinars.content.decode()


def test_feed_follows_the_filter(client, secretariat_user):
    event_create(secretariat_user, title="Webinar A")
    event_create(secretariat_user, title="Briefing B", kind="briefing")
    body = client.get(reverse("events:feed"), {"kind": "briefing"}).getvalue()
    assert _summaries(body) == ["Briefing B"]


def test_event_page_shows_zone_utc_and_add_to_calendar(client, secretariat_user):
    event = services.event_create(
        actor=secretariat_user,
        kind="webinar",
        title="<b>Webinar</b>",
        tz="Asia/Bangkok",
        starts=datetime.datetime(2031, 3, 4, 15, 0),
        registration_open=True,
        capacity=20,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "15:00 (Asia/Bangkok)" in page and "08:00 UTC" in page
    assert "&lt;b&gt;Webinar&lt;/b&gt;" in page and "<b>Webinar</b>" not in page
    assert reverse("events:ics", args=[event.pk]) in page and "calendar.google.com" in page
    ics = Calendar.from_ical(client.get(reverse("events:ics", args=[event.pk])).getvalue())
    start = ics.walk("VEVENT")[0].decoded("dtstart")
    assert start == datetime.datetime(2031, 3, 4, 8, 0, tzinfo=datetime.UTC)


def test_register_and_personal_feed(client, secretariat_user, stakeholder_user):
    event = event_create(
        secretariat_user, registration_open=True, title="Webinar on labour migration"
    )
    event_create(secretariat_user, registration_open=True, title="Not registered")
    client.force_login(stakeholder_user)
    client.post(reverse("events:register", args=[event.pk]))
    mine = client.get(reverse("events:mine"))
    feed_url = mine.context["feed_url"]
    client.logout()
    assert _summaries(client.get(feed_url).getvalue()) == ["Webinar on labour migration"]
    assert client.get(reverse("events:user_feed", args=["nope"])).status_code == 404


def test_anonymous_cannot_register(client, secretariat_user):
    event = event_create(secretariat_user, registration_open=True)
    response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_create_page_is_the_secretariats(client, secretariat_user, stakeholder_user):
    client.force_login(stakeholder_user)
    assert client.get(reverse("events:create")).status_code == 403
    client.force_login(secretariat_user)
    response = client.post(
        reverse("events:create"),
        {
            "kind": "annual_meeting",
            "title": "Annual meeting",
            "starts": "2031-11-20T09:00",
            "ends": "2031-11-20T08:00",
            "tz": "Europe/Zurich",
            "audience": "public",
        },
    )
    assert response.status_code == 200 and "must end after it starts" in response.content.decode()
    response = client.post(
        reverse("events:create"),
        {
            "kind": "annual_meeting",
            "title": "Annual meeting",
            "starts": "2031-11-20T09:00",
            "tz": "Europe/Zurich",
            "audience": "public",
        },
    )
    assert response.status_code == 302


def test_calendar_query_count_is_flat_up_to_10000_events(
    client, secretariat_user, django_assert_num_queries
):
    import django.utils.timezone as tz

    bulk_events(2)
    MeetingFactory(date=tz.localdate())  # first in the calendar, before the events
    client.get(reverse("events:index"))  # warm caches (sessions, content types)
    # count, one page of keys (a UNION), its events, their organisers, its meetings
    with django_assert_num_queries(5):
        client.get(reverse("events:index"))
    bulk_events(10_000)
    with django_assert_num_queries(5):
        response = client.get(reverse("events:index"))
    assert response.context["page_obj"].paginator.count == 10_003
    assert {entry.source for entry in response.context["entries"]} == {"event", "meeting"}


def test_secretariat_attaches_recording_and_cancels(client, secretariat_user, stakeholder_user):
    from nethub.library.models import Document

    event = event_create(secretariat_user, registration_open=True)
    recording = Document.objects.create(title="Recording of the webinar", status="ready")
    client.force_login(stakeholder_user)
    assert client.get(reverse("events:change", args=[event.pk])).status_code == 403
    client.force_login(secretariat_user)
    response = client.post(
        reverse("events:change", args=[event.pk]),
        {"status": "cancelled", "recording": recording.pk, "capacity": "10"},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.recording, event.capacity, event.registration_open) == (
        "cancelled",
        recording,
        10,
        False,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Recording of the webinar" in page and "Cancelled" in page
    feed = client.get(reverse("events:feed")).getvalue().decode()
    assert "STATUS:CANCELLED" in feed


def test_feed_queries_do_not_grow_with_events(client, secretariat_user, django_assert_num_queries):
    bulk_events(10)
    url = reverse("events:feed") + "?when=all"
    client.get(url).getvalue()  # fills process-wide caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url).getvalue()  # the events are written while the body is sent
    bulk_events(90)
    with django_assert_num_queries(len(queries)):
        body = client.get(url).getvalue()
    assert len(Calendar.from_ical(body).walk("VEVENT")) == 100
