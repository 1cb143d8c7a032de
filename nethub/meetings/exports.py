"""The tracker's exports: CSV, XLSX and an iCalendar feed of due dates, for any filtered list,
through core's export helpers; and the checked imports' outcomes (`outcomes_response`). Rows
are streamed from `.values_list()` of the columns shown: a fixed number of queries and time
linear in the rows, whatever the filter."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

from nethub.core.exports import CHUNK, export_response, ical_response, url_template
from nethub.directory.models import Organization
from nethub.meetings.models import ActionPointStatus, ImportOutcomeSection, OutcomeSection
from nethub.meetings.selectors import import_outcome_list

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
FIELDS = (
    "pk",
    "meeting__series__name",
    "meeting__date",
    "agenda_item__title",
    "text",
    "owner_organization_id",
    "owner",
    "due_date",
    "status",
)


class _Reader:
    """The filtered points' rows as the export sends them. What depends on the reader's
    language (owners' names, status labels) is read when the export is asked for; the rows
    are read from the database while they are sent. The tracker's taggings prefetch is
    dropped: no export shows tags, and at 5,000 rows it was one query with 5,000 ids."""

    def __init__(self, action_points):
        self.queryset = action_points.prefetch_related(None)
        self.owners = {
            organization.pk: str(organization)
            for organization in Organization.objects.filter(
                pk__in=self.queryset.order_by().values("owner_organization_id")
            )
        }
        self.labels = {value: str(label) for value, label in ActionPointStatus.choices}
        self.url = settings.SITE_URL.rstrip("/") + url_template("meetings:action_point")

    def points(self, points=None):
        """(pk, series, meeting date, agenda item, text, owner label, due date, status label,
        status, url) of each point, in the queryset's order."""
        points = self.queryset if points is None else points
        for row in points.values_list(*FIELDS).iterator(chunk_size=CHUNK):
            pk, series, date, item, text, organization_id, owner, due, status = row
            owner = self.owners.get(organization_id, "") if organization_id else owner
            label, url = self.labels[status], self.url.format(pk)
            yield pk, series, date, item or "", text, owner, due, label, status, url

    def rows(self):
        for pk, series, date, item, text, owner, due, label, _status, url in self.points():
            due = due.isoformat() if due else ""
            yield [pk, series, date.isoformat(), item, text, owner, due, label, url]

    def events(self):
        from icalendar import Event

        stamp = datetime.datetime.now(datetime.UTC)
        with_dates = self.queryset.filter(due_date__isnull=False)
        for pk, series, date, _item, text, owner, due, label, status, url in self.points(
            with_dates
        ):
            meeting = f"{series}, {formats.date_format(date, 'DATE_FORMAT')}"  # Meeting.__str__
            event = Event()
            event.add("uid", f"action-point-{pk}@nethub")
            event.add("dtstamp", stamp)
            event.add("dtstart", due)
            event.add("dtend", due + datetime.timedelta(days=1))
            event.add("summary", f"[{owner or '?'}] {text[:120]}")
            event.add("description", f"{text}\n\n{meeting} · {label}")
            event.add("url", url)
            event.add("status", "COMPLETED" if status == "done" else "CONFIRMED")
            yield event


def response(action_points, *, fmt: str):
    """The tracker's filtered list as CSV or XLSX (streamed rows), or its due dates as an
    iCalendar feed; any other format is a 404."""
    if fmt not in ("csv", "xlsx", "ics"):
        raise Http404
    reader = _Reader(action_points)
    if fmt == "ics":
        return ical_response(
            {
                "prodid": "-//nethub//action points//EN",
                "version": "2.0",
                "x-wr-calname": _("Action points due"),
            },
            reader.events(),
            filename="action-points",
        )
    return export_response(
        fmt,
        filename="action-points",
        header=COLUMNS,
        rows=reader.rows(),
        sheet=_("Action points"),
    )


def outcomes_response(fmt: str):
    """What the checks changed of each import (counts only), as CSV or XLSX: one row an
    import, for each kind of row its counts (`ImportOutcomeSection.COUNTS`)."""
    counts = ImportOutcomeSection.COUNTS
    header = ["checked_on", "file", "meeting_id"] + [
        f"{section}_{count}" for section in OutcomeSection.values for count in counts
    ]

    def rows():
        for outcome in import_outcome_list().iterator(chunk_size=CHUNK):
            sections = outcome.section_counts()
            yield [outcome.created_at.date(), outcome.filename, outcome.meeting_id] + [
                getattr(sections.get(section), count, 0)
                for section in OutcomeSection.values
                for count in counts
            ]

    return export_response(fmt, filename="import-outcomes", header=header, rows=rows())
