"""Demo records: the real Discussion Space imported from the fixtures, and an open demo
consultation in which the demo stakeholders can comment."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from nethub.accounts.models import User
from nethub.consultations import targets as target_registry
from nethub.consultations.importer import consultation_import
from nethub.consultations.models import Consultation
from nethub.consultations.services import consultation_create

FIXTURE = "discussion-space-draft-workplan-2022-2024.txt"
DEMO_SLUG = "demo-consultation-on-the-draft-workplan"


def load(*, fixtures_dir: Path | None, stdout) -> None:
    # Imported once: importing again would overwrite what the secretariat changed since.
    if (
        fixtures_dir is not None
        and (fixtures_dir / FIXTURE).is_file()
        and not Consultation.objects.filter(source=FIXTURE).exists()
    ):
        report = consultation_import(path=fixtures_dir / FIXTURE)
        for line in report.lines()[:1]:
            stdout.write(line)
    secretariat = User.objects.filter(username="secretariat").first()
    if Consultation.objects.filter(slug=DEMO_SLUG).exists():
        return
    now = timezone.now()
    consultation = consultation_create(
        title="Demo consultation on the draft workplan",
        slug=DEMO_SLUG,
        actor=secretariat,
        welcome="This demo Discussion Space is open: log in as a demo stakeholder to comment.",
        document_title="Draft workplan (demo)",
        moderator=secretariat,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=60),
        questions=[
            "What should the workplan add or change?",
            "Which priorities, working groups or workstreams would your organisation join?",
        ],
    )
    provider = target_registry.provider()
    if provider is not None:
        for number, title in ((1, "Demo priority one"), (2, "Demo priority two")):
            provider.priority(consultation, number=str(number), title=title, status="")
        provider.group(consultation, kind="working_group", number="", title="Demo working group")
    stdout.write(f"Consultations: opened “{consultation.title}” for comments.")
