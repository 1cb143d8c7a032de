"""Reads of the workplan app; each page costs a fixed number of queries whatever the number
of priorities, groups and activities."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Avg, Count, Prefetch, Q, QuerySet

from nethub.core.predicates import is_secretariat
from nethub.meetings.models import ActionPoint
from nethub.workplan.models import (
    Activity,
    AskUptake,
    Membership,
    MembershipRequest,
    Priority,
    WorkingGroup,
    Workplan,
)

PUBLIC = (Workplan.Status.ENDORSED, Workplan.Status.CLOSED)


def workplan_list(*, user) -> QuerySet[Workplan]:
    workplans = Workplan.objects.select_related("endorsed_at__series", "consultation")
    if is_secretariat(user):
        return workplans
    visible = Q(status__in=PUBLIC)
    if user.is_authenticated and user.role:
        visible |= Q(status=Workplan.Status.CONSULTATION)
    return workplans.filter(visible)


@dataclass
class PriorityProgress:
    priority: Priority | None
    groups: list
    activities: int
    done: int
    average: float

    @property
    def percent(self) -> int:
        return round(self.average)


def _co_leads():
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("organization").order_by(
            "role", "organization__name"
        ),
    )


def workplan_progress(*, workplan: Workplan) -> list[PriorityProgress]:
    """Per priority: its groups (with co-leads and activity counts) and the progress of their
    activities (count, done, mean percentage). Four queries."""
    priorities = list(workplan.priorities.all())
    groups = list(
        workplan.groups.prefetch_related(_co_leads()).annotate(
            activity_count=Count("activities", distinct=True),
            done_count=Count("activities", filter=Q(activities__status="done"), distinct=True),
        )
    )
    figures = {
        row["group__priority"]: row
        for row in Activity.objects.filter(group__workplan=workplan)
        .exclude(status=Activity.Status.CANCELLED)
        .values("group__priority")
        .annotate(n=Count("pk"), done=Count("pk", filter=Q(status="done")), avg=Avg("progress"))
    }
    by_priority: dict = {p.pk: [] for p in priorities}
    for group in groups:
        by_priority.setdefault(group.priority_id, []).append(group)
    rows = []
    for priority in [*priorities, None]:
        key = priority.pk if priority else None
        row = figures.get(key, {})
        if priority is None and not by_priority.get(None):
            continue
        rows.append(
            PriorityProgress(
                priority=priority,
                groups=by_priority.get(key, []),
                activities=row.get("n", 0),
                done=row.get("done", 0),
                average=float(row.get("avg") or 0),
            )
        )
    return rows


def chart(rows: list[PriorityProgress]) -> dict:
    """Geometry of the horizontal bar chart of progress by priority (drawn as SVG)."""
    bar, gap, left, width = 22, 10, 0, 300
    bars = []
    for i, row in enumerate(rows):
        y = i * (bar + gap)
        bars.append(
            {
                "y": y,
                "text_y": y + bar * 0.7,
                "width": round(width * row.average / 100, 1),
                "label": str(row.priority.number if row.priority else "—"),
                "row": row,
            }
        )
    return {
        "bars": bars,
        "height": max(len(rows) * (bar + gap), bar),
        "width": width,
        "bar": bar,
        "left": left,
    }


def group_detail(*, pk: int) -> WorkingGroup:
    return (
        WorkingGroup.objects.select_related(
            "workplan", "priority", "terms_of_reference", "successor"
        )
        .prefetch_related(_co_leads(), "documents")
        .get(pk=pk)
    )


def group_activities(*, group: WorkingGroup) -> QuerySet[Activity]:
    return group.activities.select_related("lead").prefetch_related("contributors", "documents")


def group_meetings(*, group: WorkingGroup):
    return group.meetings.select_related("series").order_by("-date")


def group_action_points(*, group: WorkingGroup) -> QuerySet[ActionPoint]:
    """Action points of the meetings the group held (through WorkingGroup.meetings)."""
    return (
        ActionPoint.objects.filter(meeting__working_groups=group)
        .select_related("meeting__series", "owner_organization")
        .order_by("due_date", "pk")
    )


def activity_detail(*, pk: int) -> Activity:
    return (
        Activity.objects.select_related("group__workplan", "lead")
        .prefetch_related("contributors", "documents", "notes__author", "notes__organization")
        .get(pk=pk)
    )


def requests_to_decide(*, user) -> QuerySet[MembershipRequest]:
    """Pending requests the user may decide: all for the secretariat, their groups' (and their
    groups' priorities') for co-leads."""
    requests = MembershipRequest.objects.filter(
        status=MembershipRequest.Status.PENDING
    ).select_related("organization", "group__workplan", "priority__workplan", "interest")
    if is_secretariat(user):
        return requests
    if not (user.is_authenticated and user.organization_id):
        return requests.none()
    led = Membership.objects.filter(organization_id=user.organization_id, role="co_lead")
    return requests.filter(group__in=led.values("group"))


def my_groups(*, user) -> list[Membership]:
    if not (user.is_authenticated and user.organization_id):
        return []
    return list(
        Membership.objects.filter(organization_id=user.organization_id)
        .exclude(group__status="dropped")
        .select_related("group__workplan")
        .order_by("group__title")
    )


def ask_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def comparison(*, workplan: Workplan) -> dict:
    """The draft as opened for consultation against the text now (the endorsed one once
    endorsed): priorities and groups added, dropped and renamed; and each stakeholder ask
    the consultation's synthesis found, with the state the secretariat confirmed."""
    draft = {(i["kind"] == "priority", i["id"]): i for i in workplan.draft_snapshot or []}
    now = {(True, p.pk): p for p in workplan.priorities.all()}
    now |= {(False, g.pk): g for g in workplan.groups.all()}
    added, dropped, renamed = [], [], []
    for key, item in now.items():
        before = draft.get(key)
        if item.status == "dropped":
            if before is not None:
                dropped.append(item)
        elif before is None:
            added.append(item)
        elif before["title"] != item.title or before["number"] != item.number:
            renamed.append((before, item))
    dropped += [i for k, i in draft.items() if k not in now]
    asks = []
    if workplan.consultation_id:
        from nethub.consultations.asks import find_asks
        from nethub.consultations.selectors import export_comments

        uptakes = {
            (u.comment_id, u.ask_key): u
            for u in workplan.ask_uptakes.select_related("confirmed_by")
        }
        for comment in export_comments(consultation=workplan.consultation, include_hidden=False):
            for text in find_asks(comment.text):
                key = ask_key(text)
                asks.append(
                    {
                        "comment": comment,
                        "text": text,
                        "key": key,
                        "uptake": uptakes.get((comment.pk, key)),
                    }
                )
    return {
        "added": added,
        "dropped": dropped,
        "renamed": renamed,
        "asks": asks,
        "states": AskUptake.State.choices,
    }
