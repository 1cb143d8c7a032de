"""E-mails of the roster, sent by the task worker after the decision is committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from nethub.roster.models import ExpertApplication, ReviewAssignment


@task()
def notify_applicant(*, application_id: int) -> bool:
    """Tell the applicant the secretariat's decision, in the language of their application."""
    application = (
        ExpertApplication.objects.select_related("applicant").filter(pk=application_id).first()
    )
    if application is None or not application.applicant.email:
        return False
    note = application.steps.filter(internal=False).order_by("-occurred_at", "-id").first()
    with translation.override(application.language):
        body = render_to_string(
            "roster/email/decision.txt",
            {"application": application, "note": note, "site_url": settings.SITE_URL},
        )
        subject = render_to_string(
            "roster/email/decision_subject.txt", {"application": application}
        ).strip()
    send_mail(subject, body, None, [application.applicant.email])
    return True


@task()
def notify_reviewer(*, assignment_id: int) -> bool:
    assignment = (
        ReviewAssignment.objects.select_related("expert__applicant")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not assignment.expert.applicant.email:
        return False
    with translation.override(assignment.expert.language):
        body = render_to_string(
            "roster/email/review_invitation.txt",
            {"assignment": assignment, "site_url": settings.SITE_URL},
        )
        subject = render_to_string("roster/email/review_invitation_subject.txt", {}).strip()
    send_mail(subject, body, None, [assignment.expert.applicant.email])
    return True


@task()
def notify_renewal(*, application_id: int) -> bool:
    """Ask an expert to confirm their details are still current."""
    application = (
        ExpertApplication.objects.select_related("applicant").filter(pk=application_id).first()
    )
    if application is None or not application.applicant.email:
        return False
    with translation.override(application.language):
        body = render_to_string(
            "roster/email/renewal.txt", {"application": application, "site_url": settings.SITE_URL}
        )
        subject = render_to_string("roster/email/renewal_subject.txt", {}).strip()
    send_mail(subject, body, None, [application.applicant.email])
    return True


@task()
def embed_profile(*, application_id: int) -> bool:
    """Embed an expert's summary, themes and CV for matching; nothing where semantic search is
    off (SEARCH_SEMANTIC=0)."""
    if not settings.SEARCH_SEMANTIC:
        return False
    from nethub.search.embeddings import encode, to_bytes

    application = ExpertApplication.objects.filter(pk=application_id).first()
    if application is None:
        return False
    text = application.profile_text()
    vector = to_bytes(encode([text])[0]) if text else None
    ExpertApplication.objects.filter(pk=application_id).update(profile_vector=vector)
    return True
