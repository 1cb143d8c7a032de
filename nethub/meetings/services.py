"""Writes for meetings: importing a summary (creating or updating its meeting) and changing an
action point's status with its history."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from collections.abc import Callable
from typing import TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nethub.core.background import work_progress
from nethub.core.services import audit_record
from nethub.directory.models import Organization
from nethub.directory.selectors import OrganizationResolver
from nethub.directory.services import person_get_or_create
from nethub.ingest.extract import check_size, extract_text
from nethub.meetings.extract import ExtractedMeeting, extract_meeting
from nethub.meetings.models import (
    ActionPoint,
    AgendaItem,
    BackgroundDocument,
    Decision,
    ImportDraft,
    ImportOutcome,
    ImportOutcomeRule,
    ImportOutcomeSection,
    Meeting,
    MeetingSeries,
    OutcomeSection,
    Participant,
    TrackerEmailOptOut,
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


def meeting_extract_file(
    *, data: bytes, filename: str = "", on_read: Callable[[], None] | None = None
) -> tuple[str, str, ExtractedMeeting]:
    """Read a file and extract its structure without saving: (text, language, extraction);
    `on_read` is called between the two (to show progress). Raises IngestError for a file that
    cannot be read."""
    extracted = extract_text(data, filename=filename)
    if on_read is not None:
        on_read()
    return (
        extracted.text,
        extracted.language,
        extract_meeting(extracted.text, resolver=OrganizationResolver()),
    )


def _import_under_way(checksum: str) -> ImportDraft | None:
    return (
        ImportDraft.objects.filter(checksum=checksum)
        .exclude(status=ImportDraft.Status.UNREADABLE)
        .first()
    )


@transaction.atomic
def import_draft_create(
    *, data: bytes, filename: str, actor, meeting: Meeting | None = None
) -> tuple[ImportDraft, bool]:
    """Keep an upload for the secretariat to check (with the planned `meeting` it will fill, if
    any); it is read in the background after commit (`import_draft_read`), its page showing the
    progress. Returns (draft, created): a file already being imported gives that import back,
    not created, so a double click or a second upload makes no second draft. Drafts left
    unsaved for two days are removed, with their files."""
    check_size(data)
    for stale in ImportDraft.objects.filter(created_at__lt=timezone.now() - STALE_DRAFTS):
        stale.file.delete(save=False)
        stale.delete()
    checksum = checksum_of(data)
    existing = _import_under_way(checksum)
    if existing is not None:
        return existing, False
    draft = ImportDraft(
        filename=filename[:255],
        checksum=checksum,
        meeting=meeting,
        created_by=actor,
        status=ImportDraft.Status.READING,
        progress_step=_("Waiting to be read"),
    )
    draft.work_queued()
    draft.file.save(filename[-100:] or "summary.txt", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError:  # the same file, uploaded at the same moment by another request
        draft.file.delete(save=False)
        return _import_under_way(checksum), False
    draft_id = draft.pk

    def enqueue():
        from nethub.meetings.tasks import read_draft

        read_draft.enqueue(draft_id=draft_id)

    transaction.on_commit(enqueue)
    return draft, True


def _draft_progress(draft_id: int, percent: int, step: str) -> None:
    reading = ImportDraft.objects.filter(pk=draft_id, status=ImportDraft.Status.READING)
    work_progress(reading, percent, step)


def import_draft_read(*, draft_id: int) -> None:
    """Read a draft's file and extract its meeting, for checking. Raises IngestError for a file
    that cannot be read (the task then marks the draft unreadable, `import_draft_unreadable`).
    Runs in a background task."""
    draft = ImportDraft.objects.get(pk=draft_id)
    _draft_progress(draft_id, 10, _("Reading the file"))
    with draft.file.open("rb") as handle:
        data = handle.read()
    text, _language, extraction = meeting_extract_file(
        data=data,
        filename=draft.filename,
        on_read=lambda: _draft_progress(
            draft_id, 50, _("Finding the date, participants, agenda and action points")
        ),
    )
    ImportDraft.objects.filter(pk=draft_id, status=ImportDraft.Status.READING).update(
        text=text,
        extraction=extraction.to_dict(),
        status=ImportDraft.Status.REVIEW,
        progress=100,
        progress_step=_("Done"),
        work_heartbeat_at=timezone.now(),
    )


@transaction.atomic
def import_draft_discard(*, draft: ImportDraft) -> None:
    """Drop an import that is not wanted (or cannot be read), with its file."""
    draft = ImportDraft.objects.select_for_update().filter(pk=draft.pk).first()
    if draft is None:
        return  # discarded twice (a double click): nothing left to do
    draft.file.delete(save=False)
    draft.delete()


@transaction.atomic
def import_draft_unreadable(draft_id: int, reason: str) -> None:
    """Give up reading a draft: "unreadable" with `reason` for the uploader, its file removed
    (nothing is kept from a file that cannot be read)."""
    draft = (
        ImportDraft.objects.select_for_update()
        .filter(pk=draft_id, status=ImportDraft.Status.READING)
        .first()
    )
    if draft is None:
        return
    draft.file.delete(save=False)
    draft.status, draft.error = ImportDraft.Status.UNREADABLE, reason
    draft.progress, draft.progress_step = 100, _("Failed")
    draft.save(update_fields=["file", "status", "error", "progress", "progress_step"])


@transaction.atomic
def import_draft_submit(
    *, draft: ImportDraft, extraction: dict, actor, outcome: dict | None = None
) -> None:
    """Keep the checked extraction on its draft, with what the review changed of it
    (`outcome`), for the import task to save (one path: the page and a worker both save
    through `tasks.import_draft`)."""
    draft.extraction, draft.outcome = extraction, outcome or {}
    draft.status, draft.error = ImportDraft.Status.SAVING, ""
    draft.work_queued()
    draft.save(
        update_fields=[
            "extraction",
            "outcome",
            "status",
            "error",
            "work_attempts",
            "work_heartbeat_at",
        ]
    )


@transaction.atomic
def import_draft_save(*, draft: ImportDraft, actor) -> Meeting:
    """Save the meeting of a draft as it stands, record what its review changed, and delete
    the draft (its file once the transaction commits)."""
    with draft.file.open("rb") as handle:
        data = handle.read()
    meeting = meeting_import(
        data=data,
        filename=draft.filename,
        actor=actor,
        extraction=draft.extraction,
        meeting=draft.meeting,  # the planned meeting the summary fills, if any
    )
    if draft.outcome:
        import_outcome_record(
            meeting=meeting, filename=draft.filename, actor=actor, outcome=draft.outcome
        )
    storage, name = draft.file.storage, draft.file.name
    draft.delete()
    transaction.on_commit(lambda: storage.delete(name))
    return meeting


def import_outcome_record(
    *, meeting: Meeting, filename: str, actor, outcome: dict
) -> ImportOutcome:
    """Keep what the check of an import changed (`ReviewForms.outcome`): the meeting's fields
    corrected, each kind of row's counts, each rule's rows kept and removed."""
    record = ImportOutcome.objects.create(
        meeting=meeting,
        filename=filename[:255],
        created_by=actor,
        meeting_changed=list(outcome.get("meeting_changed") or []),
    )
    sections = {
        name: counts
        for name, counts in (outcome.get("sections") or {}).items()
        if name in OutcomeSection.values
    }
    ImportOutcomeSection.objects.bulk_create(
        ImportOutcomeSection(
            outcome=record,
            section=name,
            changed=counts.get("changed") or {},
            **{field: int(counts.get(field) or 0) for field in ImportOutcomeSection.COUNTS},
        )
        for name, counts in sections.items()
    )
    ImportOutcomeRule.objects.bulk_create(
        ImportOutcomeRule(
            outcome=record,
            section=name,
            rule=rule[:100],
            kept=int(by_rule.get("kept") or 0),
            removed=int(by_rule.get("removed") or 0),
        )
        for name, counts in sections.items()
        for rule, by_rule in (counts.get("rules") or {}).items()
    )
    return record


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
    meeting: Meeting | None = None,
) -> Meeting:
    """Create or update the meeting a summary records, with everything extracted from it (or
    the corrected `extraction`). Re-importing the same document (same checksum) or another
    version of the same meeting (same series and date) updates that meeting: participants,
    agenda and decisions are replaced; action points are matched by their text so their status
    and history survive. `meeting` names the planned meeting the summary fills (its
    background documents stay; the people invited who are not listed as present stay as
    invited). All or nothing: an unreadable file raises IngestError, a summary
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
    target = meeting
    meeting = (
        (Meeting.objects.select_for_update().get(pk=target.pk) if target is not None else None)
        or Meeting.objects.select_for_update().filter(source_checksum=checksum).first()
        or Meeting.objects.select_for_update().filter(series=series, date=meeting_date).first()
    )
    created = meeting is None
    if target is not None:
        # The planned meeting keeps its series; its date is what the summary says.
        series = meeting.series
        _check_unique_date(series=series, date=meeting_date, exclude=meeting.pk)
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
    present = {_name_key(person.name) for person in extracted.participants}
    invited_absent = [
        participant
        for participant in meeting.participants.filter(attendance=Participant.Attendance.INVITED)
        if _name_key(participant.name) not in present
    ]
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
    for participant in invited_absent:
        participant.pk, participant.position = None, len(participants)
        participants.append(participant)
    Participant.objects.bulk_create(participants)
    existing = {_point_key(point.text): point for point in meeting.action_points.all()}
    meeting.decisions.all().delete()
    for old_item in meeting.agenda_items.all():
        record_deleted(old_item)
    meeting.agenda_items.all().delete()
    kept: set[int] = set()
    newly_owned: list[int] = []
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
            owner_before = point.owner_organization_id if point.pk else None
            if resolved is not None or point.pk is None:
                point.owner_organization = resolved
            point.due_date = _date(extracted_point.due_date)
            point.source_sentence = extracted_point.source_sentence or extracted_point.text
            point.explicit = extracted_point.explicit
            point.save()
            if resolved is not None and resolved.pk != owner_before:
                newly_owned.append(point.pk)
            kept.add(point.pk)
            record_saved(point)
            position += 1
    for dropped in meeting.action_points.exclude(pk__in=kept):
        record_deleted(dropped)
    meeting.action_points.exclude(pk__in=kept).delete()
    _notify_assigned(newly_owned)


