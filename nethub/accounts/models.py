"""People who log in, the role each has in the network, and invitations to join."""

import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    FOCAL_POINT = "focal_point", _("Focal point (UN entity)")
    STAKEHOLDER = "stakeholder", _("Stakeholder member")
    MEMBER_STATE = "member_state", _("Member State representative")
    NONE = "", _("No role")


class User(AbstractUser):
    """A person with an account. Their role and organisation decide what they may do."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, blank=True)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="users",
    )
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """The secretariat invites someone by e-mail to join an organisation with a role."""

    email = models.EmailField(_("e-mail"))
    organization = models.ForeignKey(
        "directory.Organization", verbose_name=_("organisation"), on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
