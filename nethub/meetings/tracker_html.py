"""The tracker's rows, built in Python.

The template engine cost about 85% of the tracker's time (one include and about fifty tags a
row). Everything per request (translated labels, the CSRF field, the status choices) is done
once; each row is then formatted with its values escaped.
"""

from __future__ import annotations

from html import escape

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from nethub.meetings.models import ActionPoint

SELECTED = " selected"


def _e(value) -> str:
    return escape(str(value), quote=True)


def _url_maker(name: str):
    """pk -> the escaped URL of `name`, reversing once (reverse costs more than the row)."""
    marker = 2147483647
    pattern = _e(reverse(name, args=[marker]))
    return lambda pk: pattern.replace(str(marker), str(pk))


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else Truncator(text).chars(limit)


class TrackerRows:
    """`render(points)`: the `<tr>` of each point, as `_action_point_row` used to write them.
    The points come from `selectors.action_point_rows`."""

    def __init__(self, request, *, updated: bool = False) -> None:
        self.user = request.user
        self.updated = updated
        self.csrf = (
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{_e(get_token(request))}">'
        )
        self.next = _e(request.get_full_path())
        self.t = {
            key: _e(value)
            for key, value in {
                "point": _("Action point"),
                "status": _("Status"),
                "owner": _("Owner"),
                "due": _("Due"),
                "meeting": _("Meeting"),
                "saved": _("saved"),
                "update": _("Update"),
                "note": _("Progress note"),
                "save": _("Save"),
                "overdue": _("overdue"),
            }.items()
        }
        self.choices = [(value, _e(label)) for value, label in ActionPoint.Status.choices]
        self.point_url = _url_maker("meetings:action_point")
        self.status_url = _url_maker("meetings:action_point_status")
        self.meeting_url = _url_maker("meetings:detail")
        self._dates: dict = {}

    def _date(self, day) -> str:
        if day not in self._dates:
            self._dates[day] = _e(formats.date_format(day, "DATE_FORMAT"))
        return self._dates[day]

    def render(self, points) -> SafeString:
        return mark_safe("".join(self.row(point) for point in points))  # noqa: S308 — escaped

    def _status_form(self, point: ActionPoint) -> str:
        pk, t = point.pk, self.t
        url = self.status_url(pk)
        options = "".join(
            f'<option value="{value}"{SELECTED if value == point.status else ""}>{label}</option>'
            for value, label in self.choices
        )
        return (
            f'<details class="status-update no-print"><summary>{t["update"]}</summary>'
            f'<form method="post" action="{url}" class="status-form" hx-post="{url}" '
            f'hx-target="#ap-{pk}" hx-swap="outerHTML">{self.csrf}'
            f'<input type="hidden" name="next" value="{self.next}">'
            f'<label for="status-{pk}" class="visually-hidden">{t["status"]}</label>'
            f'<select id="status-{pk}" name="status">{options}</select>'
            f'<label for="comment-{pk}">{t["note"]}</label>'
            f'<textarea id="comment-{pk}" name="comment" rows="2" maxlength="2000"></textarea>'
            f'<button type="submit">{t["save"]}</button></form></details>'
        )

    def _due(self, point: ActionPoint, overdue: bool) -> str:
        if not point.due_date:
            return "—"
        when = self._date(point.due_date)
        if not overdue:
            return f'<span class="">{when}</span>'
        badge = f'<span class="badge danger">{self.t["overdue"]}</span>'
        return f'<span class="overdue">{when} {badge}</span>'

    def row(self, point: ActionPoint) -> str:
        t, pk = self.t, point.pk
        overdue = point.is_overdue
        tags = "".join(
            f'<span class="badge">{_e(tagging.element.label)}</span>'
            for tagging in point.confirmed_taggings
        )
        saved = f' <span role="status">{t["saved"]}</span>' if self.updated else ""
        can_change = self.user.has_perm("meetings.change_action_point_status", point)
        agenda = _cut(point.agenda_item.title, 60) if point.agenda_item_id else ""
        meeting = point.meeting
        return (
            f'<tr id="ap-{pk}" class="{"is-overdue" if overdue else ""}">'
            f'<td data-label="{t["point"]}"><a href="{self.point_url(pk)}">'
            f"{_e(_cut(point.text, 220))}</a>{tags}</td>"
            f'<td data-label="{t["status"]}"><span class="badge status-{_e(point.status)}" '
            f'data-status="{_e(point.status)}">{_e(point.get_status_display())}</span>{saved}'
            f"{self._status_form(point) if can_change else ''}</td>"
            f'<td data-label="{t["owner"]}">{_e(point.owner_label or "—")}</td>'
            f'<td data-label="{t["due"]}">{self._due(point, overdue)}</td>'
            f'<td data-label="{t["meeting"]}"><a href="{self.meeting_url(meeting.pk)}">'
            f"{self._date(meeting.date)}</a><br>"
            f'<span class="help">{_e(agenda)}</span></td></tr>'
        )
