"""Background tasks: importing a checked draft, for workers (runs inline without one)."""

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
