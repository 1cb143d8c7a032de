"""Backup and restore of the whole service: the database and the uploaded files in one archive.

The archive (`.tar.gz`) holds `manifest.json` first, then one JSON-lines file per model under
`data/` (Django's serialisation, so a backup of SQLite restores into PostgreSQL and back) and
every file of MEDIA_ROOT under `media/`. The manifest gives the app version, when it was made,
the applied migrations, the row count of every table and the size and sha256 of every member.
`restore` checks every checksum before it touches anything, refuses a database that already
holds data unless forced, loads every row with its primary key (content types too, so generic
relations keep pointing at the right model), resets sequences, checks the counts, writes the
files and rebuilds the keyword index. Left out: the task queue (a record still processing is
picked up again by `recover_stalled_work`) and modelsearch's keyword index (rebuilt).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.dispatch import Signal
from django.utils import timezone

FORMAT = "nethub-backup/1"
MANIFEST = "manifest.json"
# Rebuilt rather than saved: the task queue and the keyword index (SQLite keeps the latter in
# virtual tables that no model describes).
EXCLUDED = {"django_tasks_db.DBTaskResult"}
EXCLUDED_APPS = {"modelsearch"}
# Rows `migrate` itself creates: their presence does not make a database "not empty".
CREATED_BY_MIGRATE = {"contenttypes.ContentType", "auth.Permission"}
CHUNK = 1 << 20


# Sent after a restore, with `rebuild_index`: apps drop what they derived from the old data
# (the search app rebuilds its keyword index and forgets its vector snapshot).
restored = Signal()


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for the operator."""


def _excluded(model) -> bool:
    return model._meta.label in EXCLUDED or model._meta.app_label in EXCLUDED_APPS


def app_version() -> str:
    try:
        return metadata.version("nethub")
    except metadata.PackageNotFoundError:
        return "unknown"


def saved_models() -> list[type[models.Model]]:
    """Concrete tables saved, in an order where what a row points to comes first."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and not _excluded(model)
    ]
    app_list = {}
    for model in chosen:
        app_list.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(app_list.items(), allow_cycles=True)


def counted_models() -> list[type[models.Model]]:
    """Every table of the backup, many-to-many tables included (they travel inside their
    owner's rows)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not _excluded(model)
        and not (model._meta.auto_created and _excluded(model._meta.auto_created))
    ]


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in counted_models()}


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path) -> Iterable[tuple[str, Path]]:
    if not root.is_dir():
        return
    for folder, _dirs, names in os.walk(root):
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _dump_tables(folder: Path) -> tuple[list[tuple[str, Path]], dict[str, int]]:
    """One JSON-lines file per model, read in one transaction so rows agree with each other."""
    written = []
    with transaction.atomic():
        if connection.vendor == "postgresql":
            connection.cursor().execute(
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
            )
        counts = row_counts()
        for model in saved_models():
            path = folder / f"{model._meta.label_lower}.jsonl"
            queryset = model._default_manager.order_by("pk")
            with path.open("w", encoding="utf-8") as stream:
                serializers.serialize("jsonl", queryset.iterator(chunk_size=2000), stream=stream)
            written.append((f"data/{path.name}", path))
    return written, counts


def backup_create(path: Path) -> dict:
    """Write the archive at `path` (a .tar.gz) and return its manifest."""
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="nethub-backup-") as scratch:
        tables, counts = _dump_tables(Path(scratch))
        members = [*tables, *((f"media/{rel}", file) for rel, file in _media_files(media_root))]
        manifest = {
            "format": FORMAT,
            "app_version": app_version(),
            "created_at": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "migrations": _applied_migrations(),
            "excluded": sorted(EXCLUDED | EXCLUDED_APPS),
            "counts": counts,
            "files": [
                {"path": name, "size": file.stat().st_size, "sha256": _sha256_file(file)}
                for name, file in members
            ],
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            body = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(body), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
            for name, file in members:
                archive.add(str(file), arcname=name, recursive=False)
        # Only a complete archive takes the name: a backup cut short never looks whole.
        os.replace(partial, path)
    return manifest


# Restore ------------------------------------------------------------------------------------


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"{path} is not a readable nethub backup ({error}).") from error


def _safe_member(name: str) -> bool:
    pure = PurePosixPath(name)
    return (
        not pure.is_absolute()
        and ".." not in pure.parts
        and len(pure.parts) >= 2
        and pure.parts[0] in {"data", "media"}
    )