def _name_key(name: str) -> str:
    """A person's name without case, punctuation or initials: "Amy E. Pope" is "amy pope"."""
    return " ".join(word for word in re.findall(r"\w+", name.lower()) if len(word) > 1)


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
    if organization is not None:
        _notify_assigned([action_point.pk])
    return action_point


@transaction.atomic
def action_point_link_report(*, action_point: ActionPoint, meeting: Meeting, actor) -> None:
    """Record that a later meeting reported on this action point."""
    if meeting.date < action_point.meeting.date:
        raise ValidationError(_("A meeting cannot report on an action point agreed after it."))
    action_point.reported_in.add(meeting)
    audit_record(actor=actor, subject=action_point, action="reported_in", new_value=meeting)


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


def _notify_assigned(point_ids: list[int]) -> None:
    """After commit, tell the owner organisations' people about points newly given to them."""
    from nethub.meetings.tasks import send_action_point_assigned

    for point_id in point_ids:
        transaction.on_commit(
            lambda point_id=point_id: send_action_point_assigned.enqueue(action_point_id=point_id)
        )


@transaction.atomic
def action_point_propose_due_date(
    *, action_point: ActionPoint, due_date: datetime.date, note: str = "", actor
) -> ActionPoint:
    """A focal point of the owner proposes a new due date (with why); the secretariat accepts
    or declines it (`action_point_decide_due_date`). Kept in the point's history."""
    if not actor.has_perm("meetings.propose_action_point_due_date", action_point):
        raise PermissionDenied(_("You may not propose a due date for this action point."))
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    if due_date == action_point.due_date:
        raise ValidationError(_("That is already the due date."))
    action_point.proposed_due_date = due_date
    action_point.proposed_due_date_by = actor
    action_point.save(update_fields=["proposed_due_date", "proposed_due_date_by", "updated_at"])
    audit_record(
        actor=actor,
        subject=action_point,
        action="due_date_proposed",
        field="due_date",
        old_value=action_point.due_date.isoformat() if action_point.due_date else "",
        new_value=due_date.isoformat(),
        comment=note,
    )
    return action_point


