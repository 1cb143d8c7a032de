"""Demo events: the events the fixture documents name, each with its source. Where a
document gives only the month, the event says so (no time is shown). Only what is missing is
added."""

from __future__ import annotations

import datetime
from pathlib import Path

from nethub.accounts.models import Role, User
from nethub.directory.models import Organization
from nethub.events import services
from nethub.events.models import Event

BRIEFING = "The Coordinator's briefing to Member States, 19 October 2020"
EC_2021 = "Executive Committee Principals meeting, 5 May 2021"
EC_2024 = "Executive Committee Principals meeting, 29 January 2024"
DISCUSSION = "Discussion Space: Draft Network Workplan 2022-2024"

# (kind, title, wall-clock start, zone, month only, place, audience, source, description)
EVENTS = [
    ("listening_session", "Mobility in the Time of COVID-19: webinars and listening sessions",
     datetime.datetime(2020, 10, 1, 12), "UTC", True, "", "public",
     BRIEFING + " ('We embarked on a series of webinars and listening sessions')",
     "A series with Member States and stakeholders, under way by October 2020; the briefing "
     "gives no dates."),
    ("briefing", "The Coordinator's briefing to Member States",
     datetime.datetime(2020, 10, 19, 12), "UTC", False, "", "member_states", BRIEFING, ""),
    ("briefing", "Launch of the first Secretary-General's report on the GCM",
     datetime.datetime(2020, 12, 1, 12), "America/New_York", True, "UN General Assembly",
     "public", BRIEFING + " ('likely to be on 1 December')", ""),
    ("lab", "VNR lab at the High-Level Political Forum",
     datetime.datetime(2021, 7, 1, 12), "America/New_York", True, "", "member_states",
     EC_2021 + " ('It was proposed that the Network convenes a VNR lab')",
     "Experiences and good practices of Member States in integrating migration into their "
     "Voluntary National Reviews."),
    ("meeting", "GCM event in the high-level week of the UN General Assembly",
     datetime.datetime(2021, 9, 1, 12), "America/New_York", True, "New York", "public",
     EC_2021 + " ('a GCM event during the high-level week of the September UNGA')", ""),
    ("briefing", "Network briefing to Member States on the IMRF",
     datetime.datetime(2021, 10, 1, 12), "UTC", True, "", "member_states",
     EC_2021 + " ('a Network briefing to Member States in October for the IMRF')", ""),
    ("annual_meeting", "Annual meeting of the UN Network on Migration 2022",
     datetime.datetime(2022, 10, 18, 9), "Europe/Zurich", False,
     "Palais des Nations, Geneva", "network",
     DISCUSSION + " ('the Network's annual meeting on 18-19 October at the Palais des "
     "Nations, Geneva')", "The draft workplan 2022-2024 was discussed."),
    ("annual_meeting", "Annual meeting of the UN Network on Migration 2024",
     datetime.datetime(2024, 1, 29, 12), "Europe/Zurich", True, "", "network",
     EC_2024 + " ('upcoming key events in 2024, including the Annual Meeting')",
     "Announced for 2024; the summary gives no date (shown here at the date of the summary)."),
]  # fmt: skip


def load(*, fixtures_dir: Path | None, stdout) -> None:
    actor = User.objects.filter(role=Role.SECRETARIAT).order_by("pk").first()
    iom = Organization.objects.filter(acronym="IOM").first()
    added = 0
    for kind, title, starts, tz, approx, place, audience, source, description in EVENTS:
        if Event.objects.filter(title=title).exists():
            continue
        services.event_create(
            actor=actor, kind=kind, title=title, starts=starts, tz=tz,
            date_is_approximate=approx, place=place, audience=audience, source=source,
            description=description, organisers=[iom] if iom else [], languages="English",
        )  # fmt: skip
        added += 1
    if not Event.objects.filter(title="Webinar: regular pathways for migrant workers").exists():
        # A future webinar with registration, so the demo users can try registering.
        start = datetime.datetime.combine(
            datetime.date.today() + datetime.timedelta(days=21), datetime.time(14, 0)
        )
        services.event_create(
            actor=actor, kind="webinar", title="Webinar: regular pathways for migrant workers",
            starts=start, ends=start + datetime.timedelta(hours=1, minutes=30),
            tz="Europe/Zurich", online_url="https://example.org/webinar",
            languages="English, French, Spanish", interpretation=True, audience="public",
            registration_open=True, capacity=100, organisers=[iom] if iom else [],
            description="A demo event (not from the fixtures).",
        )  # fmt: skip
        added += 1
    stdout.write(f"Calendar: {added} events added.")
