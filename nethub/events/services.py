"""Writes of the calendar: events, registrations (with a cap and a waiting list), reminders."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.core.services import audit_record
from nethub.events.models import CalendarFeedToken, Event, Registration
from nethub.search.hooks import record_saved


class EventError(ValueError):
    """A request the event's state does not allow; the message is for users."""


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise EventError(_("Unknown time zone: %(zone)s.") % {"zone": name}) from error


def _after_commit(task, **kwargs) -> None:
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@transaction.atomic
def event_create(
    *,
    actor,
    kind: str,
    title: str,
    starts: datetime.datetime,
    tz: str = "UTC",
    ends: datetime.datetime | None = None,
    description: str = "",
    date_is_approximate: bool = False,
    place: str = "",
    online_url: str = "",
    languages: str = "",
    interpretation: bool = False,
    audience: str = "public",
    organisers: Iterable = (),
    registration_open: bool = False,
    capacity: int | None = None,
    source: str = "",
) -> Event:
    """Schedule an event. `starts`/`ends` are wall-clock times in the zone `tz` (naive) or
    aware datetimes; they are stored in UTC."""
    zone = _zone(tz)
    if timezone.is_naive(starts):
        starts = starts.replace(tzinfo=zone)
    if ends is not None and timezone.is_naive(ends):
        ends = ends.replace(tzinfo=zone)
    if ends is not None and ends <= starts:
        raise EventError(_("The event must end after it starts."))
    if capacity is not None and capacity < 1:
        raise EventError(_("The number of places must be at least 1."))
    event = Event.objects.create(
        kind=kind,
        title=title.strip(),
        description=description,
        starts_at=starts,
        ends_at=ends,
        starts_on=starts.astimezone(zone).date(),
        timezone=tz,
        date_is_approximate=date_is_approximate,
        place=place,
        online_url=online_url,
        languages=languages,
        interpretation=interpretation,
        audience=audience,
        registration_open=registration_open,
        capacity=capacity,
        source=source,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    event.organisers.set(organisers)
    audit_record(actor=actor, subject=event, action="created")
    record_saved(event)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, **fields) -> Event:
    """Change an event (e.g. attach its recording or summary, cancel it)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    organisers = fields.pop("organisers", None)
    for name, value in fields.items():
        old = getattr(event, name)
        if old != value:
            setattr(event, name, value)
            audit_record(actor=actor, subject=event, action="changed", field=name,
                         old_value=old, new_value=value)  # fmt: skip
    event.starts_on = event.starts_at.astimezone(event.zone).date()
    event.save()
    if organisers is not None:
        event.organisers.set(organisers)
    record_saved(event)
    return event


@transaction.atomic
def registration_create(*, actor, event: Event) -> Registration:
    """Register the actor: a confirmed place while places remain, else the waiting list. The
    event row is locked so two people never take the last place. A confirmation e-mail is
    sent after the commit."""
    from nethub.events.tasks import registration_notify

    if not actor.has_perm("events.register", event):
        raise PermissionDenied(_("Registration is not open to you for this event."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(event=event, user=actor).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        return registration
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    status = (
        Registration.Status.WAITING
        if event.capacity is not None and confirmed >= event.capacity
        else Registration.Status.CONFIRMED
    )
    if registration is None:
        registration = Registration.objects.create(event=event, user=actor, status=status)
    else:
        registration.status = status
        registration.save(update_fields=["status"])
    audit_record(actor=actor, subject=event, action="registered", new_value=status)
    _after_commit(registration_notify, registration_id=registration.pk)
    return registration


@transaction.atomic
def registration_cancel(*, actor, event: Event) -> Registration | None:
    """Cancel the actor's registration; the first person waiting takes the freed place (and
    is told after the commit)."""
    from nethub.events.tasks import registration_notify

    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = Registration.objects.filter(event=event, user=actor).first()
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return registration
    freed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    audit_record(actor=actor, subject=event, action="registration_cancelled")
    if freed:
        waiting = (
            event.registrations.filter(status=Registration.Status.WAITING)
            .order_by("created_at", "id")
            .first()
        )
        if waiting is not None:
            waiting.status = Registration.Status.CONFIRMED
            waiting.save(update_fields=["status"])
            _after_commit(registration_notify, registration_id=waiting.pk)
    return registration


def reminders_due(*, within: datetime.timedelta = datetime.timedelta(hours=24)):
    now = timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__status=Event.Status.SCHEDULED,
        event__date_is_approximate=False,
        event__starts_at__gt=now,
        event__starts_at__lte=now + within,
    )


@transaction.atomic
def reminders_enqueue(*, within: datetime.timedelta = datetime.timedelta(hours=24)) -> int:
    """Mark the confirmed registrations of events starting within `within` as reminded and
    send their reminders after the commit (each person once). Run it regularly
    (`manage.py events_send_reminders`)."""
    from nethub.events.tasks import registration_remind

    ids = list(reminders_due(within=within).select_for_update().values_list("pk", flat=True))
    Registration.objects.filter(pk__in=ids).update(reminded_at=timezone.now())
    for registration_id in ids:
        _after_commit(registration_remind, registration_id=registration_id)
    return len(ids)


@transaction.atomic
def feed_token_get_or_create(*, actor) -> CalendarFeedToken:
    token, _created = CalendarFeedToken.objects.get_or_create(user=actor)
    return token


@transaction.atomic
def feed_token_reset(*, actor) -> CalendarFeedToken:
    CalendarFeedToken.objects.filter(user=actor).delete()
    audit_record(actor=actor, subject=actor, action="calendar_feed_reset")
    return CalendarFeedToken.objects.create(user=actor)
