"""`manage.py extract_meeting PATH --format json|text`: what would be imported, without saving."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.directory.selectors import OrganizationResolver
from nethub.ingest.extract import IngestError, extract_text
from nethub.meetings.extract import extract_meeting


class Command(BaseCommand):
    help = "Extract a meeting summary's structure (date, participants, agenda, action points)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, path, format, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            text = extract_text(file.read_bytes(), filename=file.name).text
        except IngestError as error:
            raise CommandError(str(error)) from error
        meeting = extract_meeting(text, resolver=OrganizationResolver.default())
        if format == "json":
            self.stdout.write(json.dumps(meeting.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{meeting.title}\n{meeting.series} · {meeting.date} "
            f"{meeting.start_time or ''}–{meeting.end_time or ''} {meeting.timezone or ''}"
        )
        self.stdout.write("\nParticipants:")
        for person in meeting.participants:
            self.stdout.write(f"  {person.name} | {person.title} | {person.organization or '?'}")
        for number, item in enumerate(meeting.agenda_items, start=1):
            self.stdout.write(f"\n{number}. {item.title}")
            for decision in item.decisions:
                self.stdout.write(f"   Decision: {decision}")
            for point in item.action_points:
                self.stdout.write(
                    f"   Action: {point.text}\n"
                    f"     owner: {point.owner or '-'}; due: {point.due_date or '-'}"
                )
        for warning in meeting.warnings:
            self.stderr.write(f"warning: {warning}")
