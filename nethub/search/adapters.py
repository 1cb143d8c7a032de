"""`search_document()` for models of other apps that do not define one (people), so that they
are searchable without changes to those apps."""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch

from nethub.core.searchable import SearchDocument

ADAPTERS: dict[str, Callable[[models.Model], SearchDocument | None]] = {}


def adapter(label: str):
    def register(function):
        ADAPTERS[label] = function
        return function

    return register


def _url(obj: models.Model) -> str:
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


@adapter("directory.person")
def person_document(person) -> SearchDocument | None:
    organization = person.organization
    lines = [person.title]
    if organization is not None:
        lines.append(organization.display_name)
    return SearchDocument(
        kind="person",
        title=" ".join(part for part in (person.honorific, person.name) if part),
        text="\n".join(line for line in lines if line),
        url=_url(person) or (_url(organization) if organization else ""),
        language="en",
        organizations=[organization.slug] if organization else [],
        countries=[organization.country.iso2] if organization and organization.country else [],
        organization_kinds=[organization.kind] if organization else [],
        suggest_tags=False,
    )


def document_for(obj: models.Model) -> SearchDocument | None:
    """What `obj` tells the index about itself; None when it is not public or not searchable."""
    if hasattr(obj, "search_document"):
        return obj.search_document()
    function = ADAPTERS.get(obj._meta.label_lower)
    return function(obj) if function else None


def searchable_models() -> list[type[models.Model]]:
    """Every model that has `search_document()` or an adapter, discovered through the app
    registry (so a new app's models are picked up by `manage.py reindex`)."""
    return [
        model
        for model in apps.get_models()
        if hasattr(model, "search_document") or model._meta.label_lower in ADAPTERS
    ]


# The records to index in bulk for models indexed through an adapter.
ADAPTER_QUERYSETS = {
    "directory.person": lambda model: model._default_manager.select_related(
        "organization__country"
    ),
}


def queryset_for(model: type[models.Model]):
    """The records to index in bulk: each searchable model declares `search_queryset()` (a
    classmethod with its select_related/prefetch_related), so that a rebuild reads a batch in a
    fixed number of queries, never one per record."""
    if hasattr(model, "search_queryset"):
        return model.search_queryset().order_by("pk")
    return ADAPTER_QUERYSETS[model._meta.label_lower](model).order_by("pk")
