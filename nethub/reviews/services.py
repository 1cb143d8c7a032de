"""Writes of the GCM review cycle: voluntary reviews, forums, SG reports, pledges, figures."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.ingest.extract import DOCX, PDF, extract_text
from nethub.reviews.models import (
    Fact,
    Forum,
    Pledge,
    PledgeUpdate,
    Roundtable,
    SGReport,
    VoluntaryReview,
)
from nethub.search.hooks import record_saved

REVIEW_FILE_TYPES = {PDF, DOCX}


class ReviewError(ValueError):
    """A request the record's state or the actor's role does not allow; the message is for
    users."""


def _suggest_tags_after_commit(obj) -> None:
    from nethub.framework.suggest import suggest_tags_for_record

    content_type_id = ContentType.objects.get_for_model(obj).pk
    object_id = obj.pk
    transaction.on_commit(
        lambda: suggest_tags_for_record.enqueue(
            content_type_id=content_type_id, object_id=object_id
        )
    )


@transaction.atomic
def voluntary_review_submit(
    *,
    actor,
    country,
    year: int,
    title: str,
    data: bytes,
    filename: str,
    language: str = "",
    summary: str = "",
    objectives: Iterable = (),
) -> VoluntaryReview:
    """Record a voluntary GCM review submitted by a Member State representative for their own
    State, or by the secretariat for any State. Its text is read from the file (PDF or DOCX)
    before anything is saved: an unreadable file raises IngestError and nothing is stored.
    GCM objectives are suggested after the commit, for people to confirm."""
    if not actor.has_perm("reviews.submit_review_for", country):
        raise PermissionDenied(_("You may submit reviews only for your own Member State."))
    this_year = timezone.now().year
    if not 2018 <= int(year) <= this_year + 1:
        raise ReviewError(_("The year must be between 2018 and %(year)s.") % {"year": this_year})
    extracted = extract_text(data, filename=filename, allowed_types=REVIEW_FILE_TYPES)
    review = VoluntaryReview(
        country=country,
        year=int(year),
        title=title.strip(),
        summary=summary.strip(),
        language=language or extracted.language,
        detected_language=extracted.language,
        mime_type=extracted.mime_type,
        text=extracted.text,
        original_filename=os.path.basename(filename)[:255],
        submitted_by=actor,
    )
    name = get_valid_filename(os.path.basename(filename) or "review")[-120:] or "review"
    review.file.save(name, ContentFile(data), save=False)
    review.save()
    objectives = list(objectives)
    if objectives:
        from nethub.framework.services import tags_set

        tags_set(obj=review, elements=objectives, actor=actor)
    audit_record(actor=actor, subject=review, action="submitted")
    _suggest_tags_after_commit(review)
    return review


@transaction.atomic
def voluntary_review_set_status(*, actor, review: VoluntaryReview, status: str) -> VoluntaryReview:
    """The secretariat publishes a review, features it, un-features it (back to published),
    or withdraws it from publication (back to submitted). Search follows after the commit."""
    if not actor.has_perm("reviews.publish_review", review):
        raise PermissionDenied
    if status not in VoluntaryReview.Status.values:
        raise ReviewError(_("Unknown status."))
    review = VoluntaryReview.objects.select_for_update().get(pk=review.pk)
    old = review.status
    if old == status:
        return review
    now = timezone.now()
    review.status = status
    if status in VoluntaryReview.PUBLIC_STATUSES and review.published_at is None:
        review.published_at = now
    review.featured_at = now if status == VoluntaryReview.Status.FEATURED else None
    if status == VoluntaryReview.Status.SUBMITTED:
        review.published_at = None
    review.save(update_fields=["status", "published_at", "featured_at", "updated_at"])
    audit_record(
        actor=actor,
        subject=review,
        action="status",
        field="status",
        old_value=old,
        new_value=status,
    )
    record_saved(review)
    return review


@transaction.atomic
def forum_create(
    *,
    actor,
    kind: str,
    title: str,
    region=None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    date_is_approximate: bool = False,
    host: str = "",
    outcome: str = "",
    source: str = "",
    co_facilitators: Iterable = (),
    roundtables: Iterable[str] = (),
    outcome_document=None,
    documents: Iterable = (),
) -> Forum:
    """A regional review or an IMRF, with its roundtables (titles, numbered in order)."""
    if start_date and end_date and end_date < start_date:
        raise ReviewError(_("The forum cannot end before it starts."))
    forum = Forum.objects.create(
        kind=kind,
        title=title.strip(),
        region=region,
        start_date=start_date,
        end_date=end_date,
        date_is_approximate=date_is_approximate,
        host=host,
        outcome=outcome,
        outcome_document=outcome_document,
        source=source,
    )
    forum.co_facilitators.set(co_facilitators)
    forum.documents.set(documents)
    Roundtable.objects.bulk_create(
        Roundtable(forum=forum, number=number, title=text)
        for number, text in enumerate(roundtables, start=1)
    )
    audit_record(actor=actor, subject=forum, action="created")
    record_saved(forum)
    return forum


@transaction.atomic
def forum_update(*, actor, forum: Forum, **fields) -> Forum:
    """Change a forum's dates, host, outcome, outcome document (the Progress Declaration),
    documents or co-facilitators."""
    many = {name: fields.pop(name) for name in ("documents", "co_facilitators") if name in fields}
    for name, value in fields.items():
        old = getattr(forum, name)
        if old != value:
            setattr(forum, name, value)
            audit_record(
                actor=actor, subject=forum, action="changed", field=name, old_value=old,
                new_value=value,
            )  # fmt: skip
    forum.save()
    for name, values in many.items():
        getattr(forum, name).set(values)
    record_saved(forum)
    return forum


@transaction.atomic
def sg_report_create(
    *,
    actor,
    title: str,
    date: datetime.date | None = None,
    date_is_approximate: bool = False,
    document=None,
    inputs: Iterable = (),
    forum: Forum | None = None,
    notes: str = "",
    source: str = "",
) -> SGReport:
    report = SGReport.objects.create(
        title=title.strip(),
        date=date,
        date_is_approximate=date_is_approximate,
        document=document,
        forum=forum,
        notes=notes,
        source=source,
    )
    report.inputs.set(inputs)
    audit_record(actor=actor, subject=report, action="created")
    record_saved(report)
    return report


@transaction.atomic
def pledge_create(
    *,
    actor,
    title: str,
    text: str,
    pledger=None,
    is_joint: bool = False,
    date: datetime.date | None = None,
    forum: Forum | None = None,
    objectives: Iterable = (),
    source: str = "",
) -> Pledge:
    """A pledge by the actor's organisation (the secretariat may record one for any
    organisation, or a joint pledge). The objectives it names are confirmed tags."""
    from nethub.framework.services import tags_set

    if not actor.has_perm("reviews.add_pledge"):
        raise PermissionDenied
    from nethub.core.predicates import is_secretariat

    if not is_secretariat(actor):
        if is_joint or (pledger is not None and pledger.pk != actor.organization_id):
            raise PermissionDenied(_("You may record pledges of your own organisation only."))
        pledger = actor.organization
    if not is_joint and pledger is None:
        raise ReviewError(_("A pledge needs a pledger, unless it is a joint pledge."))
    if not text.strip():
        raise ReviewError(_("The pledge needs its text."))
    pledge = Pledge.objects.create(
        title=title.strip(),
        text=text.strip(),
        pledger=None if is_joint else pledger,
        is_joint=is_joint,
        date=date,
        forum=forum,
        source=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    objectives = list(objectives)
    if objectives:
        tags_set(obj=pledge, elements=objectives, actor=actor)
    audit_record(actor=actor, subject=pledge, action="created")
    record_saved(pledge)
    return pledge


@transaction.atomic
def pledge_update_add(*, actor, pledge: Pledge, text: str, status: str) -> PledgeUpdate:
    """The pledger (or the secretariat) reports progress and the pledge's status."""
    if not actor.has_perm("reviews.update_pledge", pledge):
        raise PermissionDenied
    if status not in Pledge.Status.values:
        raise ReviewError(_("Unknown status."))
    if not text.strip():
        raise ReviewError(_("Say what progress was made."))
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    update = PledgeUpdate.objects.create(
        pledge=pledge, text=text.strip(), status=status, author=actor
    )
    if pledge.status != status:
        audit_record(
            actor=actor, subject=pledge, action="status", field="status",
            old_value=pledge.status, new_value=status,
        )  # fmt: skip
        pledge.status = status
        pledge.save(update_fields=["status", "updated_at"])
    return update


