"""Demo meetings: the EC Principals summaries in the fixtures folder, imported as the
secretariat would, and a little tracker history so the demo shows what follow-up looks like.

Only what is missing is added: a summary imported before is not imported again (that would
replace the meeting's title, times and due dates with the document's and remove action points
added since), and the demo history is written for meetings imported in this run only."""

from __future__ import annotations

from pathlib import Path

from nethub.accounts.models import User
from nethub.directory.models import Organization
from nethub.meetings.models import ActionPoint, Meeting
from nethub.meetings.services import (
    action_point_assign_owner,
    action_point_link_report,
    action_point_update_status,
    checksum_of,
    meeting_import,
)

SUMMARIES = [
    "ec-principals-2021-05-05.txt",
    "ec-principals-2022-02-15.md",
    "ec-principals-2024-01-29.txt",
]


def load(*, fixtures_dir: Path | None, stdout) -> None:
    if fixtures_dir is None:
        return
    meetings, new = [], set()
    for name in SUMMARIES:
        path = Path(fixtures_dir) / name
        if not path.exists():
            stdout.write(f"Meetings: {name} not found, skipped.")
            continue
        data = path.read_bytes()
        meeting = Meeting.objects.filter(source_checksum=checksum_of(data)).first()
        meeting = meeting or Meeting.objects.filter(source_filename=name).first()
        if meeting is not None:
            meetings.append(meeting)
            stdout.write(f"Meetings: {meeting} kept as it is.")
            continue
        meeting = meeting_import(data=data, filename=name, actor=None)
        meetings.append(meeting)
        new.add(meeting.pk)
        stdout.write(f"Meetings: {meeting} with {meeting.action_points.count()} action points.")
    secretariat = User.objects.filter(username="secretariat").first()
    if len(meetings) < 2 or secretariat is None:
        return
    first, later = meetings[0], meetings[1]
    if meetings[-1].pk in new:
        _assign_demo_owners(meetings[-1], secretariat)
    if first.pk not in new:
        return  # loaded before: keep the history it has
    for point in ActionPoint.objects.filter(meeting=first, status="open").order_by("position")[:2]:
        action_point_update_status(
            action_point=point,
            status="in_progress",
            comment="Demo: work under way.",
            actor=secretariat,
        )
        action_point_link_report(action_point=point, meeting=later, actor=secretariat)


def _assign_demo_owners(meeting, secretariat) -> None:
    """Give two listed points of the latest meeting an owner, as the secretariat does after
    an import, so the demo focal points (UNHCR, ILO) have action points of their own."""
    owners = [
        Organization.objects.filter(acronym=acronym, kind="un_entity").first()
        for acronym in ("UNHCR", "ILO")
    ]
    if meeting.action_points.filter(owner_organization__in=[o for o in owners if o]).exists():
        return  # assigned on an earlier load
    points = meeting.action_points.filter(owner_organization__isnull=True).order_by("position")
    for point, organization in zip(points, owners, strict=False):
        if organization is not None:
            action_point_assign_owner(
                action_point=point, organization=organization, actor=secretariat
            )
