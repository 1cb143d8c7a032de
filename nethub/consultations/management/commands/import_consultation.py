"""Import a Discussion Space page (HTML or text) as a consultation with its comments."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.consultations.importer import consultation_extract, consultation_import
from nethub.ingest.extract import IngestError


class Command(BaseCommand):
    help = (
        "Turn a Discussion Space page (as the hub publishes it, or exported as text) into a "
        "consultation with its questions, comments, their authors, dates and organisations "
        "where the page states them, and their reply structure. Re-importing updates, never "
        "duplicates. Prints what the page did not say. A page that cannot be fully read is not "
        "saved unless --accept-partial is given. With --dry-run, prints what would be imported "
        "(--format json for a machine) and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Extract only; save nothing.")
        parser.add_argument(
            "--accept-partial",
            action="store_true",
            help="Save a page that could not be fully read, as far as it was read.",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, path: Path, dry_run: bool, accept_partial: bool, format: str, **opts):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            if dry_run:
                self._dry_run(path, format)
                return
            report = consultation_import(path=path, accept_partial=accept_partial)
        except IngestError as error:
            raise CommandError(f"{path}: {error}") from error
        for line in report.lines():
            self.stdout.write(line)

    def _dry_run(self, path: Path, format: str) -> None:
        extracted = consultation_extract(path.read_bytes(), filename=path.name)
        if format == "json":
            self.stdout.write(json.dumps(extracted, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{extracted['title'] or path.stem}: {len(extracted['comments'])} comments "
            f"({extracted['layout']} layout)"
        )
        for number, text in extracted["questions"].items():
            poster = extracted["question_posters"].get(number)
            self.stdout.write(f"  Q{number}{' (' + poster + ')' if poster else ''}: {text[:60]}")
        for comment in extracted["comments"]:
            who = comment["byline"] or "(author not shown)"
            if comment["reply_to_position"]:
                answers = f" ↳ #{comment['reply_to_position']}"
            elif comment["reply_to_question"]:
                answers = f" ↳ Q{comment['question']}"
            else:
                answers = f" ↳ {comment['in_reply_to']}" if comment["in_reply_to"] else ""
            self.stdout.write(
                f"  #{comment['position']} {comment['date'] or '(no date)'} {who}, "
                f"{comment['organisation_stated'] or '(organisation not stated)'}{answers}: "
                f"{comment['text'][:60]}"
            )
        for item in extracted["unplaced"]:
            self.stdout.write(f"  Not placed: {item}")