@transaction.atomic
def pledge_opt_in(*, actor, pledge: Pledge, organization=None, opt_in: bool = True) -> Pledge:
    """A UN entity opts in to (or out of) a joint pledge; the secretariat may record it for
    any entity."""
    from nethub.core.predicates import is_secretariat

    if not actor.has_perm("reviews.opt_in_pledge", pledge):
        raise PermissionDenied
    organization = organization if is_secretariat(actor) and organization else actor.organization
    if organization is None or organization.kind != "un_entity":
        raise ReviewError(_("Only UN system entities opt in to the UN system pledge."))
    if opt_in:
        pledge.opted_in.add(organization)
    else:
        pledge.opted_in.remove(organization)
    audit_record(
        actor=actor, subject=pledge, action="opted_in" if opt_in else "opted_out",
        new_value=organization.pk,
    )  # fmt: skip
    return pledge


# ---- figures (facts) -------------------------------------------------------------------


def _source_filter(*, document=None, meeting=None) -> dict:
    return {"document": document, "meeting": meeting}


@transaction.atomic
def facts_extract(
    *, actor, text: str, date: datetime.date, source_title: str, document=None, meeting=None
) -> list[Fact]:
    """Extract candidate figures from a source's text and record those not yet recorded (a
    second run adds nothing and never touches what the secretariat decided)."""
    from nethub.reviews.facts import extract_facts

    existing = set(
        Fact.objects.filter(**_source_filter(document=document, meeting=meeting)).values_list(
            "series", "start"
        )
    )
    new = []
    for found in extract_facts(text, date=date):
        if (found.series, found.start) in existing:
            continue
        existing.add((found.series, found.start))
        new.append(
            Fact(
                series=found.series,
                label=found.label,
                value=Decimal(str(found.value)),
                unit=found.unit,
                date=found.date,
                sentence=found.sentence,
                start=found.start,
                end=found.end,
                document=document,
                meeting=meeting,
                source_title=source_title,
                rule=found.rule,
            )
        )
    Fact.objects.bulk_create(new)
    if new and (document or meeting) is not None:
        audit_record(
            actor=actor, subject=document or meeting, action="facts_extracted", new_value=len(new)
        )
    return new


