"""Background tasks of the calendar: registration e-mails and reminders."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from nethub.events.models import Registration


def _send(registration: Registration, subject: str, intro: str) -> None:
    event, user = registration.event, registration.user
    if not user.email:
        return
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        url = settings.SITE_URL.rstrip("/") + event.get_absolute_url()
        when = event.local_start.strftime("%Y-%m-%d %H:%M") + f" ({event.timezone})"
        body = "\n\n".join(
            part
            for part in (intro, f"{event.title}\n{when}", event.place, event.online_url, url)
            if part
        )
        send_mail(str(subject), body, None, [user.email])


@task()
def registration_notify(*, registration_id: int) -> str:
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None:
        return "missing"
    if registration.status == Registration.Status.CONFIRMED:
        _send(registration, _("Your place is confirmed"), _("Your place is confirmed for:"))
    elif registration.status == Registration.Status.WAITING:
        _send(registration, _("You are on the waiting list"), _("You are on the waiting list for:"))
    return registration.status


@task()
def registration_remind(*, registration_id: int) -> str:
    registration = (
        Registration.objects.select_related("event", "user").filter(pk=registration_id).first()
    )
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return "skipped"
    _send(
        registration,
        _("Reminder: %(title)s") % {"title": registration.event.title},
        _("A reminder of the event you registered for:"),
    )
    return "sent"
