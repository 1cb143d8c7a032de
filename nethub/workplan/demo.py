"""Demo workplans, from what the fixtures name and nothing more: the 2022-2024 draft discussed
in the Discussion Space fixture (its priorities as the page names them, the consultation
attached, its expressions of interest turned into membership requests), and the workplan the
EC Principals endorsed on 5 May 2021, with the regular-pathways working group (TWG3) that
the page says the draft no longer carries. Only what is missing is added."""

from __future__ import annotations

import datetime
from pathlib import Path

from nethub.consultations.models import Consultation
from nethub.meetings.models import Meeting
from nethub.workplan import services
from nethub.workplan.consultation import workplan_for
from nethub.workplan.models import MembershipRequest, WorkingGroup, Workplan

FIXTURE = "discussion-space-draft-workplan-2022-2024.txt"
ENDORSED_SLUG = "network-workplan-2021-2022"


def _endorsed_2021(stdout) -> Workplan | None:
    meeting = Meeting.objects.filter(date=datetime.date(2021, 5, 5)).first()
    workplan = Workplan.objects.filter(slug=ENDORSED_SLUG).first()
    if workplan is not None or meeting is None:
        return workplan
    decision = meeting.decisions.filter(text__icontains="workplan").first()
    workplan = Workplan.objects.create(
        title="Network workplan 2021–2022",
        slug=ENDORSED_SLUG,
        start_year=2021,
        end_year=2022,
        status=Workplan.Status.ENDORSED,
        endorsed_on=meeting.date,
        endorsed_at=meeting,
        endorsement_decision=decision,
    )
    # The Discussion Space names it: TWG3, dropped from the 2022-2024 draft.
    WorkingGroup.objects.create(
        workplan=workplan,
        number="TWG3",
        status="dropped",
        title="Enhancing regular pathways for migrants in vulnerable situations",
    )
    stdout.write(f"Workplan: {workplan} endorsed at {meeting}.")
    return workplan


def load(*, fixtures_dir: Path | None, stdout) -> None:
    previous = _endorsed_2021(stdout)
    consultation = Consultation.objects.filter(source=FIXTURE).first()
    if consultation is None:
        return
    workplan = workplan_for(consultation, create=True)
    changed = []
    if workplan.start_year is None:
        workplan.start_year, workplan.end_year = 2022, 2024
        changed += ["start_year", "end_year"]
    if workplan.previous_id is None and previous is not None:
        workplan.previous = previous
        changed.append("previous")
    if not workplan.draft_snapshot:
        workplan.draft_snapshot = services._snapshot(workplan)
        changed.append("draft_snapshot")
    if changed:
        workplan.save(update_fields=changed)
    made = 0
    for interest in consultation.interests.filter(target_id__isnull=False).select_related(
        "organization"
    ):
        if not MembershipRequest.objects.filter(interest=interest).exists():
            made += (
                services.membership_request_from_interest(interest=interest, actor=None) is not None
            )
    stdout.write(
        f"Workplan: {workplan} with {workplan.priorities.count()} priorities; "
        f"{made} membership requests from the Discussion Space."
    )
