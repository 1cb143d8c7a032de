"""The workplan's side of a Discussion Space (see consultations/targets.py): the items a
consultation offers, the items an import names, and membership requests from interests."""

from __future__ import annotations

from nethub.core.slugs import unique_slug
from nethub.workplan import services
from nethub.workplan.models import Priority, WorkingGroup, Workplan


def workplan_for(consultation, *, create: bool) -> Workplan | None:
    """The workplan a consultation is about; an imported consultation without one gets a
    workplan in consultation, titled after the document it discusses."""
    workplan = Workplan.objects.filter(consultation=consultation).first()
    if workplan is None and create:
        title = consultation.document_title or consultation.title
        workplan = Workplan.objects.create(
            title=title[:255],
            slug=unique_slug(Workplan, title, fallback="workplan"),
            status=Workplan.Status.CONSULTATION,
            consultation=consultation,
        )
    return workplan


class WorkplanTargets:
    def for_consultation(self, consultation) -> list:
        workplan = workplan_for(consultation, create=False)
        if workplan is None:
            return []
        priorities = list(workplan.priorities.exclude(status="dropped"))
        groups = list(workplan.groups.exclude(status="dropped").select_related("priority"))
        return priorities + groups

    def priority(self, consultation, *, number: str, title: str, status: str) -> Priority:
        workplan = workplan_for(consultation, create=True)
        priority = workplan.priorities.filter(number=number).first()
        if priority is None:
            return Priority.objects.create(
                workplan=workplan,
                number=number,
                title=title[:255],
                novelty=status,
                position=int(number) if number.isdigit() else 0,
            )
        changed = [
            f for f, v in (("title", title), ("novelty", status)) if v and not getattr(priority, f)
        ]
        for field in changed:
            setattr(priority, field, title[:255] if field == "title" else status)
        if changed:
            priority.save(update_fields=changed)
        return priority

    def group(self, consultation, *, kind: str, number: str, title: str) -> WorkingGroup:
        workplan = workplan_for(consultation, create=True)
        group, _created = WorkingGroup.objects.get_or_create(
            workplan=workplan, kind=kind, number=number, title=title[:255]
        )
        return group

    def interest_expressed(self, interest, *, actor) -> None:
        services.membership_request_from_interest(interest=interest, actor=actor)

    def interest_withdrawn(self, interest, *, actor) -> None:
        services.membership_request_withdraw(interest=interest, actor=actor)
