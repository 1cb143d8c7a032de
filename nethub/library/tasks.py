"""Background tasks of the library: processing an uploaded document."""

from django_tasks import task

from nethub.library import services


@task()
def document_process(*, document_id: int) -> str:
    document = services.document_process(document_id=document_id)
    return document.status if document else "missing"
