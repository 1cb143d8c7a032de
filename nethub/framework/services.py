"""Writes for the framework: its reference data, and tagging records with its elements."""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from nethub.core.models import AuditEvent
from nethub.core.services import audit_record
from nethub.framework.models import ElementKind, FrameworkElement, Tagging

DATA_FILE = Path(__file__).parent / "data" / "framework.json"


@transaction.atomic
def framework_load() -> int:
    """Load the GCM objectives, guiding principles, MPTF thematic areas and SDG targets.
    Idempotent: running it again updates titles and descriptions."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    other_languages = json.loads(
        (DATA_FILE.parent / "framework_translations.json").read_text(encoding="utf-8")
    )

    def upsert(kind, code, position, title, short_title="", description=""):
        local = other_languages.get(kind, {}).get(str(code), {})
        element, _ = FrameworkElement.objects.update_or_create(
            kind=kind,
            code=str(code),
            defaults={
                "position": position,
                "title": title,
                "short_title": short_title,
                "description": description,
                "translations": {
                    language: {"title": local_title, "short_title": local_short}
                    for language, (local_title, local_short) in local.items()
                },
            },
        )
        return element

    objectives = {}
    for number, title, short, description in data["objectives"]:
        objectives[number] = upsert(
            ElementKind.OBJECTIVE, number, number, title, short, description
        )
    for number, title, description in data["principles"]:
        upsert(ElementKind.PRINCIPLE, number, number, title, title, description)
    for number, title, objective_numbers in data["thematic_areas"]:
        area = upsert(ElementKind.THEMATIC_AREA, number, number, title)
        area.groups.set([objectives[n] for n in objective_numbers])
    for position, (code, title) in enumerate(data["sdg_targets"], start=1):
        upsert(ElementKind.SDG_TARGET, code, position, title, f"SDG target {code}")
    return FrameworkElement.objects.count()


def _tag_filter(obj: models.Model) -> dict:
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


@transaction.atomic
def tags_set(*, obj: models.Model, elements, actor) -> None:
    """Make `elements` the confirmed tags of `obj`; suggestions not among them are dropped."""
    wanted = {element.pk: element for element in elements}
    current = Tagging.objects.filter(**_tag_filter(obj))
    for tagging in current:
        if tagging.element_id not in wanted:
            audit_record(actor=actor, subject=obj, action="untagged", old_value=tagging.element)
            tagging.delete()
        elif tagging.status != Tagging.Status.CONFIRMED:
            tagging.status = Tagging.Status.CONFIRMED
            tagging.tagged_by = actor if actor and actor.is_authenticated else None
            tagging.save(update_fields=["status", "tagged_by"])
    existing = {tagging.element_id for tagging in current}
    for pk, element in wanted.items():
        if pk not in existing:
            Tagging.objects.create(
                element=element,
                status=Tagging.Status.CONFIRMED,
                tagged_by=actor if actor and actor.is_authenticated else None,
                **_tag_filter(obj),
            )
            audit_record(actor=actor, subject=obj, action="tagged", new_value=element)


@transaction.atomic
def tag_suggestions_record(
    *, obj: models.Model, scored: list[tuple[FrameworkElement, float]]
) -> None:
    """Replace nethub's suggestions for `obj`; tags a person confirmed are kept as they are."""
    Tagging.objects.filter(**_tag_filter(obj), status=Tagging.Status.SUGGESTED).delete()
    confirmed = set(Tagging.objects.filter(**_tag_filter(obj)).values_list("element_id", flat=True))
    Tagging.objects.bulk_create(
        [
            Tagging(
                element=element, status=Tagging.Status.SUGGESTED, score=score, **_tag_filter(obj)
            )
            for element, score in scored
            if element.pk not in confirmed
        ]
    )


@transaction.atomic
def tag_confirm(*, tagging: Tagging, actor) -> Tagging:
    tagging.status = Tagging.Status.CONFIRMED
    tagging.tagged_by = actor
    tagging.save(update_fields=["status", "tagged_by"])
    audit_record(
        actor=actor, subject=tagging.tagged, action="tag_confirmed", new_value=tagging.element
    )
    return tagging


@transaction.atomic
def tag_remove(*, tagging: Tagging, actor) -> None:
    audit_record(actor=actor, subject=tagging.tagged, action="untagged", old_value=tagging.element)
    tagging.delete()


@transaction.atomic
def tag_add(*, obj: models.Model, element: FrameworkElement, actor) -> Tagging:
    """Tag `obj` with `element`, confirmed; a suggestion of the same element is confirmed."""
    tagging, created = Tagging.objects.get_or_create(
        element=element,
        **_tag_filter(obj),
        defaults={"status": Tagging.Status.CONFIRMED, "tagged_by": actor},
    )
    if not created and tagging.status != Tagging.Status.CONFIRMED:
        return tag_confirm(tagging=tagging, actor=actor)
    if created:
        audit_record(actor=actor, subject=obj, action="tagged", new_value=element)
    return tagging


@transaction.atomic
def tag_suggestions_review(*, tagging_ids: list[int], confirm: bool, actor) -> int:
    """Confirm (or reject: delete) many suggested tags at once, each leaving an audit record
    on its record. Only suggestions are touched; returns how many. Secretariat only."""
    if not actor.has_perm("framework.review_suggestions"):
        raise PermissionDenied
    taggings = list(
        Tagging.objects.select_for_update()
        .filter(pk__in=tagging_ids, status=Tagging.Status.SUGGESTED)
        .select_related("element")
    )
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            content_type_id=tagging.content_type_id,
            object_id=tagging.object_id,
            action="tag_confirmed" if confirm else "untagged",
            old_value="" if confirm else str(tagging.element),
            new_value=str(tagging.element) if confirm else "",
        )
        for tagging in taggings
    )
    chosen = Tagging.objects.filter(pk__in=[tagging.pk for tagging in taggings])
    if confirm:
        chosen.update(status=Tagging.Status.CONFIRMED, tagged_by=actor)
    else:
        chosen.delete()
    return len(taggings)
