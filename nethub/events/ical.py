"""iCalendar (RFC 5545) for calendar entries: a feed per filter, one event to add to a
calendar, a person's own feed; streamed through core's iCalendar helper."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from nethub.core.exports import ical_response


def response(entries, *, name: str, filename: str):
    """`entries` (CalendarEntry) as an iCalendar feed named `name`, shown inline."""
    return ical_response(
        {"prodid": "-//nethub//calendar//EN", "version": "2.0", "x-wr-calname": name},
        _events(entries),
        filename=filename,
    )


def _events(entries):
    from icalendar import Event as VEvent

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
        yield item
