"""Writes shared by every app: the audit trail."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from nethub.core.models import AuditEvent


def audit_record(
    *,
    actor,
    subject: models.Model,
    action: str,
    field: str = "",
    old_value: object = "",
    new_value: object = "",
    comment: str = "",
) -> AuditEvent:
    """Record one change to `subject`. Call it inside the transaction that makes the change."""
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        action=action,
        field=field,
        old_value="" if old_value is None else str(old_value),
        new_value="" if new_value is None else str(new_value),
        comment=comment,
    )
