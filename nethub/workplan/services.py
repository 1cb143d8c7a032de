"""Writes of the workplan app: each checks the actor's permission, runs in one transaction,
leaves an audit record and re-indexes what search shows after commit."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.core.slugs import unique_slug
from nethub.search.hooks import record_saved
from nethub.workplan.models import (
    Activity,
    AskUptake,
    Membership,
    MembershipRequest,
    Priority,
    ProgressNote,
    WorkingGroup,
    Workplan,
)


def _check(actor, perm: str, obj=None) -> None:
    if actor is not None and not actor.has_perm(perm, obj):
        raise PermissionDenied(perm)


def _reindex(workplan: Workplan) -> None:
    record_saved(workplan)
    for priority in workplan.priorities.all():
        record_saved(priority)
    for group in workplan.groups.all():
        record_saved(group)
        for activity in group.activities.all():
            record_saved(activity)


@transaction.atomic
def workplan_create(
    *,
    actor,
    title: str,
    start_year: int | None = None,
    end_year: int | None = None,
    summary: str = "",
    previous: Workplan | None = None,
) -> Workplan:
    _check(actor, "workplan.add_workplan")
    if not title.strip():
        raise ValidationError(_("A workplan needs a title."))
    workplan = Workplan.objects.create(
        title=title.strip()[:255],
        slug=unique_slug(Workplan, title, fallback="workplan"),
        start_year=start_year,
        end_year=end_year,
        summary=summary,
        previous=previous,
    )
    audit_record(actor=actor, subject=workplan, action="created", new_value=title)
    return workplan


@transaction.atomic
def priority_create(
    *,
    actor,
    workplan: Workplan,
    number: str,
    title: str,
    novelty: str = "",
    description: str = "",
    predecessor: Priority | None = None,
) -> Priority:
    _check(actor, "workplan.change_workplan", workplan)
    priority = Priority.objects.create(
        workplan=workplan,
        number=number,
        title=title[:255],
        novelty=novelty,
        description=description,
        position=int(number) if number.isdigit() else 0,
    )
    if predecessor is not None:
        predecessor.successor = priority
        predecessor.save(update_fields=["successor", "updated_at"])
    audit_record(actor=actor, subject=priority, action="created", new_value=str(priority))
    record_saved(priority)
    return priority


@transaction.atomic
def group_create(
    *,
    actor,
    workplan: Workplan,
    title: str,
    priority: Priority | None = None,
    kind: str = WorkingGroup.Kind.WORKING_GROUP,
    number: str = "",
    description: str = "",
    predecessor: WorkingGroup | None = None,
) -> WorkingGroup:
    _check(actor, "workplan.change_workplan", workplan)
    if priority is not None and priority.workplan_id != workplan.pk:
        raise ValidationError(_("The priority belongs to another workplan."))
    group = WorkingGroup.objects.create(
        workplan=workplan,
        priority=priority,
        kind=kind,
        number=number,
        title=title[:255],
        description=description,
    )
    if predecessor is not None:
        predecessor.successor = group
        predecessor.save(update_fields=["successor", "updated_at"])
    audit_record(actor=actor, subject=group, action="created", new_value=str(group))
    record_saved(group)
    return group


@transaction.atomic
def item_drop(*, actor, item: Priority | WorkingGroup, successor=None, note: str = "") -> None:
    """A priority or group the workplan no longer carries: kept, with its history, marked
    dropped, and linked to what continues it (if anything)."""
    _check(actor, "workplan.change_workplan", item.workplan)
    old = item.status
    item.status = "dropped"
    item.successor = successor
    item.save(update_fields=["status", "successor", "updated_at"])
    audit_record(
        actor=actor,
        subject=item,
        action="dropped",
        old_value=old,
        new_value="dropped",
        comment=note,
    )
    record_saved(item)


def _snapshot(workplan: Workplan) -> list[dict]:
    items = [
        {"kind": "priority", "id": p.pk, "number": p.number, "title": p.title}
        for p in workplan.priorities.exclude(status="dropped")
    ]
    items += [
        {"kind": g.kind, "id": g.pk, "number": g.number, "title": g.title}
        for g in workplan.groups.exclude(status="dropped")
    ]
    return items


@transaction.atomic
def workplan_open_consultation(
    *,
    actor,
    workplan: Workplan,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    welcome: str = "",
    questions: list[str] | None = None,
):
    """Open a draft as a Discussion Space: its priorities, working groups and workstreams are
    what stakeholders comment on and say they want to join. The draft is kept as it was
    opened, for the comparison with the endorsed text."""
    from nethub.consultations.services import consultation_create

    _check(actor, "workplan.change_workplan", workplan)
    if workplan.status != Workplan.Status.DRAFT or workplan.consultation_id:
        raise ValidationError(_("Only a draft without a Discussion Space can be opened."))
    if closes_at <= opens_at:
        raise ValidationError(_("The consultation must close after it opens."))
    consultation = consultation_create(
        title=_("Consultation on %(title)s") % {"title": workplan.title},
        actor=actor,
        welcome=welcome,
        document_title=workplan.title,
        moderator=actor,
        opens_at=opens_at,
        closes_at=closes_at,
        questions=questions
        or [
            _("What should the workplan add or change?"),
            _("Which priorities, working groups or workstreams would your organisation join?"),
        ],
    )
    workplan.consultation = consultation
    workplan.status = Workplan.Status.CONSULTATION
    workplan.draft_snapshot = _snapshot(workplan)
    workplan.save(update_fields=["consultation", "status", "draft_snapshot", "updated_at"])
    audit_record(
        actor=actor,
        subject=workplan,
        action="consultation_opened",
        old_value="draft",
        new_value="consultation",
    )
    return consultation


@transaction.atomic
def workplan_endorse(
    *,
    actor,
    workplan: Workplan,
    endorsed_on: datetime.date,
    meeting=None,
    decision=None,
    note: str = "",
) -> Workplan:
    """The Executive Committee endorsed the workplan: date, meeting and decision."""
    _check(actor, "workplan.endorse_workplan", workplan)
    if workplan.status not in (Workplan.Status.DRAFT, Workplan.Status.CONSULTATION):
        raise ValidationError(_("This workplan is already endorsed or closed."))
    if decision is not None and meeting is not None and decision.meeting_id != meeting.pk:
        raise ValidationError(_("The decision was taken at another meeting."))
    if not workplan.draft_snapshot:
        workplan.draft_snapshot = _snapshot(workplan)
    old = workplan.status
    workplan.status = Workplan.Status.ENDORSED
    workplan.endorsed_on = endorsed_on
    workplan.endorsed_at = meeting
    workplan.endorsement_decision = decision
    workplan.endorsement_note = note
    workplan.save()
    audit_record(
        actor=actor,
        subject=workplan,
        action="endorsed",
        old_value=old,
        new_value=f"{endorsed_on} {meeting or ''}".strip(),
        comment=note,
    )
    _reindex(workplan)
    return workplan


@transaction.atomic
def membership_set(*, actor, group: WorkingGroup, organization, role: str) -> Membership:
    _check(actor, "workplan.manage_group", group)
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."))
    membership, created = Membership.objects.get_or_create(
        group=group, organization=organization, defaults={"role": role}
    )
    old = "" if created else membership.role
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role", "updated_at"])
    audit_record(
        actor=actor,
        subject=group,
        action="membership",
        field=str(organization),
        old_value=old,
        new_value=role,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    _check(actor, "workplan.manage_group", membership.group)
    audit_record(
        actor=actor,
        subject=membership.group,
        action="membership",
        field=str(membership.organization),
        old_value=membership.role,
        new_value="",
    )
    membership.delete()


@transaction.atomic
def membership_request_create(
    *,
    actor,
    organization,
    group: WorkingGroup | None = None,
    priority: Priority | None = None,
    role: str = Membership.Role.MEMBER,
    note: str = "",
    interest=None,
) -> MembershipRequest:
    """An organisation asks to join (or co-lead) a group, or to work on a priority. One open
    request per organisation and group or priority: asking again updates it."""
    if (group is None) == (priority is None):
        raise ValidationError(_("A request is for one working group or one priority."))
    if interest is None:
        _check(actor, "workplan.request_membership", group or priority)
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."))
    if (
        group is not None
        and group.memberships.filter(organization=organization, role=role).exists()
    ):
        raise ValidationError(_("Your organisation already has this role in the group."))
    request, created = MembershipRequest.objects.get_or_create(
        organization=organization,
        group=group,
        priority=priority,
        status=MembershipRequest.Status.PENDING,
        defaults={
            "role": role,
            "note": note[:2000],
            "interest": interest,
            "requested_by": actor if getattr(actor, "is_authenticated", False) else None,
        },
    )
    if not created:
        request.role, request.note = role, note[:2000] or request.note
        # A re-imported consultation recreates its interests: the request follows the new one.
        request.interest = interest or request.interest
        request.save(update_fields=["role", "note", "interest", "updated_at"])
    audit_record(
        actor=actor,
        subject=request.target,
        action="membership_requested",
        field=str(organization),
        new_value=role,
    )
    return request


def membership_request_from_interest(*, interest, actor):
    """An expression of interest in a consultation becomes a membership request."""
    target = interest.target
    if target is None:
        return None
    if MembershipRequest.objects.filter(interest=interest).exists():
        return None
    if (
        isinstance(target, WorkingGroup)
        and target.memberships.filter(organization=interest.organization).exists()
    ):
        return None  # already in the group: nothing to ask
    kwargs = {"group": target} if isinstance(target, WorkingGroup) else {"priority": target}
    return membership_request_create(
        actor=actor,
        organization=interest.organization,
        interest=interest,
        note=interest.note or interest.get_engagement_display(),
        **kwargs,
    )


@transaction.atomic
def membership_request_withdraw(*, interest, actor) -> None:
    MembershipRequest.objects.filter(
        interest=interest, status=MembershipRequest.Status.PENDING
    ).delete()


@transaction.atomic
def membership_request_decide(
    *,
    actor,
    request: MembershipRequest,
    accept: bool,
    note: str = "",
    group: WorkingGroup | None = None,
) -> MembershipRequest:
    """Co-leads of the group or the secretariat accept or decline, with a note. A request for
    a priority is accepted into one of the priority's groups (`group`)."""
    request = MembershipRequest.objects.select_for_update().get(pk=request.pk)
    _check(actor, "workplan.decide_request", request)
    if request.status != MembershipRequest.Status.PENDING:
        raise ValidationError(_("This request was already decided."))
    if accept:
        target_group = request.group or group
        if target_group is None or (
            request.priority_id and target_group.priority_id != request.priority_id
        ):
            raise ValidationError(_("Choose a working group of this priority."))
        request.group = target_group
        membership, _created = Membership.objects.get_or_create(
            group=target_group, organization=request.organization, defaults={"role": request.role}
        )
        if request.role == Membership.Role.CO_LEAD and membership.role != request.role:
            membership.role = request.role
            membership.save(update_fields=["role", "updated_at"])
    request.status = (
        MembershipRequest.Status.ACCEPTED if accept else MembershipRequest.Status.DECLINED
    )
    request.decision_note = note
    request.decided_by = actor
    request.decided_at = timezone.now()
    request.save()
    audit_record(
        actor=actor,
        subject=request.target,
        action="membership_request_decided",
        field=str(request.organization),
        old_value="pending",
        new_value=request.status,
        comment=note,
    )
    return request


