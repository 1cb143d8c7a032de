"""Background tasks (run inline without a worker): importing a checked draft, and the
tracker's e-mails (assignments after commit; reminders daily and the digest weekly, also as
the commands `send_action_point_reminders` and `send_overdue_digest`)."""

from django_tasks import task


@task()
def import_draft(*, draft_id: int, actor_id: int | None = None) -> int:
    """Save the meeting from an import draft as it stands; returns the meeting's id."""
    from nethub.accounts.models import User
    from nethub.meetings.models import ImportDraft
    from nethub.meetings.services import meeting_import

    draft = ImportDraft.objects.get(pk=draft_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    with draft.file.open("rb") as handle:
        data = handle.read()
    meeting = meeting_import(
        data=data,
        filename=draft.filename,
        actor=actor,
        extraction=draft.extraction,
        meeting=draft.meeting,  # the planned meeting the summary fills, if any
    )
    draft.file.delete(save=False)
    draft.delete()
    return meeting.pk


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
