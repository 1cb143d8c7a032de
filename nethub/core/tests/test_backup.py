"""`manage.py backup` and `manage.py restore`: every row and every uploaded file comes back in an
empty database; a damaged or altered archive, or a database holding data, is refused."""

import gzip
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from modelsearch.models import IndexEntry

from nethub.consultations.models import Attachment, Comment
from nethub.consultations.services import comment_create
from nethub.consultations.tests.factories import consultation_in, pdf_bytes
from nethub.core.backup import MANIFEST, row_counts
from nethub.core.models import AuditEvent
from nethub.framework.models import Tagging
from nethub.library import services as library_services
from nethub.library.models import Document
from nethub.library.tests.factories import make_docx
from nethub.meetings.models import ActionPoint, Meeting
from nethub.meetings.services import action_point_update_status, meeting_import
from nethub.search.models import Passage

SUMMARY = """Executive Committee meeting
12 March 2024

Participants: Amy Pope (IOM), Filippo Grandi (UNHCR)

1. Workplan
The Committee agreed the workplan for 2024.
Action: IOM to circulate the revised workplan by 30 April 2024.
"""


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def service_data(media_root, secretariat_user, stakeholder_user):
    """Records across apps, made through their services, with real uploaded files."""
    consultation = consultation_in("open", title="Draft workplan 2025")
    comment = comment_create(
        consultation=consultation,
        actor=stakeholder_user,
        body="<p>Our <strong>comments</strong> on priority 3.</p>",
        attachments=[SimpleUploadedFile("comments.pdf", pdf_bytes(), "application/pdf")],
    )
    document = library_services.document_upload(
        actor=stakeholder_user,
        data=make_docx("Hotlines for migrants in transit and consular training."),
        filename="hotlines.docx",
        title="Hotlines",
        kind="other",
    )
    meeting = meeting_import(data=SUMMARY.encode(), filename="ec.txt", actor=secretariat_user)
    point = meeting.action_points.first()
    action_point_update_status(
        action_point=point, status="in_progress", comment="Started", actor=secretariat_user
    )
    return {"comment": comment, "document": document, "meeting": meeting, "point": point}


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_file_into_an_empty_database(
    service_data, media_root, tmp_path
):
    assert Document.objects.get().status == Document.Status.READY
    assert Attachment.objects.count() == 1 and Passage.objects.exists()
    counts, files, indexed = row_counts(), _files(media_root), IndexEntry.objects.count()
    with Attachment.objects.get().file.open("rb") as handle:
        attached = handle.read()
    assert len(files) >= 3 and sum(counts.values()) > 1000
    archive = tmp_path / "nethub.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "files" in out.getvalue()

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)
    assert not Meeting.objects.exists() and not media_root.exists()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Restored" in out.getvalue()
    assert row_counts() == counts
    assert _files(media_root) == files
    # The keyword index is rebuilt from the restored passages.
    assert IndexEntry.objects.count() == indexed > 0
    # Relations come back whole: generic ones (audit, tags) point at the same records.
    comment = Comment.objects.get(pk=service_data["comment"].pk)
    with comment.attachments.get().file.open("rb") as handle:
        assert handle.read() == attached
    point = ActionPoint.objects.get(pk=service_data["point"].pk)
    assert point.status == "in_progress"
    assert AuditEvent.objects.filter(object_id=point.pk, new_value="in_progress").get().subject == (
        point
    )
    assert all(t.content_object is not None for t in Tagging.objects.all())
    # New rows get new ids (sequences were reset past the restored ones).
    later = meeting_import(data=SUMMARY.replace("12 March", "14 May").encode(), filename="b.txt",
                           actor=None)  # fmt: skip
    assert later.pk > service_data["meeting"].pk


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data_unless_forced(service_data, media_root, tmp_path):
    archive = tmp_path / "nethub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    counts = row_counts()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    Meeting.objects.all().delete()
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert row_counts() == counts


def _rewrite(archive: Path, target: Path, change) -> None:
    """Copy the archive member by member, passing each member's bytes through `change`."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


@pytest.mark.django_db(transaction=True)
def test_a_damaged_or_altered_archive_is_refused_before_anything_changes(
    service_data, media_root, tmp_path
):
    archive = tmp_path / "nethub.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    call_command("restore", str(archive), "--check", stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)

    damaged = tmp_path / "damaged.tar.gz"
    data = bytearray(archive.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(b ^ 0xFF for b in data[middle : middle + 16])
    damaged.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged|not a readable"):
        call_command("restore", str(damaged), stdout=io.StringIO())

    altered = tmp_path / "altered.tar.gz"
    _rewrite(archive, altered, lambda name, b: b.replace(b"Hotlines", b"Hot lines!"))
    with pytest.raises(CommandError, match="checksum does not match"):
        call_command("restore", str(altered), stdout=io.StringIO())

    escaping = tmp_path / "escaping.tar.gz"
    shutil.copy(archive, escaping)
    with tarfile.open(archive, "r:gz") as source, tarfile.open(escaping, "w:gz") as out:
        for member in source:
            out.addfile(member, source.extractfile(member))
        evil = tarfile.TarInfo("media/../../outside.txt")
        evil.size = 4
        out.addfile(evil, io.BytesIO(b"evil"))
    with pytest.raises(CommandError, match="not a file this backup may write"):
        call_command("restore", str(escaping), stdout=io.StringIO())
    assert not (tmp_path / "outside.txt").exists()

    not_gzip = tmp_path / "plain.tar.gz"
    not_gzip.write_bytes(gzip.decompress(archive.read_bytes())[:5000])
    with pytest.raises(CommandError, match="damaged|not a readable"):
        call_command("restore", str(not_gzip), stdout=io.StringIO())
    # Nothing was written by the refused restores.
    assert not Meeting.objects.exists() and not Document.objects.exists()
    with tarfile.open(archive, "r:gz") as opened:
        manifest = json.loads(opened.extractfile(MANIFEST).read())
    assert manifest["counts"]["meetings.Meeting"] == 1
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"])
