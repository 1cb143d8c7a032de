"""Writes for the Knowledge Platform: uploading documents, and the review of practices."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from nethub.core.background import work_progress
from nethub.core.services import audit_record
from nethub.framework.models import FrameworkElement
from nethub.framework.services import tags_set
from nethub.ingest.extract import (
    PDF,
    IngestError,
    check_size,
    detect_language,
    extract_text,
)
from nethub.library.models import Document, Practice, PracticeReviewEvent
from nethub.search.hooks import record_deleted, record_saved

logger = logging.getLogger(__name__)

DOCUMENT_FIELDS = ("title", "kind", "date", "summary", "language")


class PracticeTransitionError(ValueError):
    """A review step that the practice's current state does not allow; the message is for
    users."""


# Checks another app may add (the roster's peer review does, in its AppConfig.ready): each
# takes the practice and returns why it may not be published yet, or None.
PUBLISH_GATES: list = []


def _safe_name(filename: str) -> str:
    name = get_valid_filename(os.path.basename(filename or "document")) or "document"
    return name[-120:]


def _set_places(obj, *, organizations=None, countries=None, regions=None) -> None:
    if organizations is not None:
        obj.organizations.set(organizations)
    if countries is not None:
        obj.countries.set(countries)
    if regions is not None:
        obj.regions.set(regions)


def _enqueue_processing(document: Document) -> None:
    from nethub.library.tasks import document_process

    document_id = document.pk
    transaction.on_commit(lambda: document_process.enqueue(document_id=document_id))


@transaction.atomic
def document_upload(
    *,
    actor,
    data: bytes,
    filename: str,
    title: str,
    kind: str,
    date=None,
    summary: str = "",
    language: str = "",
    organizations: Iterable = (),
    countries: Iterable = (),
    regions: Iterable = (),
    source_key: str = "",
) -> Document:
    """Store the file and create the document in state "processing"; a background task then
    extracts its text, detects its language, suggests GCM tags and indexes it. With a
    `source_key`, uploading again updates the document of that key instead of adding one.
    Raises IngestError (nothing saved) when the file is empty or too large."""
    check_size(data)
    document = None
    if source_key:
        document = Document.objects.select_for_update().filter(source_key=source_key).first()
    created = document is None
    if document is None:
        document = Document(
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None
        )
    elif document.file:
        document.file.delete(save=False)
    document.title, document.kind, document.date = title, kind, date
    document.summary, document.language = summary, language
    document.source_key = source_key
    document.original_filename = os.path.basename(filename)[:255]
    document.file_size = len(data)
    document.status, document.progress, document.error = Document.Status.PROCESSING, 0, ""
    document.work_queued()
    document.progress_step = _("Waiting to be processed")
    document.text, document.mime_type, document.detected_language = "", "", ""
    document.file.save(_safe_name(filename), ContentFile(data), save=False)
    document.save()
    _set_places(document, organizations=organizations, countries=countries, regions=regions)
    audit_record(actor=actor, subject=document, action="uploaded" if created else "replaced")
    _enqueue_processing(document)
    return document


def _progress(document_id: int, percent: int, step: str) -> None:
    work_progress(Document.objects.filter(pk=document_id), percent, step)


def document_process(*, document_id: int) -> Document | None:
    """Extract, detect the language, suggest tags, then make the document ready in one
    transaction. A file that cannot be read leaves the document "failed" with the reason, and
    without file, text or tags: nothing half-saved. Runs in a background task."""
    from nethub.framework.suggest import suggest_elements, suggestions_enabled

    document = Document.objects.filter(pk=document_id).first()
    if document is None or document.status != Document.Status.PROCESSING:
        return document
    try:
        _progress(document_id, 10, _("Reading the file"))
        with document.file.open("rb") as handle:
            data = handle.read()
        extracted = extract_text(data, filename=document.original_filename)
        _progress(document_id, 50, _("Suggesting GCM objectives and principles"))
        scored = []
        if suggestions_enabled():
            scored = suggest_elements(
                "\n\n".join(p for p in (document.title, document.summary, extracted.text) if p)
            )
        _progress(document_id, 90, _("Saving and indexing"))
        with transaction.atomic():
            document = Document.objects.select_for_update().get(pk=document_id)
            document.text = extracted.text
            document.mime_type = extracted.mime_type
            document.detected_language = extracted.language
            document.language = document.language or extracted.language
            document.status, document.progress, document.progress_step = (
                Document.Status.READY,
                100,
                _("Done"),
            )
            document.save(
                update_fields=[
                    "text",
                    "mime_type",
                    "detected_language",
                    "language",
                    "status",
                    "progress",
                    "progress_step",
                    "updated_at",
                ]
            )
            if scored:
                from nethub.framework.services import tag_suggestions_record

                tag_suggestions_record(obj=document, scored=scored)
            record_saved(document)
        return document
    except IngestError as error:
        return _document_fail(document_id, str(error))
    except Exception:
        logger.exception("Processing library document %s failed", document_id)
        return _document_fail(
            document_id, _("The file could not be processed. Please try again or contact us.")
        )


def document_fail(*, document_id: int, reason: str) -> Document:
    """Give up processing a document: failed, with `reason` for its uploader."""
    return _document_fail(document_id, reason)


@transaction.atomic
def _document_fail(document_id: int, message: str) -> Document:
    document = Document.objects.select_for_update().get(pk=document_id)
    if document.file:
        document.file.delete(save=False)
    document.file = ""
    document.text, document.mime_type = "", ""
    document.status, document.error = Document.Status.FAILED, message
    document.progress, document.progress_step = 100, _("Failed")
    document.save()
    document.taggings.all().delete()
    audit_record(actor=None, subject=document, action="processing_failed", comment=message)
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    actor,
    organizations=None,
    countries=None,
    regions=None,
    tags: Iterable[FrameworkElement] | None = None,
    **fields,
) -> Document:
    """Change a document's description (title, kind, date, summary, language, places) and,
    if given, its confirmed GCM tags. A corrected language is recorded in the audit trail."""
    changed = []
    for name, value in fields.items():
        if name not in DOCUMENT_FIELDS:
            raise TypeError(f"document_update() got an unexpected field {name!r}")
        old = getattr(document, name)
        if old != value:
            if name == "language":
                audit_record(
                    actor=actor,
                    subject=document,
                    action="language_corrected",
                    field="language",
                    old_value=old,
                    new_value=value,
                )
            setattr(document, name, value)
            changed.append(name)
    if changed:
        document.save(update_fields=[*changed, "updated_at"])
    _set_places(document, organizations=organizations, countries=countries, regions=regions)
    if tags is not None:
        tags_set(obj=document, elements=list(tags), actor=actor)
    record_saved(document)
    return document


@transaction.atomic
def document_delete(*, document: Document, actor) -> None:
    audit_record(actor=actor, subject=document, action="deleted", old_value=document.title)
    record_deleted(document)
    document.taggings.all().delete()
    file = document.file
    document.delete()
    if file:
        transaction.on_commit(lambda: file.storage.delete(file.name))


# Practices ------------------------------------------------------------------------------

PRACTICE_FIELDS = (
    "title",
    "summary",
    "description",
    "results",
    "replicability",
    "implementation",
    "start_year",
    "organization",
    "partners",
    "language",
)
EDITABLE_BY_SUBMITTER = {Practice.Status.SUBMITTED, Practice.Status.CHANGES_REQUESTED}


def practice_read_attachment(*, data: bytes, filename: str) -> str:
    """The text of a practice's attachment, which must be a PDF. Raises IngestError."""
    return extract_text(data, filename=filename, allowed_types={PDF}).text


