"""Add a file to the library from the command line (processed like an upload)."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.ingest.extract import IngestError
from nethub.library.models import Document, DocumentKind
from nethub.library.services import document_process, document_upload


class Command(BaseCommand):
    help = (
        "Add a PDF, DOCX, HTML or text file to the library; adding the same file again "
        "updates its document."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--title", help="Defaults to the file name.")
        parser.add_argument(
            "--kind", default=DocumentKind.OTHER, choices=[c for c, _ in DocumentKind.choices]
        )
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--language", default="", help="ISO 639-1; detected when omitted.")

    def handle(self, *args, path: Path, title, kind, date, language, **options):
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        try:
            document = document_upload(
                actor=None,
                data=path.read_bytes(),
                filename=path.name,
                title=title or path.stem.replace("-", " ").replace("_", " "),
                kind=kind,
                date=date,
                language=language,
                source_key=f"file:{path.resolve()}",
            )
        except IngestError as error:
            raise CommandError(str(error)) from error
        # The command waits for the result: process now if no task has done it yet (a queued
        # task then finds the document ready and leaves it).
        document = document_process(document_id=document.pk)
        if document.status == Document.Status.FAILED:
            raise CommandError(f"{path}: {document.error}")
        self.stdout.write(
            f"{document.title}: {document.get_status_display()} "
            f"({document.language or 'language unknown'}, {len(document.text)} characters, "
            f"{document.taggings.count()} tags suggested)"
        )
