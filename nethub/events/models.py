"""The network's calendar: webinars, listening sessions, briefings, annual meetings, labs.

A meeting of the `meetings` app is an event too, but it is not copied here: the calendar's
selectors list Events and Meetings together (see selectors.calendar_page)."""

from __future__ import annotations

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LISTENING_SESSION = "listening_session", _("Listening session")
    MEETING = "meeting", _("Meeting")
    ANNUAL_MEETING = "annual_meeting", _("Annual meeting")
    BRIEFING = "briefing", _("Briefing")
    LAB = "lab", _("Lab")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBER_STATES = "member_states", _("Member States")
    STAKEHOLDERS = "stakeholders", _("Stakeholders")
    NETWORK = "network", _("Network members")


class Event(TimeStampedModel):
    """One event of the calendar. `starts_at`/`ends_at` are stored in UTC and shown in the
    event's own time zone and in the reader's."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    starts_on = models.DateField(_("date"), db_index=True, editable=False)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    date_is_approximate = models.BooleanField(
        _("month only"),
        default=False,
        help_text=_("The source gives the month, not the day: no time is shown."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, help_text=_("e.g. English, French, Spanish")
    )
    interpretation = models.BooleanField(_("interpretation"), default=False)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    organisers = models.ManyToManyField(
        "directory.Organization", verbose_name=_("organisers"), blank=True, related_name="+"
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    recording = models.ForeignKey(
        "library.Document",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary_document = models.ForeignKey(
        "library.Document",
        verbose_name=_("summary"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The document that names the event, with its date."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone) if self.ends_at else None

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @classmethod
    def search_queryset(cls):
        return cls.objects.prefetch_related("organisers")

    def search_document(self) -> SearchDocument | None:
        return SearchDocument(
            kind="event",
            title=self.title,
            text="\n\n".join(p for p in (self.title, self.description, self.place) if p),
            url=self.get_absolute_url(),
            date=self.starts_on,
            organizations=[org.slug for org in self.organisers.all()],
        )


class Registration(models.Model):
    """A person registered for an event: a confirmed place, or on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.event}"


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeedToken(models.Model):
    """The secret in a person's own calendar feed address (calendar apps cannot log in)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"calendar feed of {self.user}"
