"""Background tasks of Discussion Spaces (enqueued after commit by the services)."""

from django_tasks import task

from nethub.consultations import notifications


@task()
def send_reply_notification(*, comment_id: int) -> None:
    notifications.reply_notify(comment_id=comment_id)


@task()
def send_moderation_notification(*, comment_id: int) -> None:
    notifications.moderation_notify(comment_id=comment_id)


@task()
def send_digests() -> int:
    return notifications.digests_send()