@transaction.atomic
def action_point_change_due_date(
    *, action_point: ActionPoint, due_date: datetime.date | None, note: str = "", actor
) -> ActionPoint:
    """The secretariat sets the due date (None: no due date); a pending proposal is settled by
    it. Reminders follow the new date."""
    if not actor.has_perm("meetings.change_action_point_due_date", action_point):
        raise PermissionDenied(_("You may not change the due date of this action point."))
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    old = action_point.due_date
    action_point.due_date = due_date
    action_point.proposed_due_date = None
    action_point.proposed_due_date_by = None
    action_point.save(
        update_fields=["due_date", "proposed_due_date", "proposed_due_date_by", "updated_at"]
    )
    if old != due_date or note:
        audit_record(
            actor=actor,
            subject=action_point,
            action="due_date_changed",
            field="due_date",
            old_value=old.isoformat() if old else "",
            new_value=due_date.isoformat() if due_date else "",
            comment=note,
        )
    record_saved(action_point)
    return action_point


@transaction.atomic
def action_point_decide_due_date(*, action_point: ActionPoint, accept: bool, actor) -> ActionPoint:
    """The secretariat accepts the proposed due date (it becomes the due date) or declines it."""
    if not actor.has_perm("meetings.change_action_point_due_date", action_point):
        raise PermissionDenied(_("You may not change the due date of this action point."))
    action_point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    proposed = action_point.proposed_due_date
    if proposed is None:
        raise ValidationError(_("No due date is waiting for a decision."))
    if accept:
        return action_point_change_due_date(
            action_point=action_point, due_date=proposed, actor=actor
        )
    action_point.proposed_due_date = None
    action_point.proposed_due_date_by = None
    action_point.save(update_fields=["proposed_due_date", "proposed_due_date_by", "updated_at"])
    audit_record(
        actor=actor,
        subject=action_point,
        action="due_date_declined",
        field="due_date",
        old_value=proposed.isoformat(),
        new_value=action_point.due_date.isoformat() if action_point.due_date else "",
    )
    return action_point


