"""Background tasks of the library: processing an uploaded document, telling a practice's
submitter the review's decision."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from nethub.core.background import TrackedWork
from nethub.ingest.extract import IngestError
from nethub.library import services
from nethub.library.models import Document

# A document left "processing" by a dead worker is processed again, then failed with the reason
# (`recover_stalled_work`); failing removes its file and text like any failed document.
document_work = TrackedWork(
    model=Document,
    id_arg="document_id",
    processing={"status": Document.Status.PROCESSING},
    fail=lambda pk, reason: services.document_fail(document_id=pk, reason=reason),
    user_errors=(IngestError,),
)


@task()
@document_work.track
def document_process(*, document_id: int) -> str:
    document = services.document_process(document_id=document_id)
    return document.status if document else "missing"


@task()
def send_practice_decision(*, subject: str, body: str, email: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email], fail_silently=True)
