"""What stakeholders comment on and say they want to join in a Discussion Space: the
priorities, working groups and workstreams of the draft workplan under consultation.

Those records belong to the `workplan` app, which stands above consultations. So that
consultations never imports it, comments and expressions of interest point at them through a
generic reference, and the workplan app registers a provider here (its AppConfig.ready):
which items a consultation offers, how the importer finds or records a priority or a group the
page names, and what follows when an organisation expresses interest (a membership request).
Without a provider a consultation offers nothing to join, and imports record interests without
a target.
"""

from __future__ import annotations

from typing import Protocol

from django.contrib.contenttypes.models import ContentType


class TargetProvider(Protocol):
    def for_consultation(self, consultation) -> list: ...

    def priority(self, consultation, *, number: str, title: str, status: str): ...

    def group(self, consultation, *, kind: str, number: str, title: str): ...

    def interest_expressed(self, interest, *, actor) -> None: ...

    def interest_withdrawn(self, interest, *, actor) -> None: ...


_provider: TargetProvider | None = None


def register(provider: TargetProvider) -> None:
    global _provider
    _provider = provider


def provider() -> TargetProvider | None:
    return _provider


def for_consultation(consultation) -> list:
    return list(_provider.for_consultation(consultation)) if _provider else []


def key(obj) -> str:
    """A stable key for a target in forms: content type and primary key."""
    return f"{ContentType.objects.get_for_model(obj).pk}-{obj.pk}"


def ref(obj) -> dict:
    """The generic-reference fields that point at `obj` (or at nothing)."""
    if obj is None:
        return {"target_type": None, "target_id": None}
    return {"target_type": ContentType.objects.get_for_model(obj), "target_id": obj.pk}
