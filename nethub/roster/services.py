"""Writes of the roster: applications and their review, peer-review assignments, support
requests. Each runs in one transaction; e-mails go out after commit from the task worker."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.ingest.extract import DOCX, PDF, extract_text
from nethub.roster.models import (
    ApplicationStep,
    ExpertApplication,
    ExpertLanguage,
    Proposal,
    ReviewAssignment,
    SupportRequest,
)

Status = ExpertApplication.Status
RENEWAL_DAYS = 365
REVIEW_DAYS = 21
CV_TYPES = {PDF, DOCX}

# The secretariat's decisions: from each state, where an application may go.
DECISIONS = {
    Status.SUBMITTED: {Status.IN_REVIEW, Status.MORE_INFO, Status.ACCEPTED, Status.DECLINED},
    Status.IN_REVIEW: {Status.MORE_INFO, Status.ACCEPTED, Status.DECLINED},
    Status.ACCEPTED: {Status.DECLINED},
}
APPLICANT_HEARS = {Status.MORE_INFO, Status.ACCEPTED, Status.DECLINED}

REQUEST_STEPS = {
    SupportRequest.Status.OPEN: {SupportRequest.Status.PROPOSED, SupportRequest.Status.CLOSED},
    SupportRequest.Status.PROPOSED: {
        SupportRequest.Status.ACCEPTED,
        SupportRequest.Status.CLOSED,
    },
    SupportRequest.Status.ACCEPTED: {
        SupportRequest.Status.UNDER_WAY,
        SupportRequest.Status.CLOSED,
    },
    SupportRequest.Status.UNDER_WAY: {SupportRequest.Status.DONE, SupportRequest.Status.CLOSED},
}


class RosterError(ValueError):
    """A step the record's state does not allow; the message is for users."""


