"""Restore a backup made by `manage.py backup` (see nethub/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nethub.core.backup import BackupError, backup_restore, backup_verify, describe, restored


class Command(BaseCommand):
    help = (
        "Restore PATH into this database and MEDIA_ROOT after checking every checksum. "
        "Refuses a database that holds data unless --force (which replaces all of it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="replace the data already in the database"
        )
        parser.add_argument(
            "--check", action="store_true", help="only verify the archive; change nothing"
        )
        parser.add_argument(
            "--no-index", action="store_true", help="do not rebuild the keyword search index"
        )

    def handle(self, *args, path: Path, force: bool, check: bool, no_index: bool, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            if check:
                manifest = backup_verify(path)
                self.stdout.write(self.style.SUCCESS(f"{path} is whole: {describe(manifest)}"))
                return
            summary = backup_restore(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary['rows']} rows and {summary['files']} files from "
                f"{describe(summary['manifest'])}."
            )
        )
        restored.send(sender=self.__class__, rebuild_index=not no_index)
        if not no_index:
            self.stdout.write("Search index rebuilt.")
