"""Writes for accounts: inviting someone into the network, and accepting the invitation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from nethub.accounts.models import Invitation, Role, User
from nethub.core.services import audit_record
from nethub.directory.models import Organization


def invitation_url(invitation: Invitation) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "accounts:invitation_accept", args=[invitation.token]
    )


def _invitation_send(invitation_id: int, language: str) -> None:
    invitation = Invitation.objects.select_related("organization", "invited_by").get(
        pk=invitation_id
    )
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    with override(language):
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_create(
    *, email: str, organization: Organization, role: str, actor: User, language: str = "en"
) -> Invitation:
    """Invite `email` to join `organization` with `role`. The e-mail leaves once the
    invitation is committed, so a rolled-back invitation never sends a link."""
    if role not in Role.values or role == Role.NONE:
        raise ValidationError(_("Choose a role for the invited person."))
    invitation = Invitation.objects.create(
        email=email.strip().lower(), organization=organization, role=role, invited_by=actor
    )
    audit_record(actor=actor, subject=invitation, action="invited", new_value=invitation.email)
    transaction.on_commit(lambda: _invitation_send(invitation.pk, language))
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
) -> User:
    """Create the invited person's account with the invitation's role and organisation.
    Refuses an expired or already used invitation, a taken user name, a weak password."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or has already been used."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("This user name is taken; choose another."))
    user = User(
        username=username,
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        organization=invitation.organization,
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    audit_record(actor=user, subject=invitation, action="accepted", new_value=user.username)
    return user
