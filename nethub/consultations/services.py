"""Writes for Discussion Spaces: consultations, comments and their attachments, supports,
flags, moderation, expressions of interest, follows. E-mails go out after commit."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.consultations import targets as target_registry
from nethub.consultations.models import (
    Attachment,
    Comment,
    CommentRevision,
    Consultation,
    DocumentVersion,
    EmailOptOut,
    ExpressionOfInterest,
    Flag,
    Follow,
    Question,
    Support,
)
from nethub.consultations.sanitize import html_to_plain, sanitize_html
from nethub.core.services import audit_record
from nethub.core.slugs import unique_slug
from nethub.ingest.extract import DOCX, PDF, IngestError, check_size, extract_text
from nethub.search.hooks import record_saved

ATTACHMENT_TYPES = {PDF, DOCX}
MAX_ATTACHMENTS = 5


@transaction.atomic
def consultation_create(
    *,
    title: str,
    actor,
    welcome: str = "",
    document_title: str = "",
    participation: str = Consultation.Participation.REGISTERED,
    moderation: str = Consultation.Moderation.POST,
    languages: str = "en",
    moderator=None,
    opens_at: datetime.datetime | None = None,
    closes_at: datetime.datetime | None = None,
    questions: Sequence[str] = (),
    slug: str = "",
) -> Consultation:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError(_("A consultation must close after it opens."))
    consultation = Consultation.objects.create(
        title=title,
        slug=slug or unique_slug(Consultation, title, fallback="consultation"),
        welcome=sanitize_html(welcome) if welcome else "",
        document_title=document_title,
        participation=participation,
        moderation=moderation,
        languages=languages,
        moderator=moderator,
        opens_at=opens_at,
        closes_at=closes_at,
    )
    for position, text in enumerate(questions, start=1):
        Question.objects.create(consultation=consultation, position=position, text=text)
    audit_record(actor=actor, subject=consultation, action="created")
    return consultation


@transaction.atomic
def consultation_set_dates(
    *, consultation: Consultation, opens_at, closes_at, actor
) -> Consultation:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError(_("A consultation must close after it opens."))
    old = f"{consultation.opens_at} – {consultation.closes_at}"
    consultation.opens_at, consultation.closes_at = opens_at, closes_at
    consultation.save(update_fields=["opens_at", "closes_at", "updated_at"])
    audit_record(
        actor=actor,
        subject=consultation,
        action="dates_changed",
        old_value=old,
        new_value=f"{opens_at} – {closes_at}",
    )
    return consultation


def attachment_check(upload) -> tuple[bytes, object]:
    """Refuse an upload that is too large before reading it, then check its content.
    Returns the bytes and the extracted text. Raises ValidationError with a user message."""
    size = getattr(upload, "size", None)
    if size is None or size > settings.MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("“%(name)s” is larger than the %(limit)d MB allowed.")
            % {"name": upload.name, "limit": settings.MAX_UPLOAD_SIZE // (1024 * 1024)}
        )
    data = upload.read(settings.MAX_UPLOAD_SIZE + 1)
    try:
        extracted = extract_text(data, filename=upload.name, allowed_types=ATTACHMENT_TYPES)
    except IngestError as error:
        raise ValidationError(
            _("“%(name)s” was refused: %(reason)s") % {"name": upload.name, "reason": error}
        ) from error
    return data, extracted


def _attach(comment: Comment, uploads: Iterable) -> list[Attachment]:
    attachments = []
    for upload in uploads:
        data, extracted = attachment_check(upload)
        attachment = Attachment(
            comment=comment,
            filename=upload.name[:255],
            mime_type=extracted.mime_type,
            size=len(data),
            text=extracted.text,
            language=extracted.language,
        )
        attachment.file.save(upload.name, ContentFile(data), save=False)
        attachment.save()
        attachments.append(attachment)
    return attachments


def _check(user, permission: str, obj) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this here now."))


@transaction.atomic
def comment_create(
    *,
    consultation: Consultation,
    actor,
    body: str,
    question: Question | None = None,
    parent: Comment | None = None,
    attachments: Sequence = (),
    submission_key: str = "",
) -> Comment:
    """Post a comment on behalf of the actor's organisation. Checks the permission itself, so
    a closed consultation refuses posts whatever the caller. A `submission_key` (the form's
    one-time token) already used by the actor returns the comment it posted instead of a
    second one: a double click posts once, even when both requests race."""
    _check(actor, "consultations.comment", consultation)
    submission_key = (submission_key or "")[:64]
    if submission_key:
        earlier = Comment.objects.filter(author=actor, submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    if parent is not None:
        if parent.consultation_id != consultation.pk:
            raise ValidationError(_("A reply must be in the same consultation."))
        if parent.status != Comment.Status.VISIBLE:
            raise ValidationError(_("Only published comments can be answered."))
        question = parent.question
    if question is not None and question.consultation_id != consultation.pk:
        raise ValidationError(_("That question belongs to another consultation."))
    clean = sanitize_html(body)
    if not html_to_plain(clean):
        raise ValidationError(_("The comment is empty."))
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(_("At most %(n)d attachments per comment.") % {"n": MAX_ATTACHMENTS})
    pre = consultation.moderation == Consultation.Moderation.PRE
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                consultation=consultation,
                question=question,
                parent=parent,
                author=actor,
                organization=actor.organization,
                body=clean,
                text=html_to_plain(clean),
                status=Comment.Status.PENDING if pre else Comment.Status.VISIBLE,
                submission_key=submission_key,
            )
    except IntegrityError:
        # The same form's other request won the race: its comment is the one.
        return Comment.objects.get(author=actor, submission_key=submission_key)
    _attach(comment, attachments)
    Follow.objects.get_or_create(consultation=consultation, user=actor)
    record_saved(comment)
    if parent is not None and not pre:
        _notify_reply(comment)
    return comment


def _notify_reply(comment: Comment) -> None:
    from nethub.consultations.tasks import send_reply_notification

    comment_id = comment.pk
    transaction.on_commit(lambda: send_reply_notification.enqueue(comment_id=comment_id))


def _notify_moderation(comment: Comment) -> None:
    from nethub.consultations.tasks import send_moderation_notification

    comment_id = comment.pk
    transaction.on_commit(lambda: send_moderation_notification.enqueue(comment_id=comment_id))


@transaction.atomic
def comment_update(*, comment: Comment, actor, body: str) -> Comment:
    """Edit a comment; the earlier text is kept as a revision."""
    _check(actor, "consultations.change_comment", comment)
    clean = sanitize_html(body)
    if not html_to_plain(clean):
        raise ValidationError(_("The comment is empty."))
    if clean == comment.body:
        return comment
    CommentRevision.objects.create(comment=comment, body=comment.body, edited_by=actor)
    comment.body, comment.text = clean, html_to_plain(clean)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "text", "edited_at", "updated_at"])
    audit_record(actor=actor, subject=comment, action="edited")
    record_saved(comment)
    return comment


@transaction.atomic
def comment_support(*, comment: Comment, actor) -> Support:
    _check(actor, "consultations.support_comment", comment)
    support, _created = Support.objects.get_or_create(
        comment=comment, organization=actor.organization, defaults={"user": actor}
    )
    return support


@transaction.atomic
def comment_unsupport(*, comment: Comment, actor) -> None:
    _check(actor, "consultations.support_comment", comment)
    Support.objects.filter(comment=comment, organization=actor.organization).delete()


@transaction.atomic
def comment_flag(*, comment: Comment, actor, reason: str) -> Flag:
    _check(actor, "consultations.flag_comment", comment)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say what is wrong with the comment."))
    flag, created = Flag.objects.get_or_create(
        comment=comment, user=actor, defaults={"reason": reason[:2000]}
    )
    if created:
        audit_record(actor=actor, subject=comment, action="flagged", comment=reason[:2000])
    return flag


@transaction.atomic
def comment_hide(*, comment: Comment, actor, reason: str) -> Comment:
    _check(actor, "consultations.moderate", comment)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the author a reason for hiding the comment."))
    old = comment.status
    comment.status, comment.hidden_reason = Comment.Status.HIDDEN, reason
    comment.save(update_fields=["status", "hidden_reason", "updated_at"])
    comment.flags.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    audit_record(
        actor=actor,
        subject=comment,
        action="hidden",
        field="status",
        old_value=old,
        new_value=comment.status,
        comment=reason,
    )
    record_saved(comment)
    _notify_moderation(comment)
    return comment


@transaction.atomic
def comment_restore(*, comment: Comment, actor, reason: str = "") -> Comment:
    """Publish a hidden or pending comment (restoring, or approving under pre-moderation)."""
    _check(actor, "consultations.moderate", comment)
    old = comment.status
    comment.status, comment.hidden_reason = Comment.Status.VISIBLE, ""
    comment.save(update_fields=["status", "hidden_reason", "updated_at"])
    comment.flags.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    action = "approved" if old == Comment.Status.PENDING else "restored"
    audit_record(
        actor=actor,
        subject=comment,
        action=action,
        field="status",
        old_value=old,
        new_value=comment.status,
        comment=reason,
    )
    record_saved(comment)
    _notify_moderation(comment)
    if old == Comment.Status.PENDING and comment.parent_id:
        _notify_reply(comment)
    return comment


@transaction.atomic
def flags_dismiss(*, comment: Comment, actor) -> None:
    _check(actor, "consultations.moderate", comment)
    count = comment.flags.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    audit_record(actor=actor, subject=comment, action="flags_dismissed", new_value=count)


@transaction.atomic
def interest_set(
    *,
    consultation: Consultation,
    actor,
    choices: dict[str, str],
) -> list[ExpressionOfInterest]:
    """Make `choices` (target key → "continue"/"start", see targets.key) the actor's
    organisation's expressions of interest in this consultation; targets left out are
    withdrawn. The workplan hears of each (a membership request follows)."""
    _check(actor, "consultations.express_interest", consultation)
    organization = actor.organization
    targets = {k: t for t in consultation.targets if (k := target_registry.key(t)) in choices}
    existing = {
        f"{i.target_type_id}-{i.target_id}": i
        for i in ExpressionOfInterest.objects.filter(
            consultation=consultation, organization=organization, target_id__isnull=False
        )
    }
    provider = target_registry.provider()
    result = []
    for target_id, interest in existing.items():
        if target_id not in targets:
            audit_record(
                actor=actor,
                subject=consultation,
                action="interest_withdrawn",
                old_value=interest.target,
            )
            if provider is not None:
                provider.interest_withdrawn(interest, actor=actor)
            interest.delete()
    for target_id, target in targets.items():
        engagement = choices[target_id]
        if engagement not in ExpressionOfInterest.Engagement.values:
            raise ValidationError(_("Unknown kind of engagement."))
        interest = existing.get(target_id)
        if interest is None:
            interest = ExpressionOfInterest.objects.create(
                consultation=consultation,
                organization=organization,
                engagement=engagement,
                created_by=actor,
                **target_registry.ref(target),
            )
            if provider is not None:
                provider.interest_expressed(interest, actor=actor)
            audit_record(
                actor=actor,
                subject=consultation,
                action="interest_expressed",
                new_value=f"{target} ({engagement})",
            )
        elif interest.engagement != engagement:
            interest.engagement = engagement
            interest.save(update_fields=["engagement", "updated_at"])
        result.append(interest)
    return result


@transaction.atomic
def follow_set(*, consultation: Consultation, actor, follow: bool) -> None:
    _check(actor, "consultations.follow", consultation)
    if follow:
        Follow.objects.get_or_create(consultation=consultation, user=actor)
    else:
        Follow.objects.filter(consultation=consultation, user=actor).delete()


@transaction.atomic
def unsubscribe(*, user, consultation: Consultation | None) -> None:
    """From a signed link: stop the digest of one consultation, or every comment e-mail."""
    if consultation is not None:
        Follow.objects.filter(consultation=consultation, user=user).delete()
    else:
        EmailOptOut.objects.get_or_create(user=user)
        Follow.objects.filter(user=user).delete()


def tag_confirm(*, tagging, actor):
    from nethub.framework import services as framework_services

    comment = tagging.tagged
    _check(actor, "consultations.confirm_tags", comment)
    return framework_services.tag_confirm(tagging=tagging, actor=actor)


@transaction.atomic
def comment_import_save(
    *, consultation: Consultation, source_key: str, actor=None, **fields
) -> tuple[Comment, bool]:
    """Create or update the comment an imported page holds under `source_key` (no author
    account: the page states the byline, organisation and date). The body is sanitised here,
    like every comment's. Returns (comment, created)."""
    body = sanitize_html(fields.pop("body", ""))
    fields.update(body=body, text=html_to_plain(body))
    comment = Comment.objects.filter(consultation=consultation, source_key=source_key).first()
    created = comment is None
    if created:
        comment = Comment.objects.create(
            consultation=consultation,
            source_key=source_key,
            status=Comment.Status.VISIBLE,
            **fields,
        )
    else:
        for name, value in fields.items():
            setattr(comment, name, value)
        comment.save()
    record_saved(comment)
    return comment, created


@transaction.atomic
def document_version_add(
    *,
    consultation: Consultation,
    actor,
    label: str,
    data: bytes,
    filename: str,
    notes: str = "",
) -> DocumentVersion:
    """A new version of the document under consultation, as a file (PDF, DOCX, HTML or text,
    read first: an unreadable file raises IngestError and nothing is stored)."""
    _check(actor, "consultations.change_consultation", consultation)
    check_size(data)
    extract_text(data, filename=filename)
    version = DocumentVersion(
        consultation=consultation,
        label=label[:64],
        notes=notes,
        filename=os.path.basename(filename)[:255],
    )
    version.file.save(filename, ContentFile(data), save=False)
    version.save()
    audit_record(
        actor=actor, subject=consultation, action="document_version_added", new_value=label
    )
    return version
