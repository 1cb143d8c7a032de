"""Registrations with a cap and a waiting list, reminders after the commit, and the feeds."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from nethub.events import services
from nethub.events.models import Registration
from nethub.events.tests.factories import event_create

pytestmark = pytest.mark.django_db


def test_times_are_stored_in_utc_and_kept_in_their_zone(secretariat_user):
    event = services.event_create(
        actor=secretariat_user,
        kind="briefing",
        title="Briefing",
        tz="America/New_York",
        starts=datetime.datetime(2031, 7, 1, 10, 0),
    )
    assert event.starts_at == datetime.datetime(2031, 7, 1, 14, 0, tzinfo=datetime.UTC)
    assert event.local_start.hour == 10 and event.starts_on == datetime.date(2031, 7, 1)
    with pytest.raises(services.EventError):
        services.event_create(
            actor=secretariat_user,
            kind="lab",
            title="x",
            tz="Mars/Olympus",
            starts=datetime.datetime(2031, 7, 1, 10, 0),
        )
    with pytest.raises(services.EventError):
        services.event_create(
            actor=secretariat_user,
            kind="lab",
            title="x",
            tz="UTC",
            starts=datetime.datetime(2031, 7, 1, 10, 0),
            ends=datetime.datetime(2031, 7, 1, 9, 0),
        )


def test_cap_waiting_list_and_promotion(
    secretariat_user,
    stakeholder_user,
    focal_point_user,
    member_state_user,
    django_capture_on_commit_callbacks,
):
    event = event_create(secretariat_user, registration_open=True, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.registration_create(actor=stakeholder_user, event=event)
        second = services.registration_create(actor=focal_point_user, event=event)
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert [m.to for m in mail.outbox] == [
        ["stakeholder_user@example.org"],
        ["focal_user@example.org"],
    ]
    assert (
        services.registration_create(actor=stakeholder_user, event=event).pk == first.pk
    )  # no duplicate
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=stakeholder_user, event=event)
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert mail.outbox[-1].to == ["focal_user@example.org"]
    assert "confirmed" in mail.outbox[-1].subject


def test_registration_needs_the_permission(secretariat_user, stakeholder_user):
    event = event_create(secretariat_user, registration_open=False)
    with pytest.raises(PermissionDenied):
        services.registration_create(actor=stakeholder_user, event=event)
    assert not Registration.objects.exists()


def test_no_mail_when_the_transaction_rolls_back(
    secretariat_user, stakeholder_user, django_capture_on_commit_callbacks
):
    from django.db import transaction

    event = event_create(secretariat_user, registration_open=True)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.registration_create(actor=stakeholder_user, event=event)
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == [] and not Registration.objects.exists()


def test_reminders_sent_once_after_commit(
    secretariat_user, stakeholder_user, django_capture_on_commit_callbacks
):
    soon = event_create(secretariat_user, days=0, registration_open=True)
    soon.starts_at = soon.starts_at + datetime.timedelta(hours=5)
    soon.save(update_fields=["starts_at"])
    later = event_create(secretariat_user, days=10, registration_open=True, title="Later")
    services.registration_create(actor=stakeholder_user, event=soon)
    services.registration_create(actor=stakeholder_user, event=later)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_enqueue() == 1
    assert len(mail.outbox) == 1 and "Reminder" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_enqueue() == 0
