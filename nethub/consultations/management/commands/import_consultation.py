"""Import an exported Discussion Space page (text) as a consultation with its comments."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.consultations.importer import consultation_import


class Command(BaseCommand):
    help = (
        "Turn an exported discussion page into a consultation with its comments, their "
        "organisations where the page states them, and their reply structure. Re-importing "
        "updates, never duplicates. Prints what the page did not say."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        report = consultation_import(path=path)
        for line in report.lines():
            self.stdout.write(line)
