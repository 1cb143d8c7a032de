"""Background tasks of the library: processing an uploaded document, telling a practice's
submitter the review's decision."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from nethub.library import services


@task()
def document_process(*, document_id: int) -> str:
    document = services.document_process(document_id=document_id)
    return document.status if document else "missing"


@task()
def send_practice_decision(*, subject: str, body: str, email: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True)