@transaction.atomic
def tracker_emails_opt(*, user, receive: bool) -> None:
    """Stop (or resume) someone's action-point e-mails: assignments, reminders, the digest."""
    if receive:
        TrackerEmailOptOut.objects.filter(user=user).delete()
    else:
        TrackerEmailOptOut.objects.get_or_create(user=user)


# --- Planning and editing meetings -------------------------------------------------------------

MEETING_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "timezone",
    "is_virtual",
    "venue",
)
PARTICIPANT_FIELDS = (
    "name",
    "honorific",
    "title",
    "role",
    "organization",
    "organization_as_written",
    "attendance",
)
AGENDA_FIELDS = ("kind", "title", "discussion")
DECISION_FIELDS = ("agenda_item", "text")
ACTION_POINT_FIELDS = ("agenda_item", "text", "owner", "owner_organization", "due_date")


def _check_may_change(actor) -> None:
    if not actor.has_perm("meetings.change_meeting"):
        raise PermissionDenied(_("You may not edit meetings."))


def _check_timezone(value: str) -> str:
    import zoneinfo

    value = (value or "").strip()
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone: %(zone)s") % {"zone": value})
    return value


def _check_unique_date(*, series: MeetingSeries, date: datetime.date, exclude: int | None):
    clash = Meeting.objects.filter(series=series, date=date).exclude(pk=exclude).first()
    if clash is not None:
        raise ValidationError(
            _("%(series)s already has a meeting on this date: %(meeting)s.")
            % {"series": series, "meeting": clash.heading}
        )


def _empty(model, field: str, value):
    """None for an empty value, except in text fields, which hold "" instead."""
    if value is None and isinstance(
        model._meta.get_field(field), models.CharField | models.TextField
    ):
        return ""
    return value


