"""Background work never stays "processing": a task that raises fails its record with the reason,
and a record whose worker died (kill -9) is enqueued again, then failed after max attempts."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nethub.core.background import stalled_work_recover, tracked_works
from nethub.library import services as library_services
from nethub.library.models import Document
from nethub.library.tests.factories import make_pdf
from nethub.meetings import services as meeting_services
from nethub.meetings.models import ImportDraft, Meeting
from nethub.meetings.tasks import import_draft

pytestmark = pytest.mark.django_db

TEXT = "The regional hub set up hotlines for migrants in transit and trained consular staff."
SUMMARY = """Executive Committee meeting
12 March 2024

Participants: Amy Pope (IOM), Filippo Grandi (UNHCR)

1. Workplan
The Committee agreed the workplan for 2024.
Action: IOM to circulate the revised workplan by 30 April 2024.
"""


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def database_queue(settings):
    """A task worker that is not running: enqueued tasks wait in the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _stuck_document(actor) -> Document:
    """A document whose processing task was enqueued and never finished (its worker was killed):
    upload without running the on-commit enqueue, then an hour without a heartbeat."""
    document = library_services.document_upload(
        actor=actor, data=make_pdf(TEXT), filename="hub.pdf", title="Hub", kind="other"
    )
    Document.objects.filter(pk=document.pk).update(
        work_heartbeat_at=timezone.now() - datetime.timedelta(hours=1)
    )
    return document


def _age(model, pk, minutes=45):
    model.objects.filter(pk=pk).update(
        work_heartbeat_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_every_processing_model_is_declared():
    labels = {work.label for work in tracked_works()}
    assert {"library.Document", "meetings.ImportDraft"} <= labels


def test_a_stalled_document_is_processed_again_and_becomes_ready(
    stakeholder_user, django_capture_on_commit_callbacks
):
    document = _stuck_document(stakeholder_user)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = stalled_work_recover(older_than=datetime.timedelta(minutes=30))
    assert outcome["library.Document"] == {"retried": 1, "failed": 0}
    document.refresh_from_db()
    assert document.status == Document.Status.READY and "hotlines" in document.text
    assert document.work_attempts == 2


def test_a_fresh_processing_document_is_left_alone(stakeholder_user):
    document = library_services.document_upload(
        actor=stakeholder_user, data=make_pdf(TEXT), filename="hub.pdf", title="Hub", kind="other"
    )
    outcome = stalled_work_recover(older_than=datetime.timedelta(minutes=30))
    assert outcome["library.Document"] == {"retried": 0, "failed": 0}
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSING and document.work_attempts == 1


@pytest.mark.django_db(transaction=True)
def test_a_document_killed_every_time_is_retried_then_failed_with_its_reason(
    client, stakeholder_user, database_queue, django_capture_on_commit_callbacks
):
    document = _stuck_document(stakeholder_user)
    queued = DBTaskResult.objects.filter(task_path="nethub.library.tasks.document_process")
    # The upload's task was taken by a worker that was then killed: it stays "running".
    queued.update(status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=1))
    orphan = queued.get()
    for attempt in (2, 3):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("recover_stalled_work", "--minutes", "30", "--max-attempts", "3")
        document.refresh_from_db()
        assert document.status == Document.Status.PROCESSING
        assert document.work_attempts == attempt
        assert queued.count() == attempt
        assert queued.last().args_kwargs["kwargs"] == {"document_id": document.pk}
        # The worker that took it is killed too: no heartbeat for 45 minutes.
        _age(Document, document.pk)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recover_stalled_work", "--minutes", "30", "--max-attempts", "3")
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "interrupted 3 times" in document.error
    assert not document.file and queued.count() == 3
    # The task result the dead worker left running is failed too, with what happened.
    orphan.refresh_from_db()
    assert orphan.status == "FAILED" and orphan.exception_class_path.endswith("WorkerLost")
    client.force_login(stakeholder_user)
    page = client.get(reverse("library:document_detail", args=[document.pk]))
    assert page.status_code == 200 and "interrupted 3 times" in page.text
    # A queued retry that finally runs finds the document failed and leaves it so.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED


