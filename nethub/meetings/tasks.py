"""Background tasks (run inline without a worker): reading an uploaded summary, importing a
checked draft, and the tracker's e-mails (assignments after commit; reminders daily and the
digest weekly, also as the commands `send_action_point_reminders` and `send_overdue_digest`)."""

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
    # A command or test may also save a draft still to check, as it stands.
    runnable={"status__in": [ImportDraft.Status.REVIEW, ImportDraft.Status.SAVING]},
    failed={"status": ImportDraft.Status.FAILED},
    retry_kwargs=lambda draft: {"actor_id": draft.created_by_id},
    user_errors=(IngestError,),
)


# Reading an upload: "reading" until its extraction is ready to check, or "unreadable" (file
# removed) with the reason on its page.
reading_work = TrackedWork(
    model=ImportDraft,
    id_arg="draft_id",
    processing={"status": ImportDraft.Status.READING},
    fail=lambda pk, reason: _unreadable(pk, reason),
    user_errors=(IngestError,),
)


def _unreadable(draft_id: int, reason: str) -> None:
    from nethub.meetings.services import import_draft_unreadable

    import_draft_unreadable(draft_id, reason)


@task()
@reading_work.track
def read_draft(*, draft_id: int) -> None:
    """Read an uploaded summary and extract its meeting, for the secretariat to check."""
    from nethub.meetings.services import import_draft_read

    import_draft_read(draft_id=draft_id)


@task()
@draft_work.track
def import_draft(*, draft_id: int, actor_id: int | None = None) -> int:
    """Save the meeting from an import draft as it stands; returns the meeting's id."""
    from nethub.accounts.models import User
    from nethub.meetings.services import import_draft_save

    draft = ImportDraft.objects.get(pk=draft_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return import_draft_save(draft=draft, actor=actor).pk


@task()
def send_action_point_assigned(*, action_point_id: int) -> int:
    """E-mail the owner organisation's people about a point newly assigned to it."""
    from nethub.meetings.notifications import assigned_notify

    return assigned_notify(action_point_id=action_point_id)


@task()
def send_action_point_reminders() -> dict[str, int]:
    """Daily: due-in-a-week reminders and overdue notices to the owners' people."""
    from nethub.meetings.notifications import reminders_send

    return reminders_send()


@task()
def send_overdue_digest() -> int:
    """Weekly: the overdue points to the secretariat."""
    from nethub.meetings.notifications import digest_send

    return digest_send()
