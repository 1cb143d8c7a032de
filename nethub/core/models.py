"""Shared base models: timestamps and the audit trail every app writes to."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        """`get_<field>_display()`, as Django's, from a table of the field's choices made once:
        Django's makes a dict of every choice on each call, hashing (so translating) each
        label, which on a list page is most of a row's work."""
        if isinstance(field.choices, CallableChoiceIterator):  # choices that may change
            return super()._get_FIELD_display(field)
        labels = field.__dict__.get("_choice_labels")
        if labels is None:
            labels = field._choice_labels = {make_hashable(k): v for k, v in field.flatchoices}
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class StatusStep(models.Model):
    """One step of a record's workflow: who moved it, from what state to what, and the note
    they left. A concrete step adds the foreign key to its record and sets `statuses` (the
    record's TextChoices) for the label."""

    statuses: type[models.TextChoices] | None = None

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    note = models.TextField(_("note"), blank=True)
    occurred_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["occurred_at", "id"]

    @property
    def to_status_label(self) -> str:
        return self.statuses(self.to_status).label


class AuditEvent(models.Model):
    """One state change that people care about: who, when, on what, from what, to what."""

    occurred_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=64)
    field = models.CharField(_("field"), max_length=64, blank=True)
    old_value = models.TextField(_("from"), blank=True)
    new_value = models.TextField(_("to"), blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-occurred_at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.action} {self.field}: {self.old_value} → {self.new_value}"
