"""Events for the calendar's tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from nethub.events import services
from nethub.events.models import Event


def event_create(actor, *, days: int = 30, **kwargs) -> Event:
    starts = (timezone.now() + datetime.timedelta(days=days)).astimezone(datetime.UTC)
    kwargs.setdefault("kind", "webinar")
    kwargs.setdefault("title", "Webinar on regular pathways")
    kwargs.setdefault("tz", "Europe/Zurich")
    return services.event_create(
        actor=actor, starts=starts.replace(minute=0, second=0, microsecond=0), **kwargs
    )


def bulk_events(n: int) -> None:
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            kind="webinar",
            title=f"Event {i}",
            starts_at=now + datetime.timedelta(days=1 + i % 300),
            starts_on=(now + datetime.timedelta(days=1 + i % 300)).date(),
            timezone="UTC",
        )
        for i in range(n)
    )