@transaction.atomic
def fact_decide(
    *, actor, fact: Fact, status: str, is_headline: bool | None = None, **corrections
) -> Fact:
    """The secretariat confirms or rejects a candidate figure, correcting what is counted,
    its value, unit or date if needed, and marks it a headline figure or not."""
    if not actor.has_perm("reviews.review_facts", fact):
        raise PermissionDenied
    if status not in Fact.Status.values:
        raise ReviewError(_("Unknown status."))
    fact = Fact.objects.select_for_update().get(pk=fact.pk)
    old = fact.status
    for name in ("series", "label", "value", "unit", "date"):
        if name in corrections and corrections[name] not in (None, ""):
            setattr(fact, name, corrections[name])
    fact.status = status
    if is_headline is not None:
        fact.is_headline = is_headline and status == Fact.Status.CONFIRMED
    fact.decided_by = actor
    fact.save()
    audit_record(
        actor=actor, subject=fact, action="status", field="status", old_value=old, new_value=status
    )
    return fact


def facts_extract_all(*, actor) -> int:
    """Look for candidate figures in every ready library document and every imported meeting
    summary. Safe to repeat: figures already found (and decisions taken on them) are kept.
    Each source is its own transaction. Returns how many new candidates were found."""
    from nethub.library.models import Document
    from nethub.meetings.models import Meeting

    found = 0
    for document in Document.objects.filter(status=Document.Status.READY).exclude(text=""):
        found += len(
            facts_extract(
                actor=actor,
                text=document.text,
                date=document.date or document.created_at.date(),
                source_title=document.title,
                document=document,
            )
        )
    for meeting in Meeting.objects.exclude(source_text="").select_related("series"):
        found += len(
            facts_extract(
                actor=actor,
                text=meeting.source_text,
                date=meeting.date,
                source_title=str(meeting),
                meeting=meeting,
            )
        )
    return found
