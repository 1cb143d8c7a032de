"""`manage.py import_meeting PATH [--series NAME]`: import a summary; re-importing updates."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nethub.ingest.extract import IngestError
from nethub.meetings.services import meeting_import


class Command(BaseCommand):
    help = "Import a meeting summary (TXT, Markdown, PDF, DOCX, HTML) into a meeting."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--series", default="", help="Series name, if not the one extracted.")

    def handle(self, *args, path, series, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            meeting = meeting_import(
                data=file.read_bytes(), filename=file.name, actor=None, series_name=series
            )
        except (IngestError, ValidationError) as error:
            message = error.messages[0] if isinstance(error, ValidationError) else str(error)
            raise CommandError(message) from error
        self.stdout.write(
            f"{meeting} (#{meeting.pk}): {meeting.participants.count()} participants, "
            f"{meeting.agenda_items.count()} agenda items, {meeting.decisions.count()} decisions, "
            f"{meeting.action_points.count()} action points."
        )
