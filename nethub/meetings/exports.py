"""The tracker's exports: CSV, XLSX and an iCalendar feed of due dates, for any filtered list."""

from __future__ import annotations

import csv
import datetime
import io

from django.conf import settings
from django.utils.translation import gettext as _

COLUMNS = [
    "id",
    "meeting",
    "meeting_date",
    "agenda_item",
    "text",
    "owner",
    "due_date",
    "status",
    "url",
]


def _rows(action_points):
    for point in action_points:
        yield [
            point.pk,
            str(point.meeting.series),
            point.meeting.date.isoformat(),
            point.agenda_item.title if point.agenda_item else "",
            point.text,
            point.owner_label,
            point.due_date.isoformat() if point.due_date else "",
            point.get_status_display(),
            settings.SITE_URL.rstrip("/") + point.get_absolute_url(),
        ]


def _safe(value):
    # A cell starting with =, +, - or @ would run as a formula in a spreadsheet.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_csv(action_points) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in _rows(action_points):
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def to_xlsx(action_points) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Action points"))
    sheet.append(COLUMNS)
    for row in _rows(action_points):
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_ical(action_points) -> bytes:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//nethub//action points//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Action points due"))
    stamp = datetime.datetime.now(datetime.UTC)
    for point in action_points:
        if not point.due_date:
            continue
        event = Event()
        event.add("uid", f"action-point-{point.pk}@nethub")
        event.add("dtstamp", stamp)
        event.add("dtstart", point.due_date)
        event.add("dtend", point.due_date + datetime.timedelta(days=1))
        event.add("summary", f"[{point.owner_label or '?'}] {point.text[:120]}")
        event.add("description", f"{point.text}\n\n{point.meeting} · {point.get_status_display()}")
        event.add("url", settings.SITE_URL.rstrip("/") + point.get_absolute_url())
        event.add("status", "COMPLETED" if point.status == "done" else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
