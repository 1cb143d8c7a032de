"""Import an exported Discussion Space page (text) as a consultation with its comments."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.consultations.importer import consultation_extract, consultation_import


class Command(BaseCommand):
    help = (
        "Turn an exported discussion page into a consultation with its comments, their "
        "organisations where the page states them, and their reply structure. Re-importing "
        "updates, never duplicates. Prints what the page did not say. With --dry-run, prints "
        "what would be imported (--format json for a machine) and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Extract only; save nothing.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, path: Path, dry_run: bool, format: str, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if dry_run:
            extracted = consultation_extract(path.read_text(encoding="utf-8"))
            if format == "json":
                self.stdout.write(json.dumps(extracted, ensure_ascii=False, indent=2))
                return
            self.stdout.write(f"{extracted['title']}: {len(extracted['comments'])} comments")
            for comment in extracted["comments"]:
                self.stdout.write(
                    f"  #{comment['position']} {comment['organisation_stated'] or '(not stated)'}"
                    f"{' ↳ ' + comment['in_reply_to'] if comment['in_reply_to'] else ''}: "
                    f"{comment['text'][:60]}"
                )
            return
        report = consultation_import(path=path)
        for line in report.lines():
            self.stdout.write(line)
