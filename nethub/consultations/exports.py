"""Exports of a whole consultation: CSV and XLSX (one row per comment, streamed through core's
export helper) and a DOCX report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import HttpResponse
from django.utils.translation import gettext as _

from nethub.consultations.models import (
    Attachment,
    Comment,
    CommentTarget,
    Consultation,
    ExpressionOfInterest,
    Support,
)
from nethub.core.exports import CHUNK, DOCX, DocxReport, export_response
from nethub.directory.models import Organization
from nethub.framework.models import Tagging

FIELDS = (
    "pk",
    "position",
    "created_at",
    "status",
    "hidden_reason",
    "question_id",
    "parent_id",
    "reply_to_label",
    "parent__organization_id",
    "parent__author_id",
    "organization_id",
    "author_id",
    "byline",
    "text",
    "attachment_mentioned",
)
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


def rows(*, consultation: Consultation, include_hidden: bool) -> Iterator[list]:
    """One row per comment, oldest first, streamed from `.values()` of the columns shown.
    What a row names besides (organisations, people, questions, attachments, supports,
    priorities, GCM objectives) is read once for the whole consultation, each by one query
    on the consultation (never a list of every comment's id): a fixed number of queries."""
    # The lookups are read now, in the request's language; the rows as they are sent.
    lookups = _Lookups(consultation)
    comments = Comment.objects.filter(consultation=consultation)
    if not include_hidden:
        comments = comments.filter(status=Comment.Status.VISIBLE)
    values = comments.order_by("created_at", "position", "pk").values(*FIELDS)
    return (_row(row, lookups) for row in values.iterator(chunk_size=CHUNK))


class _Lookups:
    """Everything a comment row names, by id, for one consultation."""

    def __init__(self, consultation: Consultation):
        everyone = Comment.objects.filter(consultation=consultation)  # parents may be hidden
        self.organizations = _organizations(everyone)
        self.people = {
            user.pk: user.display_name
            for user in get_user_model()
            .objects.filter(pk__in=everyone.order_by().values("author_id"))
            .only("pk", "username", "first_name", "last_name")
        }
        self.questions = dict(consultation.questions.values_list("pk", "text"))
        self.attachments = defaultdict(list)
        for comment_id, filename in Attachment.objects.filter(
            comment__consultation=consultation
        ).values_list("comment_id", "filename"):
            self.attachments[comment_id].append(filename)
        self.supports = dict(
            Support.objects.filter(comment__consultation=consultation)
            .values_list("comment_id")
            .annotate(n=Count("pk"))
            .values_list("comment_id", "n")
        )
        self.targets = _targets(consultation)
        self.objectives = defaultdict(list)
        for object_id, code, status in Tagging.objects.filter(
            content_type=ContentType.objects.get_for_model(Comment),
            object_id__in=everyone.order_by().values("pk"),
            element__kind="objective",
        ).values_list("object_id", "element__code", "status"):
            self.objectives[object_id].append((code, status))

    def author_label(self, organization_id, author_id) -> str:
        """As `Comment.author_label`."""
        if organization_id:
            return str(self.organizations[organization_id].display_name)
        if author_id:
            return self.people[author_id]
        return str(_("Author not stated"))


def _targets(consultation: Consultation) -> dict[int, list]:
    """The priorities each comment names, by comment id, in link order: one query for the
    links and one per kind of target (priority, working group, workstream)."""
    links = list(
        CommentTarget.objects.filter(comment__consultation=consultation)
        .order_by("pk")
        .values_list("comment_id", "target_type_id", "target_id")
    )
    wanted: dict[int, set[int]] = defaultdict(set)
    for _comment_id, type_id, target_id in links:
        wanted[type_id].add(target_id)
    objects = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        for target in model._default_manager.filter(pk__in=ids):
            objects[(type_id, target.pk)] = target
    named: dict[int, list] = defaultdict(list)
    for comment_id, type_id, target_id in links:
        if (type_id, target_id) in objects:
            named[comment_id].append(objects[(type_id, target_id)])
    return named


def _row(values: dict, lookups: _Lookups) -> list:
    pk = values["pk"]
    organization = lookups.organizations.get(values["organization_id"])
    if values["parent_id"]:
        in_reply_to = lookups.author_label(
            values["parent__organization_id"], values["parent__author_id"]
        )
    else:
        in_reply_to = values["reply_to_label"]
    attachments = "; ".join(lookups.attachments.get(pk, ()))
    if values["attachment_mentioned"]:
        attachments += " [mentioned, not in import]"
    return [
        pk,
        values["position"],
        values["created_at"].isoformat(),
        values["status"],
        values["hidden_reason"],
        lookups.questions.get(values["question_id"], ""),
        values["parent_id"] or "",
        in_reply_to,
        organization.name if organization else "",
        organization.kind if organization else "",
        lookups.people.get(values["author_id"], ""),
        values["byline"],
        values["text"],
        attachments,
        lookups.supports.get(pk, 0),
        "; ".join(str(t) for t in lookups.targets.get(pk, ())),
        "; ".join(f"{code} ({status})" for code, status in lookups.objectives.get(pk, ())),
    ]


def response(*, consultation: Consultation, fmt: str, include_hidden: bool) -> HttpResponse:
    """The consultation as CSV or XLSX (one row per comment, streamed through core's export
    helper) or as a DOCX report; any other format is a 404."""
    if fmt == "docx":
        result = HttpResponse(
            to_docx(consultation=consultation, include_hidden=include_hidden), content_type=DOCX
        )
        result["Content-Disposition"] = f'attachment; filename="{consultation.slug}.docx"'
        return result
    return export_response(
        fmt,
        filename=consultation.slug,
        header=COLUMNS,
        rows=rows(consultation=consultation, include_hidden=include_hidden),
        sheet="comments",
    )


def to_docx(*, consultation: Consultation, include_hidden: bool) -> bytes:
    """A report: counts, priorities each organisation named and asked for, then the threads."""
    from django.contrib.auth.models import AnonymousUser

    from nethub.consultations.selectors import consultation_thread

    count, organizations = _organization_asks(
        consultation=consultation, include_hidden=include_hidden
    )
    report = DocxReport()
    report.heading(consultation.title, 0)
    report.paragraph(
        _("%(count)d comments from %(orgs)d organisations.")
        % {"count": count, "orgs": len(organizations)}
    )
    report.heading(_("What each organisation asked for"), 1)
    for entry in organizations:
        report.heading(entry["organization"].name, 2)
        if entry["targets"]:
            report.paragraph(
                _("Priorities: ") + "; ".join(f"{t} ({how})" for t, how in entry["targets"].items())
            )
        for ask in entry["asks"]:
            report.paragraph(ask, style="List Bullet")
    report.heading(_("Threads"), 1)

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
        report.paragraph(heading, bold=True)
        report.paragraph(comment.text)
        for attachment in item.attachments:
            report.paragraph(_("Attachment: %(name)s") % {"name": attachment.filename})
    return report.bytes()


def _organization_asks(*, consultation: Consultation, include_hidden: bool):
    """The comment count and, per organisation (by name), the priorities it named or expressed
    an interest in and the asks of its comments: the synthesis's "organisations" part, read
    from the comments' organisation and text only (no taggings, no model instances)."""
    from nethub.consultations.asks import find_asks

    everyone = Comment.objects.filter(consultation=consultation)
    comments = everyone if include_hidden else everyone.filter(status=Comment.Status.VISIBLE)
    named = _targets(consultation)
    organizations = _organizations(everyone)
    entries: dict[int, dict] = {}
    count = 0
    for pk, organization_id, text in (
        comments.order_by("created_at", "position", "pk")
        .values_list("pk", "organization_id", "text")
        .iterator(chunk_size=CHUNK)
    ):
        count += 1
        if organization_id is None:
            continue
        entry = entries.setdefault(
            organization_id,
            {"organization": organizations[organization_id], "asks": [], "targets": {}},
        )
        entry["asks"].extend(find_asks(text))
        for target in named.get(pk, ()):
            entry["targets"].setdefault(target, str(_("named in a comment")))
    for interest in (
        ExpressionOfInterest.objects.filter(consultation=consultation)
        .select_related("organization")
        .prefetch_related("target")
    ):
        entry = entries.setdefault(
            interest.organization_id,
            {"organization": interest.organization, "asks": [], "targets": {}},
        )
        if interest.target is not None:
            entry["targets"][interest.target] = (
                interest.get_engagement_display()
                if interest.engagement
                else str(_("expressed interest"))
            )
    ordered = sorted(entries.values(), key=lambda e: e["organization"].name.casefold())
    return count, ordered


def _organizations(comments) -> dict[int, Organization]:
    return {
        organization.pk: organization
        for organization in Organization.objects.filter(
            pk__in=comments.order_by().values("organization_id")
        )
    }


def interests_response(*, consultation: Consultation):
    """Who wants to continue or start each priority, as CSV through core's export helper."""
    from nethub.consultations.selectors import interests_table

    return export_response(
        "csv",
        filename=f"{consultation.slug}.interests",
        header=["target_kind", "number", "title", "organisation", "engagement", "comment_id"],
        rows=_interest_rows(interests_table(consultation=consultation)),
    )


def _interest_rows(table):
    for row in table:
        target = row["target"]
        for key in ("continue", "start", "unstated"):
            for interest in row[key]:
                yield (
                    target.kind if target else "",
                    target.number if target else "",
                    target.title if target else _("not stated in the page"),
                    interest.organization.name,
                    interest.engagement,
                    interest.comment_id or "",
                )
