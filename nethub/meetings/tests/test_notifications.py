"""Tracker e-mails: to the owner's people on assignment, a week before due and when overdue
(each once per due date), the weekly digest to the secretariat; opt-out, language, SITE_URL."""

import datetime
import io
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from nethub.meetings import notifications, services
from nethub.meetings.models import TrackerEmailOptOut
from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = pytest.mark.django_db


def _today() -> datetime.date:
    """Today as the code under test reads it, read when used: a suite that runs across
    midnight would otherwise set due dates from the day before."""
    return timezone.localdate()


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://hub.example.net"
    return settings.SITE_URL


def test_assignment_emails_the_owners_people_after_commit(
    reference_data,
    focal_point_user,
    secretariat_user,
    stakeholder_user,
    site_url,
    django_capture_on_commit_callbacks,
):
    point = ActionPointFactory(text="Map the return programmes")
    with django_capture_on_commit_callbacks() as callbacks:
        services.action_point_assign_owner(
            action_point=point, organization=focal_point_user.organization, actor=secretariat_user
        )
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [[focal_point_user.email]]
    message = mail.outbox[0]
    assert "Map the return programmes" in message.subject
    assert f"{site_url}{point.get_absolute_url()}" in message.body
    assert f"{site_url}/meetings/tracker/emails/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{site_url}/")


def test_import_tells_owners_of_points_newly_theirs(
    reference_data, focal_point_user, django_capture_on_commit_callbacks
):
    from conftest import fixture_path
    from nethub.meetings.services import meeting_import

    path = fixture_path("ec-principals-2021-05-05.txt")
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_import(data=path.read_bytes(), filename=path.name, actor=None)
    owned = meeting.action_points.filter(owner_organization=focal_point_user.organization)
    assert len(mail.outbox) == owned.count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_import(data=path.read_bytes(), filename=path.name, actor=None)
    assert mail.outbox == []  # a re-import assigns nothing new


def test_reminders_once_per_due_date_and_overdue_notices(reference_data, focal_point_user):
    org = focal_point_user.organization
    soon = ActionPointFactory(
        owner_organization=org, due_date=_today() + datetime.timedelta(days=7)
    )
    late = ActionPointFactory(
        owner_organization=org, due_date=_today() - datetime.timedelta(days=1)
    )
    ActionPointFactory(owner_organization=org, due_date=_today() + datetime.timedelta(days=8))
    ActionPointFactory(
        owner_organization=org, due_date=_today() - datetime.timedelta(days=3), status="done"
    )
    ActionPointFactory(due_date=_today() - datetime.timedelta(days=3))  # no owner organisation
    assert notifications.reminders_send() == {"due_soon": 1, "overdue": 1}
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [f"Due in a week: {soon.text}", f"Overdue: {late.text}"]
    # The next day's run sends nothing again...
    mail.outbox.clear()
    assert notifications.reminders_send() == {"due_soon": 0, "overdue": 0}
    # ...until the due date moves: the new date reminds again.
    soon.due_date = _today() + datetime.timedelta(days=3)
    soon.save()
    call_command("send_action_point_reminders", stdout=io.StringIO())
    assert [m.subject for m in mail.outbox] == [f"Due in a week: {soon.text}"]


def test_weekly_digest_to_the_secretariat(
    reference_data, secretariat_user, focal_point_user, site_url
):
    ActionPointFactory(
        owner_organization=focal_point_user.organization,
        due_date=_today() - datetime.timedelta(days=2),
        text="Late one",
    )
    ActionPointFactory(
        owner="Coordinator", due_date=_today() - datetime.timedelta(days=9), text="Late two"
    )
    ActionPointFactory(due_date=_today() + datetime.timedelta(days=9), text="Not late")
    call_command("send_overdue_digest", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[secretariat_user.email]]
    body = mail.outbox[0].body
    assert "2 action points are overdue" in body
    assert "Late one" in body and "Late two" in body and "Not late" not in body
    assert f"{site_url}/meetings/tracker/?overdue=true" in body


def test_no_digest_when_nothing_is_overdue(reference_data, secretariat_user):
    ActionPointFactory(due_date=_today() + datetime.timedelta(days=9))
    assert notifications.digest_send() == 0 and mail.outbox == []


def test_opt_out_link_stops_and_resumes(client, reference_data, focal_point_user):
    org = focal_point_user.organization
    point = ActionPointFactory(owner_organization=org, due_date=_today())
    url = urlsplit(notifications.opt_out_url(user_id=focal_point_user.pk)).path
    page = client.get(url)
    assert page.status_code == 200 and not TrackerEmailOptOut.objects.exists()
    client.post(url, {"receive": "0"})
    assert TrackerEmailOptOut.objects.filter(user=focal_point_user).exists()
    assert notifications.assigned_notify(action_point_id=point.pk) == 0
    assert notifications.reminders_send()["due_soon"] == 0
    client.post(url, {"receive": "1"})
    assert notifications.assigned_notify(action_point_id=point.pk) == 1
    # A forged token is refused.
    assert client.get(reverse("meetings:email_opt_out", args=["forged"])).status_code == 403


def test_emails_in_the_readers_language(reference_data, focal_point_user):
    focal_point_user.preferred_language = "es"
    focal_point_user.save(update_fields=["preferred_language"])
    point = ActionPointFactory(
        owner_organization=focal_point_user.organization, due_date=datetime.date(2031, 5, 5)
    )
    notifications.assigned_notify(action_point_id=point.pk)
    body = mail.outbox[0].body
    assert "5 de mayo de 2031" in body
    assert "Hello" not in body


def test_signed_in_people_find_their_email_settings_on_the_tracker(client, focal_point_user):
    assert "E-mails about action points" not in client.get(reverse("meetings:tracker")).text
    client.force_login(focal_point_user)
    page = client.get(reverse("meetings:tracker")).text
    start = page.index('href="/meetings/tracker/emails/') + len('href="')
    settings_page = client.get(page[start : page.index('"', start)])
    assert settings_page.status_code == 200
    assert "Stop these e-mails" in settings_page.text


def test_digest_lists_due_dates_waiting_for_a_decision(
    reference_data, secretariat_user, focal_point_user, client
):
    point = ActionPointFactory(
        owner_organization=focal_point_user.organization,
        due_date=_today() + datetime.timedelta(days=20),
        text="Needs more time",
    )
    services.action_point_propose_due_date(
        action_point=point, due_date=_today() + datetime.timedelta(days=50), actor=focal_point_user
    )
    assert notifications.digest_send() == 1
    body = mail.outbox[0].body
    assert "New due dates proposed, waiting for your decision" in body
    assert "Needs more time" in body and "?proposed=true" in body
    # The secretariat sees them counted on the tracker, and the count filters.
    client.force_login(secretariat_user)
    page = client.get(reverse("meetings:tracker"))
    assert page.context["summary"].proposed == 1
    assert "due dates to decide" in page.text
    listed = client.get(reverse("meetings:tracker"), {"proposed": "true"})
    assert [p.text for p in listed.context["page_obj"]] == ["Needs more time"]
