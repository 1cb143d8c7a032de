"""Exports of a workplan: CSV and XLSX (one row per activity, through core's export helper)
and a DOCX progress report (per priority its figures, per group its activities)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from nethub.core.exports import DOCX, DocxReport, export_response
from nethub.workplan import selectors
from nethub.workplan.models import Activity, Workplan


def table(workplan: Workplan) -> tuple[list[str], list[list]]:
    """Columns and rows: one row per activity, with its priority and group."""
    columns = [
        _("Priority"),
        _("Working group or workstream"),
        _("Co-leads"),
        _("Deliverable"),
        _("Lead"),
        _("Contributors"),
        _("Start"),
        _("Due"),
        _("Status"),
        _("Progress (%)"),
        _("Latest progress note"),
        _("Address"),
    ]
    activities = (
        Activity.objects.filter(group__workplan=workplan)
        .select_related("group__priority", "lead")
        .prefetch_related("contributors", "group__memberships__organization", "notes")
        .order_by("group__priority__position", "group__title", "due_date", "pk")
    )
    rows = []
    for a in activities:
        co_leads = [str(m.organization) for m in a.group.memberships.all() if m.role == "co_lead"]
        notes = list(a.notes.all())
        rows.append(
            [
                str(a.group.priority or ""),
                str(a.group),
                "; ".join(co_leads),
                a.title,
                str(a.lead or ""),
                "; ".join(str(o) for o in a.contributors.all()),
                a.start_date.isoformat() if a.start_date else "",
                a.due_date.isoformat() if a.due_date else "",
                a.get_status_display(),
                a.progress,
                notes[0].text if notes else "",
                settings.SITE_URL.rstrip("/") + a.get_absolute_url(),
            ]
        )
    return [str(c) for c in columns], rows


def to_docx(workplan: Workplan) -> bytes:
    """A progress report: per priority, its figures; per group, its activities and status."""
    report = DocxReport()
    report.heading(_("Progress report: %(title)s") % {"title": workplan.title}, 0)
    if workplan.endorsed_on:
        report.paragraph(
            _("Endorsed on %(date)s") % {"date": workplan.endorsed_on.isoformat()}
            + (f" ({workplan.endorsed_at})" if workplan.endorsed_at_id else "")
        )
    for row in selectors.workplan_progress(workplan=workplan):
        report.heading(str(row.priority or _("No priority")), 1)
        report.paragraph(
            _("%(done)s of %(total)s activities done; average progress %(percent)s%%.")
            % {"done": row.done, "total": row.activities, "percent": row.percent}
        )
        for group in row.groups:
            report.heading(str(group), 2)
            activities = list(group.activities.select_related("lead").prefetch_related("notes"))
            if not activities:
                report.paragraph(_("No activities yet."))
                continue
            report.table(
                [_("Deliverable"), _("Lead"), _("Status"), _("Latest progress note")],
                (_activity_cells(a) for a in activities),
            )
    return report.bytes()


def _activity_cells(activity: Activity) -> list[str]:
    notes = list(activity.notes.all())
    return [
        activity.title,
        str(activity.lead or ""),
        f"{activity.get_status_display()} ({activity.progress}%)",
        notes[0].text if notes else "",
    ]


def response(*, workplan: Workplan, fmt: str) -> HttpResponse:
    """CSV and XLSX through the one export helper (core/exports.py); DOCX is the report,
    written with core's `DocxReport`."""
    if fmt == "docx":
        result = HttpResponse(to_docx(workplan), content_type=DOCX)
        result["Content-Disposition"] = f'attachment; filename="{workplan.slug}.docx"'
        return result
    header, rows = table(workplan)
    return export_response(fmt, filename=workplan.slug, header=header, rows=rows)
