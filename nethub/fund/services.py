"""Writes for the fund: programmes through their pipeline, money in and out, the Steering
Committee. Each runs in a transaction and leaves an audit record (core AuditEvent).

`actor=None` means the system itself (the demo loader); a user is checked against the rules."""

from __future__ import annotations

import datetime
import uuid
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.fund.models import (
    Allocation,
    Contribution,
    FiguresVersion,
    FundingTarget,
    FundingWindow,
    Membership,
    Programme,
    Rotation,
    Stage,
    Transition,
)
from nethub.search.hooks import record_saved

CENT = Decimal("0.01")
SC_SERIES = "Migration MPTF Steering Committee"

PROGRAMME_FIELDS = (
    "title",
    "summary",
    "window",
    "thematic_area",
    "region",
    "convening_organization",
    "partners",
    "currency",
    "usd_rate",
    "requested_budget",
    "approved_budget",
    "duration_months",
    "start_date",
    "gender_marker",
    "human_rights_marker",
    "submitted_on",
    "is_published",
    "is_placeholder",
)
PROGRAMME_RELATIONS = ("countries", "participating_entities", "gcm_elements", "documents")
CONTRIBUTION_FIELDS = (
    "donor",
    "kind",
    "date",
    "received_on",
    "amount",
    "currency",
    "usd_rate",
    "window",
    "earmarking",
    "earmarked_thematic_area",
    "note",
    "is_placeholder",
)


def to_usd(amount: Decimal | None, rate: Decimal) -> Decimal | None:
    if amount is None:
        return None
    return (Decimal(amount) * Decimal(rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def _check(actor, permission: str, obj=None) -> None:
    if actor is not None and not actor.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def figures_version_bump(*, create: bool = True) -> None:
    """Give the fund's figures a new version, in the caller's transaction: the dashboards'
    cached figures (`selectors.figures_version`) are computed again on their next view. The
    model signals (`fund/signals.py`) call it on every save and delete, the admin's and a
    shell's included; writes that bypass signals (`bulk_create`, `QuerySet.update`) must call
    it themselves. Each service calls it first, before it locks any row: the version's row is
    then always the first lock a fund write takes, so two writers (an import and a pipeline
    step on the same programme) wait for each other instead of deadlocking.

    `create=False` moves a version that exists and creates none (after a restore, which must
    leave exactly the backup's rows)."""
    token = uuid.uuid4().hex
    if FiguresVersion.objects.filter(pk=1).update(token=token) or not create:
        return
    FiguresVersion.objects.bulk_create([FiguresVersion(pk=1, token=token)], ignore_conflicts=True)
    # Another writer may have created the row first: ours must be the token it ends with.
    FiguresVersion.objects.filter(pk=1).update(token=token)


def _value(value) -> str:
    if hasattr(value, "all"):
        return ", ".join(sorted(str(v) for v in value.all()))
    return "" if value is None else str(value)


def _apply_fields(obj, fields: dict, *, actor, action: str) -> list[str]:
    """Set the given fields, audit each that changes; returns the names changed."""
    changed = []
    for name, new in fields.items():
        old = getattr(obj, name)
        if old != new:
            setattr(obj, name, new)
            changed.append(name)
            if obj.pk:
                audit_record(
                    actor=actor,
                    subject=obj,
                    action=action,
                    field=name,
                    old_value=old,
                    new_value=new,
                )
    return changed


def _apply_relations(obj, relations: dict, *, actor, action: str) -> list[str]:
    changed = []
    for name, items in relations.items():
        if items is None:
            continue
        manager = getattr(obj, name)
        old = set(manager.values_list("pk", flat=True))
        new = {item.pk for item in items}
        if old != new:
            before = _value(manager)
            manager.set(items)
            audit_record(
                actor=actor,
                subject=obj,
                action=action,
                field=name,
                old_value=before,
                new_value=_value(manager),
            )
            changed.append(name)
    return changed


def _derived_programme_fields(programme: Programme) -> None:
    programme.currency = (programme.currency or "USD").upper()
    programme.requested_usd = to_usd(programme.requested_budget or Decimal(0), programme.usd_rate)
    programme.approved_usd = to_usd(programme.approved_budget, programme.usd_rate)


def _region_from_countries(programme: Programme) -> None:
    if programme.region_id:
        return
    regions = {c.region_id for c in programme.countries.all() if c.region_id}
    if len(regions) == 1:
        programme.region_id = regions.pop()
        programme.save(update_fields=["region"])


@transaction.atomic
def programme_create(
    *,
    reference: str,
    title: str,
    actor,
    stage: str = Stage.SUBMITTED,
    countries=(),
    participating_entities=(),
    gcm_elements=(),
    documents=(),
    **fields,
) -> Programme:
    _check(actor, "fund.add_programme")
    figures_version_bump()
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"unknown programme fields: {sorted(unknown)}")
    reference = reference.strip()
    if Programme.objects.filter(reference=reference).exists():
        raise ValidationError(_("A programme with this reference exists already."))
    programme = Programme(reference=reference, title=title.strip(), stage=Stage.SUBMITTED)
    for name, value in fields.items():
        setattr(programme, name, value)
    programme.submitted_on = programme.submitted_on or timezone.localdate()
    _derived_programme_fields(programme)
    programme.full_clean(exclude=["thematic_area", "gcm_elements"])
    programme.save()
    programme.countries.set(countries)
    programme.participating_entities.set(participating_entities)
    programme.gcm_elements.set(gcm_elements)
    programme.documents.set(documents)
    _region_from_countries(programme)
    Transition.objects.create(
        programme=programme,
        from_stage="",
        to_stage=Stage.SUBMITTED,
        effective_on=programme.submitted_on,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=_("Concept note submitted."),
    )
    audit_record(
        actor=actor, subject=programme, action="programme.create", new_value=str(programme)
    )
    if stage != Stage.SUBMITTED:
        _force_stage(programme, stage, actor=actor, reason=_("Recorded at this stage."))
    record_saved(programme)
    return programme


@transaction.atomic
def programme_update(
    *,
    programme: Programme,
    actor,
    countries=None,
    participating_entities=None,
    gcm_elements=None,
    documents=None,
    **fields,
) -> Programme:
    _check(actor, "fund.change_programme", programme)
    figures_version_bump()
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"unknown programme fields: {sorted(unknown)}")
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    changed = _apply_fields(programme, fields, actor=actor, action="programme.update")
    if changed:
        _derived_programme_fields(programme)
        programme.full_clean(exclude=["thematic_area", "gcm_elements"])
        programme.save()
    _apply_relations(
        programme,
        {
            "countries": countries,
            "participating_entities": participating_entities,
            "gcm_elements": gcm_elements,
            "documents": documents,
        },
        actor=actor,
        action="programme.update",
    )
    record_saved(programme)
    return programme


