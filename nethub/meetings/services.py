"""Writes for meetings: importing a summary (creating or updating its meeting) and changing an
action point's status with its history."""

from __future__ import annotations

import datetime
import hashlib
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.directory.models import Organization
from nethub.directory.selectors import OrganizationResolver
from nethub.directory.services import person_get_or_create
from nethub.ingest.extract import extract_text
from nethub.meetings.extract import ExtractedMeeting, extract_meeting
from nethub.meetings.models import (
    ActionPoint,
    AgendaItem,
    Decision,
    ImportDraft,
    Meeting,
    MeetingSeries,
    Participant,
)
from nethub.search.hooks import record_deleted, record_saved

STALE_DRAFTS = datetime.timedelta(days=2)
SERIES_KINDS = [
    (r"principals", MeetingSeries.Kind.EC_PRINCIPALS),
    (r"annual", MeetingSeries.Kind.ANNUAL),
    (r"working group", MeetingSeries.Kind.WORKING_GROUP),
    (r"executive committee", MeetingSeries.Kind.EC),
]


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def meeting_series_get_or_create(*, name: str) -> MeetingSeries:
    name = name.strip() or "Meeting"
    series = MeetingSeries.objects.filter(name__iexact=name).first()
    if series:
        return series
    kind = next(
        (kind for pattern, kind in SERIES_KINDS if re.search(pattern, name, re.I)),
        MeetingSeries.Kind.OTHER,
    )
    return MeetingSeries.objects.create(name=name, slug=slugify(name)[:200], kind=kind)


def meeting_extract_file(*, data: bytes, filename: str = "") -> tuple[str, str, ExtractedMeeting]:
    """Read a file and extract its structure without saving: (text, language, extraction).
    Raises IngestError for a file that cannot be read."""
    extracted = extract_text(data, filename=filename)
    return (
        extracted.text,
        extracted.language,
        extract_meeting(extracted.text, resolver=OrganizationResolver()),
    )


@transaction.atomic
def import_draft_create(*, data: bytes, filename: str, actor) -> ImportDraft:
    """Keep an upload and what was extracted from it, for the secretariat to check. Drafts
    left unsaved for two days are removed, with their files."""
    text, _language, extraction = meeting_extract_file(data=data, filename=filename)
    for stale in ImportDraft.objects.filter(created_at__lt=timezone.now() - STALE_DRAFTS):
        stale.file.delete(save=False)
        stale.delete()
    draft = ImportDraft(
        filename=filename[:255],
        checksum=checksum_of(data),
        text=text,
        extraction=extraction.to_dict(),
        created_by=actor,
    )
    draft.file.save(filename[-100:] or "summary.txt", ContentFile(data), save=False)
    draft.save()
    return draft


@transaction.atomic
def import_draft_submit(*, draft: ImportDraft, extraction: dict, actor) -> None:
    """Keep the checked extraction on its draft, for the import task to save (one path: the
    page and a worker both save through `tasks.import_draft`)."""
    draft.extraction = extraction
    draft.status, draft.error = ImportDraft.Status.SAVING, ""
    draft.work_queued()
    draft.save(
        update_fields=["extraction", "status", "error", "work_attempts", "work_heartbeat_at"]
    )


def _time(value: str | None) -> datetime.time | None:
    if not value:
        return None
    return datetime.time.fromisoformat(value)


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    return datetime.date.fromisoformat(value)


@transaction.atomic
def meeting_import(
    *,
    data: bytes,
    filename: str,
    actor,
    extraction: ExtractedMeeting | dict | None = None,
    series_name: str = "",
) -> Meeting:
    """Create or update the meeting a summary records, with everything extracted from it (or
    the corrected `extraction`). Re-importing the same document (same checksum) or another
    version of the same meeting (same series and date) updates that meeting: participants,
    agenda and decisions are replaced; action points are matched by their text so their status
    and history survive. All or nothing: an unreadable file raises IngestError, a summary
    without a date raises ValidationError, and nothing is saved."""
    text, language, extracted = meeting_extract_file(data=data, filename=filename)
    if extraction is not None:
        extracted = (
            extraction
            if isinstance(extraction, ExtractedMeeting)
            else ExtractedMeeting.from_dict(extraction)
        )
    meeting_date = _date(extracted.date)
    if meeting_date is None:
        raise ValidationError(_("No meeting date could be found; enter it before saving."))
    series = meeting_series_get_or_create(name=series_name or extracted.series)
    checksum = checksum_of(data)
    meeting = (
        Meeting.objects.select_for_update().filter(source_checksum=checksum).first()
        or Meeting.objects.select_for_update().filter(series=series, date=meeting_date).first()
    )
    created = meeting is None
    meeting = meeting or Meeting(series=series, date=meeting_date)
    meeting.series, meeting.date = series, meeting_date
    meeting.title = (extracted.title or str(series))[:300]
    meeting.start_time = _time(extracted.start_time)
    meeting.end_time = _time(extracted.end_time)
    meeting.timezone = extracted.timezone or ""
    meeting.other_times = extracted.other_times
    meeting.is_virtual, meeting.venue = extracted.is_virtual, extracted.venue[:300]
    meeting.source_text, meeting.language = text, language
    meeting.source_filename = filename[:255]
    if meeting.source_checksum != checksum or not meeting.source_document:
        meeting.source_checksum = checksum
        meeting.source_document.save(
            filename[-100:] or "summary.txt", ContentFile(data), save=False
        )
    meeting.save()
    _replace_structure(meeting=meeting, extracted=extracted)
    audit_record(
        actor=actor,
        subject=meeting,
        action="imported" if created else "reimported",
        new_value=filename,
    )
    record_saved(meeting)
    return meeting


