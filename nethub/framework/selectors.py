"""Reads for the framework: its elements, and what is tagged with each."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, Q, QuerySet

from nethub.framework.models import ElementKind, FrameworkElement, Tagging


def element_list(*, kind: str | None = None) -> QuerySet[FrameworkElement]:
    elements = FrameworkElement.objects.annotate(
        tagged_count=Count("taggings", filter=Q(taggings__status=Tagging.Status.CONFIRMED))
    )
    return elements.filter(kind=kind) if kind else elements


def objectives() -> QuerySet[FrameworkElement]:
    return FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).order_by("position")


def tags_for(obj: models.Model) -> QuerySet[Tagging]:
    return Tagging.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("element")


def tagged_records(
    *, element: FrameworkElement, include_suggested: bool = False, limit_per_kind: int = 50
) -> dict[str, list[models.Model]]:
    """What is tagged with `element`, grouped by the kind of record (its verbose name plural).
    One query for the taggings and one per kind of record, whatever their number."""
    taggings = Tagging.objects.filter(element=element).select_related("content_type")
    if not include_suggested:
        taggings = taggings.filter(status=Tagging.Status.CONFIRMED)
    ids_by_type: dict[ContentType, list[int]] = defaultdict(list)
    for tagging in taggings:
        ids_by_type[tagging.content_type].append(tagging.object_id)
    grouped: dict[str, list[models.Model]] = {}
    for content_type, ids in ids_by_type.items():
        model = content_type.model_class()
        if model is None:
            continue
        records = list(model._default_manager.filter(pk__in=ids[:limit_per_kind]))
        if records:
            grouped[str(model._meta.verbose_name_plural)] = records
    return grouped


def framework_overview() -> dict[str, list[FrameworkElement]]:
    """Every element by kind, thematic areas with the objectives they group (two queries)."""
    elements = FrameworkElement.objects.order_by("kind", "position").prefetch_related(
        models.Prefetch("groups", queryset=FrameworkElement.objects.order_by("position"))
    )
    overview: dict[str, list[FrameworkElement]] = {kind: [] for kind in ElementKind.values}
    for element in elements:
        overview[element.kind].append(element)
    return overview


def element_detail(*, kind: str, code: str) -> FrameworkElement:
    return FrameworkElement.objects.prefetch_related("groups", "grouped_in").get(
        kind=kind, code=code
    )


def tag_editor_state(*, obj: models.Model) -> dict:
    """The tags of `obj` split into confirmed and suggested (best first), and the elements
    that could still be added: two queries."""
    taggings = list(tags_for(obj))
    confirmed = [t for t in taggings if t.status == Tagging.Status.CONFIRMED]
    suggested = sorted(
        (t for t in taggings if t.status == Tagging.Status.SUGGESTED),
        key=lambda t: -(t.score or 0),
    )
    used = {t.element_id for t in taggings}
    addable = [e for e in FrameworkElement.objects.order_by("kind", "position") if e.pk not in used]
    return {"confirmed": confirmed, "suggested": suggested, "addable": addable}


def suggestion_queue(*, element_id: int | None = None, model: str = "") -> QuerySet[Tagging]:
    """Suggested tags waiting for a person, best-scored first, with their records: one query
    for the taggings and one per kind of record on the page (paginate before iterating)."""
    taggings = Tagging.objects.filter(status=Tagging.Status.SUGGESTED).select_related(
        "element", "content_type"
    )
    if element_id is not None:
        taggings = taggings.filter(element_id=element_id)
    if model:
        taggings = taggings.filter(content_type__model=model)
    return taggings.prefetch_related("tagged").order_by(
        models.F("score").desc(nulls_last=True), "pk"
    )


def suggestion_kinds() -> list[tuple[str, str]]:
    """The kinds of record that have suggestions waiting: (model name, its plural name)."""
    kinds = []
    for content_type in ContentType.objects.filter(
        pk__in=Tagging.objects.filter(status=Tagging.Status.SUGGESTED).values("content_type")
    ):
        model = content_type.model_class()
        if model is not None:
            kinds.append((content_type.model, str(model._meta.verbose_name_plural)))
    return sorted(kinds, key=lambda kind: kind[1])
