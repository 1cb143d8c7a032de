"""iCalendar (RFC 5545) for calendar entries: a feed per filter, one event to add to a
calendar, a person's own feed."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone


def to_ical(entries, *, name: str) -> bytes:
    from icalendar import Calendar
    from icalendar import Event as VEvent

    calendar = Calendar()
    calendar.add("prodid", "-//nethub//calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    site = settings.SITE_URL.rstrip("/")
    stamp = timezone.now()
    for entry in entries:
        item = VEvent()
        item.add("uid", entry.uid)
        item.add("dtstamp", stamp)
        item.add("summary", entry.title)
        if entry.starts_at is not None:
            item.add("dtstart", entry.starts_at.astimezone(datetime.UTC))
            end = entry.ends_at or entry.starts_at + datetime.timedelta(hours=1)
            item.add("dtend", end.astimezone(datetime.UTC))
        else:
            item.add("dtstart", entry.date)
            item.add("dtend", entry.date + datetime.timedelta(days=1))
        item.add("url", site + entry.url)
        if entry.place:
            item.add("location", entry.place)
        if entry.cancelled:
            item.add("status", "CANCELLED")
        description = getattr(entry.obj, "description", "") or ""
        item.add("description", "\n\n".join(p for p in (description, site + entry.url) if p))
        calendar.add_component(item)
    return calendar.to_ical()