def _label(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _participant(meeting: Meeting, position: int, row: dict) -> Participant:
    organization = row.get("organization")
    name = (row.get("name") or "").strip()[:200]
    return Participant(
        meeting=meeting,
        position=position,
        person=person_get_or_create(name=name, organization=organization) if name else None,
        name=name,
        honorific=(row.get("honorific") or "")[:32],
        title=(row.get("title") or "")[:300],
        role=(row.get("role") or "")[:200],
        organization=organization,
        organization_as_written=(row.get("organization_as_written") or "")[:200],
        attendance=row.get("attendance") or Participant.Attendance.PRESENT,
    )


class PlannedMeetingDetails(TypedDict, total=False):
    """What a meeting planned by hand may state besides its series and date."""

    title: str
    start_time: datetime.time | None
    end_time: datetime.time | None
    timezone: str
    is_virtual: bool
    venue: str
    agenda: list[str]
    background_documents: list
    invitees: list[dict]


@transaction.atomic
def meeting_plan(
    *,
    actor,
    series: MeetingSeries | None = None,
    series_name: str = "",
    date: datetime.date,
    **details: Unpack[PlannedMeetingDetails],
) -> Meeting:
    """Create a meeting before it is held: its date, agenda, background documents from the
    library and the people invited. The summary imported afterwards fills this same meeting.
    The time zone is the one entered, or none. Secretariat only; all or nothing."""
    _check_may_change(actor)
    series = series or meeting_series_get_or_create(name=series_name)
    _check_unique_date(series=series, date=date, exclude=None)
    return _meeting_new(actor=actor, series=series, date=date, **details)


@transaction.atomic
def meeting_of_series_on(*, series_name: str, date: datetime.date, actor) -> Meeting:
    """The series' meeting on that date, planned now if it has none. For a body that records
    its own meetings' decisions (the fund's Steering Committee): the caller has checked the
    actor's permission for that body, which is not the permission to edit any meeting."""
    series = meeting_series_get_or_create(name=series_name)
    existing = Meeting.objects.filter(series=series, date=date).first()
    return existing or _meeting_new(actor=actor, series=series, date=date)


def _meeting_new(
    *,
    actor,
    series: MeetingSeries,
    date: datetime.date,
    title: str = "",
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    timezone: str = "",
    is_virtual: bool = False,
    venue: str = "",
    agenda: list[str] = (),
    background_documents=(),
    invitees: list[dict] = (),
) -> Meeting:
    """The one place a meeting is created by hand (an imported one comes from `meeting_import`)."""
    meeting = Meeting.objects.create(
        series=series,
        date=date,
        title=(title.strip() or str(series))[:300],
        start_time=start_time,
        end_time=end_time,
        timezone=_check_timezone(timezone),
        is_virtual=is_virtual,
        venue=venue.strip()[:300],
    )
    meeting.background_documents.set(background_documents)
    for position, line in enumerate(line for line in agenda if line.strip()):
        record_saved(
            AgendaItem.objects.create(meeting=meeting, position=position, title=line.strip()[:500])
        )
    Participant.objects.bulk_create(
        _participant(meeting, n, {**row, "attendance": Participant.Attendance.INVITED})
        for n, row in enumerate(invitees)
        if (row.get("name") or "").strip()
    )
    audit_record(actor=actor, subject=meeting, action="planned", new_value=meeting.heading)
    record_saved(meeting)
    return meeting


def _edit_rows(
    *,
    meeting: Meeting,
    actor,
    rows: list[dict],
    model,
    fields: tuple[str, ...],
    noun: str,
    make,
    audit_subject=None,
) -> None:
    """Apply a formset's rows: each row is a dict of `fields` plus `instance` (an existing row of
    this meeting or None) and `delete`. Leaves one audit record per added, removed or changed
    row on the meeting (and, with `audit_subject`, one per changed field on the row itself)."""
    for position, row in enumerate(rows):
        instance = row.get("instance")
        if instance is not None and instance.meeting_id != meeting.pk:
            raise ValidationError(_("A row belongs to another meeting."))
        item = row.get("agenda_item")
        if item is not None and item.meeting_id != meeting.pk:
            raise ValidationError(_("An agenda item belongs to another meeting."))
        if row.get("delete"):
            if instance is not None:
                audit_record(
                    actor=actor, subject=meeting, action=f"{noun}_removed", old_value=instance
                )
                if hasattr(instance, "search_document"):
                    record_deleted(instance)
                instance.delete()
            continue
        if instance is None:
            created = make(position, row)
            audit_record(actor=actor, subject=meeting, action=f"{noun}_added", new_value=created)
            if hasattr(created, "search_document"):
                record_saved(created)
            continue
        changed = []
        for field in fields:
            new = row.get(field)
            if isinstance(new, str):
                new = new.strip()
            old = getattr(instance, field)
            if (old or None) != (new or None):
                changed.append((field, old, new))
                setattr(instance, field, _empty(model, field, new))
        if "position" in {f.name for f in model._meta.fields} and instance.position != position:
            instance.position = position
            changed.append(("position", None, None))
        if not changed:
            continue
        instance.full_clean(exclude=["meeting", "person"])
        instance.save()
        for field, old, new in changed:
            if field == "position":
                continue
            audit_record(
                actor=actor,
                subject=audit_subject(instance) if audit_subject else meeting,
                action="edited" if audit_subject else f"{noun}_changed",
                field=field,
                old_value=_label(old),
                new_value=_label(new),
            )
        if hasattr(instance, "search_document"):
            record_saved(instance)


@transaction.atomic
def meeting_edit(
    *,
    meeting: Meeting,
    actor,
    fields: dict,
    background_documents=None,
    participants: list[dict] = (),
    agenda_items: list[dict] = (),
    decisions: list[dict] = (),
    action_points: list[dict] = (),
) -> Meeting:
    """Change a saved meeting: its own fields, and rows of participants, agenda items,
    decisions and action points (added, changed or removed), leaving who changed what from
    what to what in the meeting's history (and in each action point's). Action point status
    is not changed here (that has its own service and history). Secretariat only; all or
    nothing: a bad value raises ValidationError and nothing is saved."""
    _check_may_change(actor)
    meeting = Meeting.objects.select_for_update().select_related("series").get(pk=meeting.pk)
    fields = dict(fields)
    if "timezone" in fields:
        fields["timezone"] = _check_timezone(fields["timezone"])
    if "date" in fields and fields["date"] != meeting.date:
        _check_unique_date(series=meeting.series, date=fields["date"], exclude=meeting.pk)
    for field in MEETING_FIELDS:
        if field not in fields:
            continue
        new, old = fields[field], getattr(meeting, field)
        if isinstance(new, str):
            new = new.strip()
        if (old or None) == (new or None):
            continue
        setattr(meeting, field, _empty(Meeting, field, new))
        audit_record(
            actor=actor,
            subject=meeting,
            action="edited",
            field=field,
            old_value=_label(old),
            new_value=_label(new),
        )
    if not (meeting.title or "").strip():
        raise ValidationError(_("A meeting needs a title."))
    meeting.full_clean(exclude=["series", "background_documents"], validate_unique=False)
    meeting.save()
    if background_documents is not None:
        old_docs = set(meeting.background_documents.values_list("pk", flat=True))
        new_docs = {document.pk for document in background_documents}
        if old_docs != new_docs:
            meeting.background_documents.set(background_documents)
            audit_record(
                actor=actor,
                subject=meeting,
                action="edited",
                field="background_documents",
                old_value=len(old_docs),
                new_value=len(new_docs),
            )
    _edit_rows(
        meeting=meeting,
        actor=actor,
        rows=list(participants),
        model=Participant,
        fields=PARTICIPANT_FIELDS,
        noun="participant",
        make=lambda n, row: Participant.objects.bulk_create([_participant(meeting, n, row)])[0],
    )
    _edit_rows(
        meeting=meeting,
        actor=actor,
        rows=list(decisions),
        model=Decision,
        fields=DECISION_FIELDS,
        noun="decision",
        make=lambda n, row: Decision.objects.create(
            meeting=meeting, position=n, agenda_item=row.get("agenda_item"), text=row["text"]
        ),
    )
    _edit_rows(
        meeting=meeting,
        actor=actor,
        rows=list(action_points),
        model=ActionPoint,
        fields=ACTION_POINT_FIELDS,
        noun="action_point",
        make=lambda n, row: ActionPoint.objects.create(
            meeting=meeting,
            position=n,
            agenda_item=row.get("agenda_item"),
            text=row["text"].strip(),
            owner=(row.get("owner") or "")[:200],
            owner_organization=row.get("owner_organization"),
            due_date=row.get("due_date"),
            source_sentence="",
        ),
        audit_subject=lambda point: point,
    )
    _edit_rows(
        meeting=meeting,
        actor=actor,
        rows=list(agenda_items),
        model=AgendaItem,
        fields=AGENDA_FIELDS,
        noun="agenda_item",
        make=lambda n, row: AgendaItem.objects.create(
            meeting=meeting,
            position=n,
            kind=row.get("kind") or AgendaItem.Kind.ITEM,
            title=row["title"].strip()[:500],
            discussion=row.get("discussion") or "",
        ),
    )
    record_saved(meeting)
    return meeting


@transaction.atomic
def background_document_add(
    *, agenda_item: AgendaItem, actor, title: str, data: bytes, filename: str
) -> BackgroundDocument:
    """A background note on an agenda item (read first: an unreadable file raises IngestError
    and nothing is stored)."""
    if not actor.has_perm("meetings.change_meeting", agenda_item.meeting):
        raise PermissionDenied(_("Only the secretariat can change a meeting."))
    check_size(data)
    extract_text(data, filename=filename)
    note = BackgroundDocument(
        agenda_item=agenda_item, title=title[:300], filename=os.path.basename(filename)[:255]
    )
    note.file.save(filename, ContentFile(data), save=False)
    note.save()
    audit_record(
        actor=actor, subject=agenda_item.meeting, action="background_added", new_value=title
    )
    return note