def _record_transition(
    programme: Programme,
    to_stage: str,
    *,
    actor,
    reason: str,
    effective_on: datetime.date | None = None,
    decision=None,
) -> Transition:
    from_stage = programme.stage
    programme.stage = to_stage
    record_saved(programme)  # after commit: a newly published programme becomes searchable
    programme.save(
        update_fields=["stage", "selected_on", "selection_decision", "is_published", "updated_at"]
    )
    audit_record(
        actor=actor,
        subject=programme,
        action="programme.transition",
        field="stage",
        old_value=from_stage,
        new_value=to_stage,
        comment=reason,
    )
    return Transition.objects.create(
        programme=programme,
        from_stage=from_stage,
        to_stage=to_stage,
        effective_on=effective_on or timezone.localdate(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
        decision=decision,
    )


def _force_stage(programme: Programme, stage: str, *, actor, reason: str) -> None:
    """Record a programme at a stage it reached outside nethub (the demo, an import)."""
    if stage in (Stage.SELECTED, Stage.FUNDED, Stage.UNDER_WAY, Stage.CLOSED):
        programme.is_published = True
    _record_transition(
        programme,
        stage,
        actor=actor,
        reason=reason,
        effective_on=programme.selected_on or programme.submitted_on,
    )


@transaction.atomic
def programme_record_stage(*, programme: Programme, stage: str, actor, reason: str) -> Programme:
    """Record the stage a programme reached outside nethub (a spreadsheet from before, the
    demo): no pipeline rule applies, the step is kept in the history with its reason."""
    _check(actor, "fund.import")
    figures_version_bump()
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if stage != programme.stage:
        _force_stage(programme, stage, actor=actor, reason=reason)
    return programme


@transaction.atomic
def programme_transition(
    *,
    programme: Programme,
    to_stage: str,
    actor,
    reason: str = "",
    effective_on: datetime.date | None = None,
    allocation_usd: Decimal | None = None,
) -> Programme:
    """Move a programme one step along the pipeline table. Selection is made by a Steering
    Committee decision (`programmes_select`), not here. Funding needs an approved budget and
    records the allocation (the approved budget in USD unless another amount is given)."""
    _check(actor, "fund.move_programme", programme)
    figures_version_bump()
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if to_stage not in programme.next_stages():
        raise ValidationError(
            _("A programme at stage “%(from)s” cannot move to “%(to)s”.")
            % {"from": programme.get_stage_display(), "to": Stage(to_stage).label}
        )
    if to_stage == Stage.SELECTED:
        raise ValidationError(_("The Steering Committee selects programmes by a decision."))
    reason = reason.strip()
    if to_stage in (Stage.DECLINED, Stage.WITHDRAWN) and not reason:
        raise ValidationError(_("Say why the programme is declined or withdrawn."))
    if to_stage == Stage.FUNDED:
        if programme.approved_usd is None:
            raise ValidationError(_("Record the approved budget before funding."))
        amount = allocation_usd if allocation_usd is not None else programme.approved_usd
        programme.is_published = True
        transition = _record_transition(
            programme, to_stage, actor=actor, reason=reason, effective_on=effective_on
        )
        if amount:
            allocation_create(
                programme=programme,
                amount_usd=amount,
                date=transition.effective_on,
                window=programme.window,
                note=reason,
                actor=actor,
            )
        return programme
    if to_stage == Stage.PIPELINE and programme.stage == Stage.SELECTED:
        programme.selected_on, programme.selection_decision = None, None
    _record_transition(programme, to_stage, actor=actor, reason=reason, effective_on=effective_on)
    return programme


@transaction.atomic
def programme_update_progress(
    *, programme: Programme, actor, progress: str, progress_percent: int | None = None
) -> Programme:
    """A participating entity's focal point (or the secretariat) reports progress."""
    _check(actor, "fund.update_progress", programme)
    figures_version_bump()
    if programme.stage not in (Stage.FUNDED, Stage.UNDER_WAY, Stage.CLOSED):
        raise ValidationError(_("Progress is reported on funded programmes only."))
    if progress_percent is not None and not 0 <= progress_percent <= 100:
        raise ValidationError(_("Progress is a percentage from 0 to 100."))
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _apply_fields(
        programme,
        {"progress": progress.strip(), "progress_percent": progress_percent},
        actor=actor,
        action="programme.progress",
    )
    programme.progress_updated_at = timezone.now()
    programme.save(update_fields=["progress", "progress_percent", "progress_updated_at"])
    return programme


def sc_meeting_get_or_create(*, date: datetime.date, actor):
    """The Steering Committee's meeting on that date (its members may record it: the view
    checks `fund.select_programmes`)."""
    from nethub.meetings.services import meeting_of_series_on

    return meeting_of_series_on(series_name=SC_SERIES, date=date, actor=actor)


@transaction.atomic
def programmes_select(*, meeting, text: str, programmes, actor, reason: str = ""):
    """Record a Steering Committee decision on one of its meetings and move the programmes it
    selects (each in the pipeline) to "selected", dated by the meeting, linked to the decision."""
    from nethub.meetings.services import decision_create

    _check(actor, "fund.select_programmes")
    figures_version_bump()
    if meeting.series.name != SC_SERIES:
        raise ValidationError(_("Choose a meeting of the Steering Committee."))
    programmes = list(
        Programme.objects.select_for_update().filter(pk__in=[p.pk for p in programmes])
    )
    if not programmes:
        raise ValidationError(_("Choose the programmes the decision selects."))
    refused = [p.reference for p in programmes if p.stage != Stage.PIPELINE]
    if refused:
        raise ValidationError(
            _("Only programmes in the pipeline can be selected: %(refs)s.")
            % {"refs": ", ".join(refused)}
        )
    decision = decision_create(meeting=meeting, text=text, actor=actor)
    for programme in programmes:
        programme.selected_on = meeting.date
        programme.selection_decision = decision
        programme.is_published = True
        _record_transition(
            programme,
            Stage.SELECTED,
            actor=actor,
            reason=reason.strip() or text.strip(),
            effective_on=meeting.date,
            decision=decision,
        )
    return decision


def _contribution_derived(contribution: Contribution) -> None:
    contribution.currency = (contribution.currency or "USD").upper()
    if contribution.currency == "USD":
        contribution.usd_rate = Decimal(1)
    contribution.amount_usd = to_usd(contribution.amount, contribution.usd_rate)
    if contribution.received_on and contribution.kind == Contribution.Kind.PLEDGE:
        raise ValidationError(_("A pledge is not received; record the signed contribution."))
    if contribution.received_on and contribution.received_on < contribution.date:
        raise ValidationError(_("Money cannot be received before the contribution is signed."))


@transaction.atomic
def contribution_create(*, reference: str, actor, **fields) -> Contribution:
    _check(actor, "fund.manage_money")
    figures_version_bump()
    unknown = set(fields) - set(CONTRIBUTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown contribution fields: {sorted(unknown)}")
    contribution = Contribution(reference=reference.strip(), **fields)
    _contribution_derived(contribution)
    contribution.full_clean()
    contribution.save()
    audit_record(
        actor=actor,
        subject=contribution,
        action="contribution.create",
        new_value=f"{contribution.amount} {contribution.currency} = USD {contribution.amount_usd}",
    )
    return contribution


@transaction.atomic
def contribution_update(*, contribution: Contribution, actor, **fields) -> Contribution:
    _check(actor, "fund.manage_money")
    figures_version_bump()
    unknown = set(fields) - set(CONTRIBUTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown contribution fields: {sorted(unknown)}")
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if _apply_fields(contribution, fields, actor=actor, action="contribution.update"):
        old_usd = contribution.amount_usd
        _contribution_derived(contribution)
        contribution.full_clean()
        contribution.save()
        if old_usd != contribution.amount_usd:
            audit_record(
                actor=actor,
                subject=contribution,
                action="contribution.update",
                field="amount_usd",
                old_value=old_usd,
                new_value=contribution.amount_usd,
            )
    return contribution


@transaction.atomic
def target_set(
    *, year: int, amount_usd: Decimal, actor, window: FundingWindow | None = None, source: str = ""
) -> FundingTarget:
    _check(actor, "fund.manage_money")
    figures_version_bump()
    if amount_usd < 0:
        raise ValidationError(_("A target cannot be negative."))
    target = FundingTarget.objects.filter(year=year, window=window).first()
    if target is None:
        target = FundingTarget.objects.create(
            year=year, window=window, amount_usd=amount_usd, source=source
        )
        audit_record(actor=actor, subject=target, action="target.create", new_value=amount_usd)
        return target
    old = target.amount_usd
    target.amount_usd, target.source = amount_usd, source or target.source
    target.save(update_fields=["amount_usd", "source"])
    audit_record(
        actor=actor, subject=target, action="target.update", old_value=old, new_value=amount_usd
    )
    return target


@transaction.atomic
def allocation_create(
    *,
    programme: Programme,
    amount_usd: Decimal,
    date: datetime.date,
    actor,
    window: FundingWindow | None = None,
    note: str = "",
) -> Allocation:
    _check(actor, "fund.manage_money")
    figures_version_bump()
    if programme.stage not in (Stage.FUNDED, Stage.UNDER_WAY):
        raise ValidationError(_("Only funded programmes receive allocations."))
    allocation = Allocation(
        programme=programme, amount_usd=amount_usd, date=date, window=window, note=note
    )
    allocation.full_clean()
    allocation.save()
    audit_record(
        actor=actor,
        subject=allocation,
        action="allocation.create",
        new_value=f"USD {amount_usd} → {programme.reference}",
    )
    return allocation


@transaction.atomic
def window_ensure(*, code: str, name: str, kind: str, description: str = "") -> FundingWindow:
    window, created = FundingWindow.objects.get_or_create(
        code=code, defaults={"name": name, "kind": kind, "description": description}
    )
    if created:
        audit_record(actor=None, subject=window, action="window.create", new_value=name)
    return window


@transaction.atomic
def membership_create(
    *,
    organization,
    seat: str,
    start_date: datetime.date,
    actor,
    end_date: datetime.date | None = None,
    is_placeholder: bool = False,
) -> Membership:
    _check(actor, "fund.manage_steering_committee")
    membership = Membership(
        organization=organization,
        seat=seat,
        start_date=start_date,
        end_date=end_date,
        is_placeholder=is_placeholder,
    )
    membership.full_clean()
    membership.save()
    audit_record(actor=actor, subject=membership, action="membership.create", new_value=membership)
    return membership


@transaction.atomic
def rotation_record(
    *,
    date: datetime.date,
    leaving,
    joining,
    seat: str,
    actor,
    note: str = "",
    decision=None,
    is_placeholder: bool = False,
) -> Rotation:
    """Organisations leave their seats the day before `date` and others join on `date`."""
    _check(actor, "fund.manage_steering_committee")
    rotation = Rotation.objects.create(date=date, note=note, decision=decision)
    for organization in leaving:
        membership = (
            Membership.objects.select_for_update()
            .filter(organization=organization, end_date__isnull=True)
            .first()
        )
        if membership is None:
            raise ValidationError(_("%(org)s holds no seat to leave.") % {"org": organization})
        membership.end_date = date - datetime.timedelta(days=1)
        membership.left_by = rotation
        membership.save(update_fields=["end_date", "left_by"])
        audit_record(
            actor=actor, subject=membership, action="membership.end", new_value=membership.end_date
        )
    for organization in joining:
        membership = Membership.objects.create(
            organization=organization,
            seat=seat,
            start_date=date,
            joined_by=rotation,
            is_placeholder=is_placeholder,
        )
        audit_record(actor=actor, subject=membership, action="membership.create", new_value=date)
    audit_record(actor=actor, subject=rotation, action="rotation.create", comment=note)
    return rotation
