"""Exports of a whole consultation: CSV and XLSX (one row per comment) and a DOCX report."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from nethub.consultations.models import Consultation

COLUMNS = [
    "id",
    "position",
    "created_at",
    "status",
    "hidden_reason",
    "question",
    "parent_id",
    "in_reply_to",
    "organisation",
    "organisation_kind",
    "posted_by",
    "byline",
    "text",
    "attachments",
    "supports",
    "priorities",
    "gcm_objectives",
]


def rows(*, consultation: Consultation, include_hidden: bool) -> list[list]:
    from nethub.consultations.selectors import export_comments

    out = []
    for c in export_comments(consultation=consultation, include_hidden=include_hidden):
        in_reply_to = c.parent.author_label if c.parent_id else c.reply_to_label
        out.append(
            [
                c.pk,
                c.position,
                c.created_at.isoformat(),
                c.status,
                c.hidden_reason,
                c.question.text if c.question else "",
                c.parent_id or "",
                in_reply_to,
                c.organization.name if c.organization else "",
                c.organization.kind if c.organization else "",
                c.author.display_name if c.author else "",
                c.byline,
                c.text,
                "; ".join(a.filename for a in c.attachments.all())
                + (" [mentioned, not in import]" if c.attachment_mentioned else ""),
                c.support_count,
                "; ".join(str(t) for t in c.targets_named),
                "; ".join(
                    f"{t.element.code} ({t.status})"
                    for t in c.taggings.all()
                    if t.element.kind == "objective"
                ),
            ]
        )
    return out


def to_csv(*, consultation: Consultation, include_hidden: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows(consultation=consultation, include_hidden=include_hidden):
        writer.writerow([_safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _safe_cell(value):
    """Spreadsheets run cells that start with = + - @ as formulas; quote them."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_xlsx(*, consultation: Consultation, include_hidden: bool) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "comments"
    sheet.append(COLUMNS)
    for row in rows(consultation=consultation, include_hidden=include_hidden):
        sheet.append([_safe_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_docx(*, consultation: Consultation, include_hidden: bool) -> bytes:
    """A report: counts, priorities each organisation named and asked for, then the threads."""
    import docx
    from django.contrib.auth.models import AnonymousUser

    from nethub.consultations.selectors import consultation_thread, synthesis

    result = synthesis(consultation=consultation, include_hidden=include_hidden)
    document = docx.Document()
    document.add_heading(consultation.title, 0)
    document.add_paragraph(
        _("%(count)d comments from %(orgs)d organisations.")
        % {"count": result["count"], "orgs": result["organization_count"]}
    )
    document.add_heading(_("What each organisation asked for"), 1)
    for entry in result["organizations"]:
        document.add_heading(entry["organization"].name, 2)
        if entry["targets"]:
            document.add_paragraph(
                _("Priorities: ") + "; ".join(f"{t} ({how})" for t, how in entry["targets"].items())
            )
        for _comment, ask in entry["asks"]:
            document.add_paragraph(ask, style="List Bullet")
    document.add_heading(_("Threads"), 1)

    for item in consultation_thread(
        consultation=consultation, user=AnonymousUser(), as_moderator=True, all_fields=True
    ):
        comment = item.comment
        if comment.status != comment.Status.VISIBLE and not include_hidden:
            continue
        heading = "    " * item.depth + comment.author_label
        if item.replying_to:
            heading += " — " + _("in reply to %(who)s") % {"who": item.replying_to}
        if comment.status == comment.Status.HIDDEN:
            heading += " [" + _("hidden: %(reason)s") % {"reason": comment.hidden_reason} + "]"
        paragraph = document.add_paragraph()
        paragraph.add_run(heading).bold = True
        document.add_paragraph(comment.text)
        for attachment in item.attachments:
            document.add_paragraph(_("Attachment: %(name)s") % {"name": attachment.filename})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def interests_csv(*, consultation: Consultation) -> bytes:
    from nethub.consultations.selectors import interests_table

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["target_kind", "number", "title", "organisation", "engagement", "comment_id"])
    for row in interests_table(consultation=consultation):
        target = row["target"]
        for key in ("continue", "start", "unstated"):
            for interest in row[key]:
                writer.writerow(
                    [
                        _safe_cell(v)
                        for v in (
                            target.kind if target else "",
                            target.number if target else "",
                            target.title if target else _("not stated in the page"),
                            interest.organization.name,
                            interest.engagement,
                            interest.comment_id or "",
                        )
                    ]
                )
    return buffer.getvalue().encode("utf-8-sig")
