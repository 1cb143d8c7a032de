"""Reads shared by every app: the audit trail and the home page's live counts."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from nethub.core.models import AuditEvent

# What the home page counts: (app label, model name, label). Models that do not exist yet
# (an app not built) are skipped, so the home page never breaks on a missing capability.
HOME_COUNTS = [
    ("directory", "Organization", _("organisations")),
    ("directory", "Country", _("countries")),
    ("framework", "FrameworkElement", _("framework elements")),
    ("meetings", "Meeting", _("meetings")),
    ("meetings", "ActionPoint", _("action points")),
    ("consultations", "Consultation", _("consultations")),
    ("consultations", "Comment", _("comments")),
    ("library", "Document", _("library documents")),
]


def audit_history(*, subject: models.Model) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("actor")


def home_counts() -> list[tuple[str, int]]:
    counts = []
    for app_label, model_name, label in HOME_COUNTS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        counts.append((label, model._default_manager.count()))
    return counts
