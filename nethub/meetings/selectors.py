"""Reads for meetings and the action tracker. List pages cost a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from nethub.core.selectors import audit_history
from nethub.framework.models import Tagging
from nethub.meetings.models import ActionPoint, ActionPointStatus, AgendaItem, Meeting

SORTS = {
    "due": ("due_date", "id"),
    "-due": ("-due_date", "-id"),
    "meeting": ("meeting__date", "position"),
    "-meeting": ("-meeting__date", "position"),
    "status": ("status", "due_date"),
    "owner": ("owner", "due_date"),
}
OPEN_STATUSES = (ActionPointStatus.OPEN, ActionPointStatus.IN_PROGRESS)


def meeting_list() -> QuerySet[Meeting]:
    return (
        Meeting.objects.select_related("series")
        .annotate(
            action_point_count=Count("action_points", distinct=True),
            open_count=Count(
                "action_points", filter=Q(action_points__status__in=OPEN_STATUSES), distinct=True
            ),
        )
        .order_by("-date", "-id")
    )


def meeting_detail(*, pk: int) -> Meeting:
    points = ActionPoint.objects.select_related("owner_organization").order_by("position")
    return (
        Meeting.objects.select_related("series")
        .prefetch_related(
            "participants__organization",
            "background_documents",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(
                    "decisions",
                    Prefetch("action_points", queryset=points),
                    "background_documents",
                ),
            ),
            Prefetch("reported_action_points", queryset=points.select_related("meeting")),
        )
        .get(pk=pk)
    )


def action_point_list(*, sort: str = "due") -> QuerySet[ActionPoint]:
    """Every action point with what its row shows, in one query (plus one for GCM tags)."""
    return (
        ActionPoint.objects.select_related(
            "meeting", "meeting__series", "agenda_item", "owner_organization"
        )
        .prefetch_related(
            Prefetch(
                "taggings",
                queryset=Tagging.objects.filter(status=Tagging.Status.CONFIRMED).select_related(
                    "element"
                ),
            )
        )
        .order_by(*SORTS.get(sort, SORTS["due"]))
    )


def action_point_detail(*, pk: int) -> ActionPoint:
    return (
        ActionPoint.objects.select_related(
            "meeting", "meeting__series", "agenda_item", "owner_organization"
        )
        .prefetch_related("reported_in")
        .get(pk=pk)
    )


def action_point_history(*, action_point: ActionPoint):
    return audit_history(subject=action_point)


def overdue_count() -> int:
    return ActionPoint.objects.filter(
        status__in=OPEN_STATUSES, due_date__lt=timezone.localdate()
    ).count()


# Items the extractor is less sure of than this are shown first on the review page.
REVIEW_BELOW = 0.75


def import_review_marks(text: str, extraction: dict) -> tuple[list[dict], list[dict]]:
    """(parts of the source text, items to check first) for the import review page.

    Parts: the text cut at the spans the extracted items came from, each marked part naming
    its item (`anchor`, the id of the item's row) and whether it is one to check (`low`).
    Items to check: the points and participants below REVIEW_BELOW confidence, lowest first."""
    spans, to_check = [], []
    for i, item in enumerate(extraction.get("agenda_items", [])):
        for j, point in enumerate(item.get("action_points", [])):
            _mark(spans, to_check, point, f"ap-{i}-{j}", point.get("text", ""))
    for k, person in enumerate(extraction.get("participants", [])):
        _mark(spans, to_check, person, f"p-{k}", person.get("name", ""))
    parts, cursor = [], 0
    for start, end, anchor, low in sorted(spans):
        if start < cursor or end > len(text):
            continue  # overlapping spans: the first one is marked
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        parts.append({"text": text[start:end], "anchor": anchor, "low": low})
        cursor = end
    parts.append({"text": text[cursor:]})
    to_check.sort(key=lambda item: item["confidence"])
    return parts, to_check


def _mark(spans: list, to_check: list, item: dict, anchor: str, label: str) -> None:
    confidence = item.get("confidence", 1.0)
    low = confidence < REVIEW_BELOW
    span = item.get("span")
    if span and len(span) == 2 and span[0] is not None and span[0] < span[1]:
        spans.append((span[0], span[1], anchor, low))
    if low:
        to_check.append(
            {"anchor": anchor, "label": label, "confidence": confidence, "rule": item.get("rule")}
        )


def owner_choices() -> list[str]:
    """What an action point's owner can be chosen from: the directory's organisations (their
    acronyms) and the network's bodies; any other body can still be typed."""
    from nethub.directory.models import Organization
    from nethub.meetings.extract.names import BODIES

    acronyms = Organization.objects.exclude(acronym="").order_by("acronym")
    return [*dict.fromkeys([name for name, _pattern in BODIES])] + list(
        acronyms.values_list("acronym", flat=True).distinct()
    )