def _practice_write(
    practice: Practice,
    *,
    actor,
    fields: dict,
    objectives,
    principles,
    countries,
    regions,
    attachment: tuple[bytes, str] | None,
) -> None:
    for name, value in fields.items():
        if name not in PRACTICE_FIELDS:
            raise TypeError(f"unexpected practice field {name!r}")
        setattr(practice, name, value)
    if attachment is not None:
        data, filename = attachment
        practice.attachment_text = practice_read_attachment(data=data, filename=filename)
        if practice.attachment:
            practice.attachment.delete(save=False)
        practice.attachment.save(_safe_name(filename), ContentFile(data), save=False)
        practice.attachment_name = os.path.basename(filename)[:255]
    practice.detected_language = detect_language(practice.full_text())
    if not fields.get("language"):
        practice.language = practice.detected_language
    practice.save()
    if countries is not None:
        practice.countries.set(countries)
    if regions is not None:
        practice.regions.set(regions)
    if objectives is not None or principles is not None:
        tags_set(obj=practice, elements=[*(objectives or []), *(principles or [])], actor=actor)


def _after_practice_write(practice: Practice) -> None:
    from nethub.framework.suggest import suggest_tags_for_record

    record_saved(practice)
    content_type_id = ContentType.objects.get_for_model(practice).pk
    practice_id = practice.pk
    transaction.on_commit(
        lambda: suggest_tags_for_record.enqueue(
            content_type_id=content_type_id, object_id=practice_id
        )
    )


