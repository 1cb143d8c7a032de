"""Background tasks: importing a checked draft, for workers (runs inline without one)."""

from django_tasks import task

from nethub.core.background import TrackedWork
from nethub.ingest.extract import IngestError
from nethub.meetings.models import ImportDraft

# A draft stays "saving" until its meeting is saved (the draft is then deleted); a task that
# raises, or dies and is given up by `recover_stalled_work`, leaves it "failed" with the reason
# on its review page.
draft_work = TrackedWork(
    model=ImportDraft,
    id_arg="draft_id",
    processing={"status": ImportDraft.Status.SAVING},
    failed={"status": ImportDraft.Status.FAILED},
    retry_kwargs=lambda draft: {"actor_id": draft.created_by_id},
    user_errors=(IngestError,),
)


@task()
@draft_work.track
def import_draft(*, draft_id: int, actor_id: int | None = None) -> int:
    """Save the meeting from an import draft as it stands; returns the meeting's id."""
    from nethub.accounts.models import User
    from nethub.meetings.services import meeting_import

    draft = ImportDraft.objects.get(pk=draft_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    with draft.file.open("rb") as handle:
        data = handle.read()
    meeting = meeting_import(
        data=data, filename=draft.filename, actor=actor, extraction=draft.extraction
    )
    draft.file.delete(save=False)
    draft.delete()
    return meeting.pk
