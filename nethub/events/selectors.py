"""Reads of the calendar. One calendar: events of this app and the meetings of `meetings`
(which stay where they are; they are listed here, not copied), in date order, a page of them
in a fixed number of queries."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import CharField, F, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nethub.events.models import Event, EventKind, Registration
from nethub.meetings.models import Meeting

WHEN = ("upcoming", "past", "all")


@dataclass
class CalendarEntry:
    source: str  # "event" or "meeting"
    obj: object
    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.date
    starts_at: datetime.datetime | None  # aware, when the time is known
    ends_at: datetime.datetime | None
    timezone: str
    place: str
    online: bool
    approximate: bool = False
    cancelled: bool = False

    @property
    def local_start(self):
        if self.starts_at is None:
            return None
        try:
            return self.starts_at.astimezone(zoneinfo.ZoneInfo(self.timezone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return self.starts_at

    @property
    def uid(self) -> str:
        return f"{self.source}-{self.obj.pk}@nethub"


def _event_entry(event: Event) -> CalendarEntry:
    return CalendarEntry(
        source="event",
        obj=event,
        kind=event.kind,
        kind_label=event.get_kind_display(),
        title=event.title,
        url=event.get_absolute_url(),
        date=event.starts_on,
        starts_at=None if event.date_is_approximate else event.starts_at,
        ends_at=None if event.date_is_approximate else event.ends_at,
        timezone=event.timezone,
        place=event.place,
        online=bool(event.online_url),
        approximate=event.date_is_approximate,
        cancelled=event.is_cancelled,
    )


def _meeting_entry(meeting: Meeting) -> CalendarEntry:
    zone_name = meeting.timezone or "UTC"
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone, zone_name = datetime.UTC, "UTC"
    starts = ends = None
    if meeting.start_time:
        starts = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
        if meeting.end_time:
            ends = datetime.datetime.combine(meeting.date, meeting.end_time, tzinfo=zone)
    return CalendarEntry(
        source="meeting",
        obj=meeting,
        kind="meeting",
        kind_label=str(_("Meeting")),
        title=str(meeting),
        url=meeting.get_absolute_url(),
        date=meeting.date,
        starts_at=starts,
        ends_at=ends,
        timezone=zone_name,
        place=meeting.venue,
        online=meeting.is_virtual,
    )


def _filtered_events(filters: dict) -> QuerySet[Event]:
    events = Event.objects.all()
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("audience"):
        events = events.filter(audience=filters["audience"])
    if filters.get("language"):
        events = events.filter(languages__icontains=filters["language"])
    if filters.get("q"):
        for word in filters["q"].split()[:6]:
            events = events.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if filters.get("ids") is not None:
        events = events.filter(pk__in=filters["ids"])
    return events


def _filtered_meetings(filters: dict) -> QuerySet[Meeting] | None:
    if filters.get("kind") not in ("", None, EventKind.MEETING):
        return None
    if filters.get("audience") or filters.get("language") or filters.get("ids") is not None:
        return None  # meetings carry no audience or language: a filter on them leaves them out
    meetings = Meeting.objects.all()
    if filters.get("q"):
        for word in filters["q"].split()[:6]:
            meetings = meetings.filter(Q(title__icontains=word) | Q(series__name__icontains=word))
    return meetings


def calendar_keys(*, filters: dict | None = None):
    """(source, pk, day) of every entry matching `filters`, in calendar order, as one
    database query (a UNION of events and meetings)."""
    filters = filters or {}
    when = filters.get("when") or "upcoming"
    today = timezone.localdate()
    events = _filtered_events(filters)
    meetings = _filtered_meetings(filters)
    if when == "upcoming":
        events = events.filter(starts_on__gte=today)
        meetings = meetings.filter(date__gte=today) if meetings is not None else None
    elif when == "past":
        events = events.filter(starts_on__lt=today)
        meetings = meetings.filter(date__lt=today) if meetings is not None else None
    keys = events.annotate(src=Value("event", output_field=CharField()), day=F("starts_on"))
    keys = keys.values_list("src", "pk", "day").order_by()
    if meetings is not None:
        meeting_keys = (
            meetings.annotate(src=Value("meeting", output_field=CharField()), day=F("date"))
            .values_list("src", "pk", "day")
            .order_by()
        )
        keys = keys.union(meeting_keys, all=True)
    if when == "past":
        return keys.order_by("-day", "-src", "-pk")
    return keys.order_by("day", "src", "pk")


def entries_for(keys) -> list[CalendarEntry]:
    """The calendar entries for (source, pk, day) keys, in their order: two queries and the
    events' organisers (three), whatever their number."""
    keys = list(keys)
    event_ids = [pk for src, pk, _day in keys if src == "event"]
    meeting_ids = [pk for src, pk, _day in keys if src == "meeting"]
    events = (
        {e.pk: e for e in Event.objects.filter(pk__in=event_ids).prefetch_related("organisers")}
        if event_ids
        else {}
    )
    meetings = (
        {m.pk: m for m in Meeting.objects.filter(pk__in=meeting_ids).select_related("series")}
        if meeting_ids
        else {}
    )
    entries = []
    for src, pk, _day in keys:
        if src == "event" and pk in events:
            entries.append(_event_entry(events[pk]))
        elif src == "meeting" and pk in meetings:
            entries.append(_meeting_entry(meetings[pk]))
    return entries


def calendar_page(
    *, filters: dict, page_number, per_page: int = 25
) -> tuple[Page, list[CalendarEntry]]:
    page = Paginator(calendar_keys(filters=filters), per_page).get_page(page_number)
    return page, entries_for(page.object_list)


def calendar_entries(*, filters: dict, limit: int = 500) -> list[CalendarEntry]:
    return entries_for(calendar_keys(filters=filters)[:limit])


def upcoming(*, limit: int = 8) -> list[CalendarEntry]:
    return calendar_entries(filters={"when": "upcoming"}, limit=limit)


def event_detail(*, pk: int) -> Event:
    return (
        Event.objects.select_related("recording", "summary_document")
        .prefetch_related("organisers")
        .get(pk=pk)
    )


def registration_for(*, event: Event, user) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def registration_counts(*, event: Event) -> dict[str, int]:
    counts = {status: 0 for status in Registration.Status.values}
    for status in event.registrations.values_list("status", flat=True):
        counts[status] += 1
    return counts


def registrations(*, event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related("user", "user__organization").exclude(
        status=Registration.Status.CANCELLED
    )


def user_calendar(*, user) -> list[CalendarEntry]:
    """A person's own calendar: the events they hold a confirmed place or a waiting place for,
    past and future."""
    ids = list(
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("event_id", flat=True)
    )
    return calendar_entries(filters={"when": "all", "ids": ids})
