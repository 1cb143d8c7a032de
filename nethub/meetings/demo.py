"""Demo meetings: the EC Principals summaries in the fixtures folder, imported as the
secretariat would."""

from __future__ import annotations

from pathlib import Path

from nethub.meetings.services import meeting_import

SUMMARIES = [
    "ec-principals-2021-05-05.txt",
    "ec-principals-2022-02-15.md",
    "ec-principals-2024-01-29.txt",
]


def load(*, fixtures_dir: Path | None, stdout) -> None:
    if fixtures_dir is None:
        return
    for name in SUMMARIES:
        path = Path(fixtures_dir) / name
        if not path.exists():
            stdout.write(f"Meetings: {name} not found, skipped.")
            continue
        meeting = meeting_import(data=path.read_bytes(), filename=name, actor=None)
        stdout.write(f"Meetings: {meeting} with {meeting.action_points.count()} action points.")
