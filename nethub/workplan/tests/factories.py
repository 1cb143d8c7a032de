"""Workplan records for tests, made through the services where a service exists."""

from __future__ import annotations

from nethub.workplan.models import Activity, Membership, Priority, WorkingGroup, Workplan

_n = iter(range(1, 10**6))


def workplan(status: str = "endorsed", **fields) -> Workplan:
    n = next(_n)
    return Workplan.objects.create(
        title=f"Workplan {n}",
        slug=f"workplan-{n}",
        status=status,
        start_year=2022,
        end_year=2024,
        **fields,
    )


def priority(wp: Workplan, number: str = "1", title: str = "Integration") -> Priority:
    return Priority.objects.create(workplan=wp, number=number, title=title, position=int(number))


def group(
    wp: Workplan,
    pr: Priority | None = None,
    title: str = "Working group on returns",
    co_lead=None,
    members=(),
) -> WorkingGroup:
    g = WorkingGroup.objects.create(workplan=wp, priority=pr, title=title)
    if co_lead is not None:
        Membership.objects.create(group=g, organization=co_lead, role="co_lead")
    for organization in members:
        Membership.objects.create(group=g, organization=organization, role="member")
    return g


def activity(
    g: WorkingGroup,
    title: str = "A guidance note",
    lead=None,
    contributors=(),
    status: str = "planned",
    progress: int = 0,
) -> Activity:
    a = Activity.objects.create(group=g, title=title, lead=lead, status=status, progress=progress)
    a.contributors.set(contributors)
    return a