NOTIFY_SUBMITTER = {
    Practice.Status.CHANGES_REQUESTED,
    Practice.Status.PUBLISHED,
    Practice.Status.DECLINED,
}


def _notify_submitter(practice: Practice, note: str) -> None:
    """E-mail the submitter the reviewer's decision and note, in the submitter's preferred
    language, from the task worker once the transaction commits (an SMTP server's delay never
    holds the reviewer's request)."""
    from django.urls import reverse
    from django.utils import translation

    from nethub.library.tasks import send_practice_decision

    user = practice.submitted_by
    if user is None or not user.email:
        return
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = _("Your practice “%(title)s”: %(status)s") % {
            "title": practice.title[:80],
            "status": practice.get_status_display(),
        }
        url = settings.SITE_URL.rstrip("/") + reverse("library:practice_detail", args=[practice.pk])
        body = "\n\n".join(
            part
            for part in (
                _("The secretariat reviewed your practice. It is now: %(status)s.")
                % {"status": practice.get_status_display()},
                note,
                url,
            )
            if part
        )
    email, subject = user.email, str(subject)
    transaction.on_commit(
        lambda: send_practice_decision.enqueue(subject=subject, body=body, email=email)
    )


def _transition(practice: Practice, *, actor, to: str, note: str = "", action: str) -> None:
    old = practice.status
    practice.status = to
    fields = ["status", "updated_at"]
    if to == Practice.Status.PUBLISHED:
        practice.published_at = timezone.now()
        fields.append("published_at")
    practice.save(update_fields=fields)
    PracticeReviewEvent.objects.create(
        practice=practice,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        from_status=old,
        to_status=to,
        note=note,
    )
    audit_record(
        actor=actor,
        subject=practice,
        action=action,
        field="status",
        old_value=old,
        new_value=to,
        comment=note,
    )
    if to in NOTIFY_SUBMITTER:
        _notify_submitter(practice, note)


@transaction.atomic
def practice_submit(
    *,
    actor,
    objectives: Iterable[FrameworkElement],
    principles: Iterable[FrameworkElement] = (),
    countries: Iterable = (),
    regions: Iterable = (),
    attachment: tuple[bytes, str] | None = None,
    **fields,
) -> Practice:
    """A registered user submits a practice for review. `attachment` is (bytes, file name) of
    a PDF; it is read before anything is saved (IngestError if it cannot be)."""
    if attachment is not None:
        check_size(attachment[0])
    practice = Practice(submitted_by=actor, status=Practice.Status.SUBMITTED)
    if "organization" not in fields:
        fields["organization"] = getattr(actor, "organization", None)
    _practice_write(
        practice,
        actor=actor,
        fields=fields,
        objectives=list(objectives),
        principles=list(principles),
        countries=countries,
        regions=regions,
        attachment=attachment,
    )
    PracticeReviewEvent.objects.create(
        practice=practice, actor=actor, from_status="", to_status=practice.status
    )
    audit_record(actor=actor, subject=practice, action="submitted", new_value=practice.status)
    _after_practice_write(practice)
    return practice


