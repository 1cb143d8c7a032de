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