def _after_commit(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


def _set_languages(application: ExpertApplication, languages: Iterable[tuple[str, str]]) -> None:
    application.languages.all().delete()
    seen = {}
    for code, level in languages:
        if code and level:
            seen[code] = level
    ExpertLanguage.objects.bulk_create(
        ExpertLanguage(application=application, code=code, level=level)
        for code, level in seen.items()
    )


def _store_cv(application: ExpertApplication, data: bytes, filename: str) -> None:
    """Reads the CV first: a file that is not a readable PDF or DOCX raises IngestError before
    anything is stored."""
    extracted = extract_text(data, filename=filename, allowed_types=CV_TYPES)
    if application.cv:
        application.cv.delete(save=False)
    application.cv.save("cv", ContentFile(data), save=False)
    application.cv_name = (filename or "cv").rsplit("/", 1)[-1][:255]
    application.cv_type = extracted.mime_type
    application.cv_text = extracted.text


MANY = ("expertise", "regions", "countries", "conflict_organizations", "conflict_countries")


@transaction.atomic
def application_save(
    *,
    actor,
    values: dict,
    languages: Iterable[tuple[str, str]] = (),
    cv_data: bytes | None = None,
    cv_filename: str = "",
    submit: bool = False,
) -> ExpertApplication:
    """Create or update `actor`'s own application. With `submit`, a draft (or an application
    sent back for more information) goes to the secretariat. Raises IngestError for a CV that
    cannot be read, and RosterError when the application may not be edited: nothing is saved."""
    application = ExpertApplication.objects.select_for_update().filter(
        applicant=actor
    ).first() or ExpertApplication(applicant=actor)
    if application.pk and application.status in {Status.SUBMITTED, Status.IN_REVIEW}:
        raise RosterError(_("Your application is with the secretariat and cannot be changed now."))
    plain = {key: value for key, value in values.items() if key not in MANY}
    for key, value in plain.items():
        setattr(application, key, value)
    if application.organization is None and application.organization_name:
        # "unhcr", "ACNUR" or the full name: the directory's record where it has one.
        from nethub.directory.selectors import OrganizationResolver

        application.organization = OrganizationResolver().resolve(application.organization_name)
    if cv_data is not None:
        _store_cv(application, cv_data, cv_filename)
    if submit and application.status in {Status.DRAFT, Status.MORE_INFO, Status.DECLINED}:
        if not application.consent_to_be_listed:
            raise RosterError(_("Please agree to be listed before you submit."))
        previous = application.status
        application.status, application.submitted_at = Status.SUBMITTED, timezone.now()
        application.save()
        ApplicationStep.objects.create(
            application=application, actor=actor, from_status=previous, to_status=Status.SUBMITTED
        )
        audit_record(actor=actor, subject=application, action="submitted", new_value="submitted")
    else:
        application.save()
        audit_record(actor=actor, subject=application, action="saved")
    for key in MANY:
        if key in values:
            getattr(application, key).set(values[key])
    _set_languages(application, languages)
    from nethub.roster.tasks import embed_profile

    _after_commit(embed_profile, application_id=application.pk)
    return application


@transaction.atomic
def application_decide(
    *, actor, application: ExpertApplication, to_status: str, note: str = "", internal=False
) -> ExpertApplication:
    """The secretariat moves an application on; the applicant hears of a request for more
    information, an acceptance or a decline by e-mail after commit."""
    application = ExpertApplication.objects.select_for_update().get(pk=application.pk)
    previous = application.status
    if to_status not in DECISIONS.get(previous, set()):
        raise RosterError(
            _("An application that is “%(status)s” cannot go to that step.")
            % {"status": application.get_status_display()}
        )
    application.status = to_status
    if to_status in {Status.ACCEPTED, Status.DECLINED}:
        application.decided_at = timezone.now()
    if to_status == Status.ACCEPTED:
        application.renewal_due = timezone.localdate() + datetime.timedelta(days=RENEWAL_DAYS)
    application.save(update_fields=["status", "decided_at", "renewal_due", "updated_at"])
    ApplicationStep.objects.create(
        application=application,
        actor=actor,
        from_status=previous,
        to_status=to_status,
        note=note,
        internal=internal,
    )
    audit_record(
        actor=actor,
        subject=application,
        action="status",
        field="status",
        old_value=previous,
        new_value=to_status,
        comment=note,
    )
    if to_status in APPLICANT_HEARS:
        from nethub.roster.tasks import notify_applicant

        _after_commit(notify_applicant, application_id=application.pk)
    return application


@transaction.atomic
def application_confirm_details(*, actor, application: ExpertApplication) -> ExpertApplication:
    """An accepted expert confirms their details are current: the next renewal is a year on."""
    application.renewal_due = timezone.localdate() + datetime.timedelta(days=RENEWAL_DAYS)
    application.save(update_fields=["renewal_due", "updated_at"])
    audit_record(actor=actor, subject=application, action="details confirmed")
    return application


# Peer review ---------------------------------------------------------------------------------


@transaction.atomic
def reviewers_assign(
    *, actor, item, experts: Iterable[tuple[ExpertApplication, str]], due_date=None
) -> list[ReviewAssignment]:
    """Invite experts to review `item`, each in a seat. Refuses (RosterError, nothing saved) an
    expert who is not accepted or who is conflicted with the item."""
    from nethub.roster.selectors import conflicts_with

    content_type = ContentType.objects.get_for_model(item)
    due_date = due_date or timezone.localdate() + datetime.timedelta(days=REVIEW_DAYS)
    created = []
    for expert, seat in experts:
        if expert.status != Status.ACCEPTED:
            raise RosterError(_("%(name)s is not on the roster.") % {"name": expert})
        reasons = conflicts_with(expert, item)
        if reasons:
            raise RosterError(
                _("%(name)s cannot review this: %(why)s")
                % {"name": expert, "why": "; ".join(reasons)}
            )
        assignment, was_created = ReviewAssignment.objects.get_or_create(
            content_type=content_type,
            object_id=item.pk,
            expert=expert,
            defaults={"seat": seat, "due_date": due_date, "assigned_by": actor},
        )
        if was_created:
            audit_record(actor=actor, subject=assignment, action="assigned", new_value=seat)
            from nethub.roster.tasks import notify_reviewer

            _after_commit(notify_reviewer, assignment_id=assignment.pk)
            created.append(assignment)
    return created


@transaction.atomic
def assignment_respond(*, actor, assignment: ReviewAssignment, accept: bool) -> ReviewAssignment:
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != ReviewAssignment.Status.INVITED:
        raise RosterError(_("You have already answered this invitation."))
    assignment.status = (
        ReviewAssignment.Status.ACCEPTED if accept else ReviewAssignment.Status.DECLINED
    )
    assignment.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, subject=assignment, action="status", new_value=assignment.status)
    return assignment


