"""Back up the database and the uploaded files into one archive (see nethub/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.core.backup import BackupError, backup_create, describe


class Command(BaseCommand):
    help = (
        "Write PATH (.tar.gz): every table as JSON lines, every file of MEDIA_ROOT, and a "
        "manifest with the app version, row counts and the sha256 of every member."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if path.exists() and path.is_dir():
            raise CommandError(f"{path} is a folder: give the archive's file name.")
        try:
            manifest = backup_create(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{path}: {describe(manifest)}"))
