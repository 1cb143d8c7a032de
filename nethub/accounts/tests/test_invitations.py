"""Inviting people: the secretariat invites, the invitee joins with the role and organisation."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from nethub.accounts.models import Invitation, Role, User
from nethub.accounts.services import invitation_create
from nethub.core.models import AuditEvent
from nethub.directory.models import Organization

pytestmark = pytest.mark.django_db


def test_secretariat_invites_and_the_mail_leaves_after_commit(
    client, secretariat_user, django_capture_on_commit_callbacks
):
    unicef = Organization.objects.get(acronym="UNICEF")
    client.force_login(secretariat_user)
    assert client.get(reverse("accounts:invitation_create")).status_code == 200
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("accounts:invitation_create"),
            {"email": "New.Person@Example.org", "organization": unicef.pk, "role": "focal_point"},
        )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent before the transaction commits
    for callback in callbacks:
        callback()
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert (invitation.organization, invitation.role, invitation.invited_by) == (
        unicef,
        Role.FOCAL_POINT,
        secretariat_user,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert "UNICEF" in message.subject
    assert reverse("accounts:invitation_accept", args=[invitation.token]) in message.body
    assert AuditEvent.objects.filter(action="invited", object_id=invitation.pk).exists()


def test_invalid_invitation_form_shows_errors(client, secretariat_user):
    client.force_login(secretariat_user)
    response = client.post(reverse("accounts:invitation_create"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert Invitation.objects.count() == 0
    assert 'class="errorlist"' in response.content.decode()


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_only_the_secretariat_invites(client, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.post(
        reverse("accounts:invitation_create"),
        {
            "email": "x@example.org",
            "organization": Organization.objects.first().pk,
            "role": "stakeholder",
        },
    )
    if role == "anonymous":
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == 403
    assert not Invitation.objects.exists()


def _invitation(secretariat_user, **fields):
    return invitation_create(
        email="joiner@example.org",
        organization=Organization.objects.get(acronym="ILO"),
        role=Role.FOCAL_POINT,
        actor=secretariat_user,
        **fields,
    )


def test_invitee_chooses_name_and_password_and_is_logged_in(client, secretariat_user):
    invitation = _invitation(secretariat_user)
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    page = client.get(url)
    assert page.status_code == 200 and "International Labour Organization" in page.content.decode()
    response = client.post(
        url,
        {
            "username": "joiner",
            "first_name": "Jo",
            "last_name": "Iner",
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="joiner")
    assert (user.role, user.organization.acronym, user.email) == (
        Role.FOCAL_POINT,
        "ILO",
        "joiner@example.org",
    )
    assert user.check_password("a-long-enough-passphrase")
    home = client.get(reverse("core:home"))
    assert home.context["user"] == user
    invitation.refresh_from_db()
    assert invitation.accepted_user == user and invitation.accepted_at is not None
    # Used once: the link now refuses.
    again = client.get(url)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()


def test_weak_password_mismatch_and_taken_name_are_refused(client, secretariat_user):
    invitation = _invitation(secretariat_user)
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    weak = client.post(url, {"username": "j2", "password1": "123", "password2": "123"})
    assert weak.status_code == 200 and not User.objects.filter(username="j2").exists()
    differ = client.post(
        url,
        {"username": "j2", "password1": "long-pass-phrase-1", "password2": "long-pass-phrase-2"},
    )
    assert "The two passwords differ." in differ.content.decode()
    taken = client.post(
        url,
        {
            "username": secretariat_user.username.upper(),
            "password1": "long-pass-phrase-1",
            "password2": "long-pass-phrase-1",
        },
    )
    assert "This user name is taken" in taken.content.decode()
    invitation.refresh_from_db()
    assert invitation.is_usable


def test_expired_invitation_is_refused(client, secretariat_user):
    invitation = _invitation(secretariat_user)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    url = reverse("accounts:invitation_accept", args=[invitation.token])
    response = client.post(
        url,
        {"username": "late", "password1": "long-pass-phrase-1", "password2": "long-pass-phrase-1"},
    )
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not User.objects.filter(username="late").exists()
    assert client.get(reverse("accounts:invitation_accept", args=["nope"])).status_code == 404