def backup_verify(path: Path) -> dict:
    """Read the whole archive and check it against its manifest: every member listed, safe to
    write, of the right size and sha256, and nothing missing. Returns the manifest."""
    problems = []
    try:
        with _open(path) as archive:
            first = archive.next()
            if first is None or first.name != MANIFEST:
                raise BackupError(f"{path} has no {MANIFEST} first: not a nethub backup.")
            manifest = json.loads(archive.extractfile(first).read())
            if manifest.get("format") != FORMAT:
                raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
            expected = {entry["path"]: entry for entry in manifest["files"]}
            seen = set()
            for member in archive:
                if member is first:
                    continue
                problems.extend(_check_member(archive, member, expected))
                seen.add(member.name)
            problems.extend(f"{name}: missing from the archive" for name in expected.keys() - seen)
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError, KeyError) as error:
        raise BackupError(f"{path} is damaged: {error}") from error
    if problems:
        raise BackupError(
            "The archive does not match its manifest; nothing was restored:\n  "
            + "\n  ".join(problems[:20])
        )
    return manifest


def _check_member(archive, member, expected) -> list[str]:
    if not member.isfile() or not _safe_member(member.name):
        return [f"{member.name}: not a file this backup may write"]
    entry = expected.get(member.name)
    if entry is None:
        return [f"{member.name}: not in the manifest"]
    digest, size = hashlib.sha256(), 0
    handle = archive.extractfile(member)
    for block in iter(lambda: handle.read(CHUNK), b""):
        digest.update(block)
        size += len(block)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        return [f"{member.name}: checksum does not match (damaged or altered)"]
    return []


def rows_present() -> dict[str, int]:
    """Tables holding data (rows `migrate` creates aside)."""
    counts = row_counts()
    return {label: n for label, n in counts.items() if n and label not in CREATED_BY_MIGRATE}


def _check_migrations(manifest: dict) -> None:
    archived = {tuple(pair) for pair in manifest["migrations"]}
    missing = sorted(archived - {tuple(pair) for pair in _applied_migrations()})
    if missing:
        names = ", ".join(f"{app}.{name}" for app, name in missing[:10])
        raise BackupError(
            f"The backup was made by a newer schema (migrations not applied here: {names}). "
            "Update the code and run `manage.py migrate` first."
        )


def _flush_tables() -> None:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=True
    )
    connection.ops.execute_sql_flush(statements)


def _load_tables(archive: tarfile.TarFile) -> list[type[models.Model]]:
    loaded = []
    members = {m.name: m for m in archive.getmembers() if m.name.startswith("data/")}
    with connection.constraint_checks_disabled():
        for model in saved_models():
            member = members.get(f"data/{model._meta.label_lower}.jsonl")
            if member is None:
                continue
            stream = io.TextIOWrapper(archive.extractfile(member), encoding="utf-8")
            for obj in serializers.deserialize("jsonl", stream, ignorenonexistent=True):
                obj.save()
            loaded.append(model)
    tables = [m._meta.db_table for m in counted_models()]
    connection.check_constraints(table_names=tables)
    return loaded


def _reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), counted_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _write_media(archive: tarfile.TarFile, media_root: Path) -> int:
    written = 0
    for member in archive:
        if not member.name.startswith("media/"):
            continue
        target = media_root.joinpath(*PurePosixPath(member.name).parts[1:])
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, target.open("wb") as out:
            for block in iter(lambda s=source: s.read(CHUNK), b""):
                out.write(block)
        written += 1
    return written


def backup_restore(path: Path, *, force: bool = False) -> dict:
    """Restore the archive at `path` into this database and MEDIA_ROOT. Refuses an archive
    whose checksums fail and, unless `force`, a database that holds data. Returns a summary."""
    path = Path(path)
    manifest = backup_verify(path)
    _check_migrations(manifest)
    present = rows_present()
    if present and not force:
        sample = ", ".join(f"{label} ({n})" for label, n in sorted(present.items())[:5])
        raise BackupError(
            f"The database is not empty ({sample}...). Restore into an empty database, or pass "
            "--force to replace everything in it."
        )
    with _open(path) as archive, transaction.atomic():
        _flush_tables()
        _load_tables(archive)
        _reset_sequences()
        counts = row_counts()
        wrong = {
            label: (n, counts.get(label))
            for label, n in manifest["counts"].items()
            if counts.get(label, n) != n
        }
        if wrong:
            raise BackupError(f"Row counts differ after loading (expected, found): {wrong}")
    ContentType.objects.clear_cache()
    with _open(path) as archive:
        files = _write_media(archive, Path(settings.MEDIA_ROOT))
    return {"rows": sum(manifest["counts"].values()), "files": files, "manifest": manifest}


def describe(manifest: dict) -> str:
    created = datetime.datetime.fromisoformat(manifest["created_at"])
    return (
        f"nethub {manifest['app_version']} backup of {created:%Y-%m-%d %H:%M} UTC "
        f"({manifest['database_vendor']}): {sum(manifest['counts'].values())} rows in "
        f"{len(manifest['counts'])} tables, "
        f"{sum(1 for f in manifest['files'] if f['path'].startswith('media/'))} files"
    )