@transaction.atomic
def assignment_submit(
    *, actor, assignment: ReviewAssignment, verdict: str, scores: dict, comments: str
) -> ReviewAssignment:
    """A reviewer's structured review. Submitted once: a second post (a double click) changes
    nothing."""
    assignment = ReviewAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status not in {ReviewAssignment.Status.INVITED, ReviewAssignment.Status.ACCEPTED}:
        raise RosterError(_("This review was already submitted or declined."))
    assignment.verdict, assignment.comments = verdict, comments
    for name, value in scores.items():
        setattr(assignment, f"score_{name}", value)
    assignment.status, assignment.submitted_at = ReviewAssignment.Status.SUBMITTED, timezone.now()
    assignment.save()
    audit_record(actor=actor, subject=assignment, action="review submitted", new_value=verdict)
    return assignment


# Support requests -----------------------------------------------------------------------------


@transaction.atomic
def request_file(*, actor, values: dict, objectives=(), languages=()) -> SupportRequest:
    support_request = SupportRequest.objects.create(
        requested_by=actor, languages=sorted(set(languages)), **values
    )
    support_request.objectives.set(objectives)
    audit_record(actor=actor, subject=support_request, action="filed")
    return support_request


@transaction.atomic
def request_propose(*, actor, support_request: SupportRequest, matches) -> list[Proposal]:
    """Propose the matched experts (with their scores and reasons) to the requester."""
    proposals = []
    for match in matches:
        proposal, _created = Proposal.objects.update_or_create(
            request=support_request,
            expert_id=match.expert_id,
            defaults={"score": match.score, "explanation": match.reasons, "proposed_by": actor},
        )
        proposals.append(proposal)
    if support_request.status == SupportRequest.Status.OPEN and proposals:
        request_move(actor=actor, support_request=support_request, to_status="proposed")
    return proposals


@transaction.atomic
def request_move(
    *, actor, support_request: SupportRequest, to_status: str, outcome: str = ""
) -> SupportRequest:
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    previous = support_request.status
    if to_status not in REQUEST_STEPS.get(previous, set()):
        raise RosterError(_("The request cannot go to that step from where it is."))
    support_request.status = to_status
    if outcome:
        support_request.outcome = outcome
    support_request.save(update_fields=["status", "outcome", "updated_at"])
    audit_record(
        actor=actor,
        subject=support_request,
        action="status",
        field="status",
        old_value=previous,
        new_value=to_status,
        comment=outcome,
    )
    return support_request


def renewal_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail every accepted expert whose renewal date has come and who was not reminded since
    it was set; returns how many were reminded. Run daily (command `roster_renewals`)."""
    from nethub.roster.tasks import notify_renewal

    today = today or timezone.localdate()
    due = ExpertApplication.objects.filter(status=Status.ACCEPTED, renewal_due__lte=today).exclude(
        renewal_reminded_at__date__gte=models.F("renewal_due")
    )
    count = 0
    for application in due.iterator():
        with transaction.atomic():
            ExpertApplication.objects.filter(pk=application.pk).update(
                renewal_reminded_at=timezone.now()
            )
            _after_commit(notify_renewal, application_id=application.pk)
        count += 1
    return count