def _saving_draft(actor) -> ImportDraft:
    draft, _created = meeting_services.import_draft_create(
        data=SUMMARY.encode(), filename="ec-2024-03-12.txt", actor=actor
    )
    _work_the_queue()  # the upload is read
    DBTaskResult.objects.all().delete()  # the tests below count the saving task's results
    draft.refresh_from_db()
    meeting_services.import_draft_submit(draft=draft, extraction=draft.extraction, actor=actor)
    return draft


def _work_the_queue() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_an_upload_is_read_by_the_worker_with_its_progress_on_its_page(
    client, secretariat_user, database_queue
):
    draft, _created = meeting_services.import_draft_create(
        data=SUMMARY.encode(), filename="ec-2024-03-12.txt", actor=secretariat_user
    )
    client.force_login(secretariat_user)
    review = reverse("meetings:import_review", args=[draft.pk])
    progress = reverse("meetings:import_progress", args=[draft.pk])
    waiting = client.get(review)
    assert (
        'data-testid="import-progress"' in waiting.text and f'hx-get="{progress}"' in waiting.text
    )
    assert "HX-Refresh" not in client.get(progress).headers
    _work_the_queue()
    draft.refresh_from_db()
    assert (draft.status, draft.progress) == (ImportDraft.Status.REVIEW, 100)
    assert draft.extraction["date"] == "2024-03-12"
    assert client.get(progress).headers["HX-Refresh"] == "true"
    assert "Check the extracted meeting" in client.get(review).text


@pytest.mark.django_db(transaction=True)
def test_a_stalled_reading_is_read_by_its_retry(
    secretariat_user, database_queue, django_capture_on_commit_callbacks
):
    draft, _created = meeting_services.import_draft_create(
        data=SUMMARY.encode(), filename="ec-2024-03-12.txt", actor=secretariat_user
    )
    DBTaskResult.objects.all().delete()  # the worker died with the task
    _age(ImportDraft, draft.pk)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = stalled_work_recover(older_than=datetime.timedelta(minutes=30))
    assert outcome["meetings.ImportDraft"]["retried"] == 1
    _work_the_queue()
    draft.refresh_from_db()
    assert draft.status == ImportDraft.Status.REVIEW and draft.extraction["participants"]


@pytest.mark.django_db(transaction=True)
def test_an_import_task_that_raises_fails_its_draft_with_the_reason_on_its_page(
    client, secretariat_user, database_queue
):
    draft = _saving_draft(secretariat_user)
    # The stored upload is lost before the worker runs (e.g. a disk replaced).
    draft.file.storage.delete(draft.file.name)
    import_draft.enqueue(draft_id=draft.pk, actor_id=secretariat_user.pk)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    draft.refresh_from_db()
    assert draft.status == ImportDraft.Status.FAILED
    assert "FileNotFoundError" in draft.error and not Meeting.objects.exists()
    assert DBTaskResult.objects.get().status == "FAILED"
    client.force_login(secretariat_user)
    page = client.get(reverse("meetings:import_review", args=[draft.pk]))
    assert 'data-testid="draft-failed"' in page.text and "FileNotFoundError" in page.text
    # The import page lists it too, so the failure is found without its address.
    listing = client.get(reverse("meetings:import"))
    assert 'data-testid="unfinished-imports"' in listing.text
    assert reverse("meetings:import_review", args=[draft.pk]) in listing.text
    # Nothing is processing any more, so the sweep has nothing to do.
    _age(ImportDraft, draft.pk)
    outcome = stalled_work_recover(older_than=datetime.timedelta(minutes=30))
    assert outcome["meetings.ImportDraft"] == {"retried": 0, "failed": 0}


@pytest.mark.django_db(transaction=True)
def test_a_stalled_import_is_saved_by_its_retry(
    secretariat_user, database_queue, django_capture_on_commit_callbacks
):
    draft = _saving_draft(secretariat_user)
    _age(ImportDraft, draft.pk)
    with django_capture_on_commit_callbacks(execute=True):
        stalled_work_recover(older_than=datetime.timedelta(minutes=30))
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["kwargs"] == {"draft_id": draft.pk, "actor_id": secretariat_user.pk}
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert not ImportDraft.objects.exists()
    assert Meeting.objects.get().date == datetime.date(2024, 3, 12)