@transaction.atomic
def practice_update(
    *,
    practice: Practice,
    actor,
    objectives=None,
    principles=None,
    countries=None,
    regions=None,
    attachment: tuple[bytes, str] | None = None,
    **fields,
) -> Practice:
    """Edit a practice. Its submitter may do so while it is submitted or has changes
    requested; the secretariat at any time (the rule `library.change_practice`)."""
    if not actor.has_perm("library.change_practice", practice):
        raise PracticeTransitionError(
            _("A practice that is “%(status)s” cannot be edited by its submitter.")
            % {"status": practice.get_status_display()}
        )
    if attachment is not None:
        check_size(attachment[0])
    _practice_write(
        practice,
        actor=actor,
        fields=fields,
        objectives=objectives,
        principles=principles,
        countries=countries,
        regions=regions,
        attachment=attachment,
    )
    audit_record(actor=actor, subject=practice, action="edited")
    _after_practice_write(practice)
    return practice


def _require(practice: Practice, allowed: set[str], verb: str) -> None:
    if practice.status not in allowed:
        raise PracticeTransitionError(
            _("A practice that is “%(status)s” cannot be %(verb)s.")
            % {"status": practice.get_status_display(), "verb": verb}
        )


@transaction.atomic
def practice_review_start(*, practice: Practice, actor) -> Practice:
    _require(practice, {Practice.Status.SUBMITTED}, _("taken into review"))
    _transition(practice, actor=actor, to=Practice.Status.IN_REVIEW, action="review_started")
    return practice


@transaction.atomic
def practice_request_changes(*, practice: Practice, actor, note: str) -> Practice:
    """The reviewer sends the practice back to its submitter with a note saying what to change."""
    if not note.strip():
        raise PracticeTransitionError(_("Say what should be changed."))
    _require(
        practice, {Practice.Status.SUBMITTED, Practice.Status.IN_REVIEW}, _("sent back for changes")
    )
    _transition(
        practice,
        actor=actor,
        to=Practice.Status.CHANGES_REQUESTED,
        note=note,
        action="changes_requested",
    )
    return practice


@transaction.atomic
def practice_resubmit(*, practice: Practice, actor, note: str = "") -> Practice:
    """The submitter, having made the changes asked for, sends the practice back for review."""
    _require(practice, {Practice.Status.CHANGES_REQUESTED}, _("resubmitted"))
    _transition(
        practice, actor=actor, to=Practice.Status.SUBMITTED, note=note, action="resubmitted"
    )
    return practice


@transaction.atomic
def practice_publish(*, practice: Practice, actor, note: str = "") -> Practice:
    _require(practice, {Practice.Status.SUBMITTED, Practice.Status.IN_REVIEW}, _("published"))
    for gate in PUBLISH_GATES:
        reason = gate(practice)
        if reason:
            raise PracticeTransitionError(reason)
    _transition(practice, actor=actor, to=Practice.Status.PUBLISHED, note=note, action="published")
    _after_practice_write(practice)
    return practice


@transaction.atomic
def practice_decline(*, practice: Practice, actor, note: str) -> Practice:
    if not note.strip():
        raise PracticeTransitionError(_("Say why the practice is declined."))
    _require(
        practice,
        {
            Practice.Status.SUBMITTED,
            Practice.Status.IN_REVIEW,
            Practice.Status.CHANGES_REQUESTED,
            Practice.Status.PUBLISHED,
        },
        _("declined"),
    )
    was_published = practice.status == Practice.Status.PUBLISHED
    _transition(practice, actor=actor, to=Practice.Status.DECLINED, note=note, action="declined")
    if was_published:
        record_deleted(practice)
    return practice