@transaction.atomic
def activity_create(
    *,
    actor,
    group: WorkingGroup,
    title: str,
    description: str = "",
    lead=None,
    contributors=(),
    start_date=None,
    due_date=None,
) -> Activity:
    _check(actor, "workplan.manage_group", group)
    if not title.strip():
        raise ValidationError(_("An activity needs a deliverable."))
    if start_date and due_date and due_date < start_date:
        raise ValidationError(_("The due date is before the start."))
    activity = Activity.objects.create(
        group=group,
        title=title.strip()[:300],
        description=description,
        lead=lead,
        start_date=start_date,
        due_date=due_date,
    )
    activity.contributors.set(contributors)
    audit_record(actor=actor, subject=activity, action="created", new_value=activity.title)
    record_saved(activity)
    return activity


@transaction.atomic
def progress_note_add(
    *,
    actor,
    activity: Activity,
    text: str,
    status: str | None = None,
    progress: int | None = None,
) -> ProgressNote:
    """A progress note, and the activity's new status and percentage if given: the notes are
    the activity's history (who, when, from what, to what)."""
    _check(actor, "workplan.add_progress", activity)
    if not text.strip():
        raise ValidationError(_("Write what progress was made."))
    if status is not None and status not in Activity.Status.values:
        raise ValidationError(_("Unknown status."))
    if progress is not None and not 0 <= progress <= 100:
        raise ValidationError(_("Progress is a percentage between 0 and 100."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    note = ProgressNote(
        activity=activity,
        author=actor,
        organization=getattr(actor, "organization", None),
        text=text.strip(),
        old_status=activity.status,
        old_progress=activity.progress,
    )
    changed = []
    if status and status != activity.status:
        activity.status = status
        changed.append("status")
    if progress is not None and progress != activity.progress:
        activity.progress = progress
        changed.append("progress")
    if status == Activity.Status.DONE and activity.progress != 100:
        activity.progress = 100
        changed.append("progress")
    note.new_status, note.new_progress = activity.status, activity.progress
    note.save()
    if changed:
        activity.save(update_fields=[*dict.fromkeys(changed), "updated_at"])
        audit_record(
            actor=actor,
            subject=activity,
            action="progress",
            old_value=note.old_status,
            new_value=f"{activity.status} {activity.progress}%",
        )
    return note


@transaction.atomic
def activity_link_document(*, actor, activity: Activity, document) -> None:
    """A library document the activity produced."""
    _check(actor, "workplan.manage_group", activity)
    activity.documents.add(document)
    audit_record(actor=actor, subject=activity, action="document_linked", new_value=str(document))


@transaction.atomic
def group_link_document(*, actor, group: WorkingGroup, document, terms_of_reference: bool) -> None:
    """A library document of the group, or its terms of reference."""
    _check(actor, "workplan.manage_group", group)
    if terms_of_reference:
        group.terms_of_reference = document
        group.save(update_fields=["terms_of_reference", "updated_at"])
    else:
        group.documents.add(document)
    audit_record(
        actor=actor,
        subject=group,
        action="terms_of_reference" if terms_of_reference else "document_linked",
        new_value=str(document),
    )


@transaction.atomic
def group_link_meeting(*, actor, group: WorkingGroup, meeting, link: bool = True) -> None:
    """A meeting the group held (the action tracker filters by it)."""
    _check(actor, "workplan.manage_group", group)
    (group.meetings.add if link else group.meetings.remove)(meeting)
    audit_record(
        actor=actor,
        subject=group,
        action="meeting_linked" if link else "meeting_unlinked",
        new_value=str(meeting),
    )


@transaction.atomic
def ask_uptake_set(
    *, actor, workplan: Workplan, comment, ask_key: str, state: str, note: str = ""
) -> AskUptake:
    """The secretariat confirms whether the endorsed text took up a stakeholder's ask."""
    _check(actor, "workplan.confirm_uptake", workplan)
    if state not in AskUptake.State.values:
        raise ValidationError(_("Unknown state."))
    if workplan.consultation_id is None or comment.consultation_id != workplan.consultation_id:
        raise ValidationError(_("The comment is not from this workplan's consultation."))
    uptake, _created = AskUptake.objects.get_or_create(
        workplan=workplan, comment=comment, ask_key=ask_key
    )
    old = uptake.state
    uptake.state, uptake.note = state, note
    uptake.confirmed_by, uptake.confirmed_at = actor, timezone.now()
    uptake.save()
    audit_record(
        actor=actor,
        subject=workplan,
        action="ask_uptake",
        field=f"{comment.pk}/{ask_key}",
        old_value=old,
        new_value=state,
        comment=note,
    )
    return uptake