def _replace_structure(*, meeting: Meeting, extracted: ExtractedMeeting) -> None:
    resolver = OrganizationResolver()
    meeting.participants.all().delete()
    participants = []
    for position, person in enumerate(extracted.participants):
        organization = resolver.resolve(person.organization) if person.organization else None
        known = (
            person_get_or_create(
                name=person.name[:200],
                organization=organization,
                title=person.title[:255],
                honorific=person.honorific[:16],
            )
            if person.name.strip()
            else None
        )
        participants.append(
            Participant(
                meeting=meeting,
                position=position,
                person=known,
                name=person.name[:200],
                honorific=person.honorific[:32],
                title=person.title[:300],
                role=person.role[:200],
                organization=organization,
                organization_as_written=(person.organization or "")[:200],
            )
        )
    Participant.objects.bulk_create(participants)
    existing = {_point_key(point.text): point for point in meeting.action_points.all()}
    meeting.decisions.all().delete()
    for old_item in meeting.agenda_items.all():
        record_deleted(old_item)
    meeting.agenda_items.all().delete()
    kept: set[int] = set()
    position = 0
    for item_position, item in enumerate(extracted.agenda_items):
        agenda_item = AgendaItem.objects.create(
            meeting=meeting,
            position=item_position,
            kind=item.kind or AgendaItem.Kind.ITEM,
            title=item.title[:500],
            discussion=item.discussion,
        )
        record_saved(agenda_item)
        Decision.objects.bulk_create(
            Decision(meeting=meeting, agenda_item=agenda_item, position=n, text=text)
            for n, text in enumerate(item.decisions)
            if text.strip()
        )
        for extracted_point in item.action_points:
            if not extracted_point.text.strip():
                continue
            point = existing.get(_point_key(extracted_point.text)) or ActionPoint(meeting=meeting)
            point.agenda_item, point.position = agenda_item, position
            point.text = extracted_point.text.strip()
            point.owner = (extracted_point.owner or "")[:200]
            resolved = resolver.resolve(extracted_point.owner) if extracted_point.owner else None
            # An owner the secretariat assigned survives a re-import of a document that names none.
            if resolved is not None or point.pk is None:
                point.owner_organization = resolved
            point.due_date = _date(extracted_point.due_date)
            point.source_sentence = extracted_point.source_sentence or extracted_point.text
            point.explicit = extracted_point.explicit
            point.save()
            kept.add(point.pk)
            record_saved(point)
            position += 1
    for dropped in meeting.action_points.exclude(pk__in=kept):
        record_deleted(dropped)
    meeting.action_points.exclude(pk__in=kept).delete()


def _point_key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()[:200]


@transaction.atomic
def action_point_update_status(
    *, action_point: ActionPoint, status: str, comment: str = "", actor
) -> ActionPoint:
    """Change an action point's status, leaving who, when, from what, to what and why in its
    history. The secretariat may change any; a focal point those its organisation owns."""
    if not actor.has_perm("meetings.change_action_point_status", action_point):
        raise PermissionDenied(_("You may not change the status of this action point."))
    if status not in ActionPoint.Status.values:
        raise ValidationError(_("Unknown status: %(status)s") % {"status": status})
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    old = action_point.status
    if old == status and not comment:
        return action_point
    action_point.status = status
    action_point.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        subject=action_point,
        action="status_changed" if old != status else "commented",
        field="status",
        old_value=old,
        new_value=status,
        comment=comment,
    )
    record_saved(action_point)
    return action_point


@transaction.atomic
def action_point_assign_owner(
    *, action_point: ActionPoint, organization: Organization | None, actor
) -> ActionPoint:
    """Give an action point an owner organisation (None: no owner), with who and when in its
    history. Its focal points may then update its status. Secretariat only."""
    if not actor.has_perm("meetings.assign_action_point_owner", action_point):
        raise PermissionDenied(_("You may not assign owners of action points."))
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    old = action_point.owner_label
    if action_point.owner_organization_id == (organization.pk if organization else None):
        return action_point
    action_point.owner_organization = organization
    action_point.save(update_fields=["owner_organization", "updated_at"])
    audit_record(
        actor=actor,
        subject=action_point,
        action="owner_assigned",
        field="owner",
        old_value=old,
        new_value=action_point.owner_label,
    )
    record_saved(action_point)
    return action_point


@transaction.atomic
def action_point_link_report(*, action_point: ActionPoint, meeting: Meeting, actor) -> None:
    """Record that a later meeting reported on this action point."""
    if meeting.date < action_point.meeting.date:
        raise ValidationError(_("A meeting cannot report on an action point agreed after it."))
    action_point.reported_in.add(meeting)
    audit_record(actor=actor, subject=action_point, action="reported_in", new_value=meeting)


@transaction.atomic
def meeting_create(*, series_name: str, date: datetime.date, title: str = "", actor) -> Meeting:
    """A meeting recorded by hand (not imported), e.g. a fund Steering Committee meeting; the
    same series and date give the existing meeting back."""
    series = meeting_series_get_or_create(name=series_name)
    meeting, created = Meeting.objects.get_or_create(
        series=series, date=date, defaults={"title": title or f"{series.name} {date:%Y-%m-%d}"}
    )
    if created:
        audit_record(actor=actor, subject=meeting, action="meeting.create", new_value=str(meeting))
        record_saved(meeting)
    return meeting


@transaction.atomic
def decision_create(*, meeting: Meeting, text: str, actor) -> Decision:
    """A decision recorded by hand on a meeting, after those it already has."""
    text = text.strip()
    if not text:
        raise ValidationError(_("A decision needs its text."))
    position = meeting.decisions.count()
    decision = Decision.objects.create(meeting=meeting, position=position, text=text)
    audit_record(actor=actor, subject=meeting, action="decision.create", new_value=text[:500])
    return decision
