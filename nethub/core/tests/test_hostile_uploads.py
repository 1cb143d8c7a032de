"""Every upload form refuses a file whose content is not what its name says, and a file over
settings.MAX_UPLOAD_SIZE, with a clear message, and saves nothing."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nethub.consultations.models import Comment
from nethub.consultations.tests.factories import consultation_in
from nethub.library.models import Document, Practice
from nethub.library.tests.factories import PRACTICE_TEXT, make_pdf, objective, principle
from nethub.meetings.models import ImportDraft, Meeting

pytestmark = pytest.mark.django_db

HTML_AS_PDF = (
    "fake.pdf",
    b"<!doctype html><html><body><script>alert(1)</script><p>Hello</p></body></html>",
)


def _zip_not_docx() -> tuple[str, bytes]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ not a document")
        archive.writestr("readme.txt", "nothing to see")
    return "report.docx", buffer.getvalue()


def _bad_files():
    return {"html-as-pdf": HTML_AS_PDF, "zip-as-docx": _zip_not_docx()}


BAD = ["html-as-pdf", "zip-as-docx", "oversized"]


def _file(kind: str, settings) -> SimpleUploadedFile:
    if kind == "oversized":
        settings.MAX_UPLOAD_SIZE = 1024 * 1024
        return SimpleUploadedFile("big.pdf", make_pdf("Big.") + b" " * (1024 * 1024))
    name, data = _bad_files()[kind]
    return SimpleUploadedFile(name, data)


def _refused(response, *, words: tuple[str, ...]) -> str:
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert "errorlist" in page
    assert any(word in page.lower() for word in words), page[-3000:]
    assert "<script>alert(1)" not in page
    return page


MESSAGES = ("larger than the 1 mb allowed", "are not accepted", "please attach a pdf file")


@pytest.mark.parametrize("kind", ["zip-as-docx", "oversized"])
def test_meetings_import(client, reference_data, secretariat_user, settings, kind):
    client.force_login(secretariat_user)
    response = client.post(reverse("meetings:import"), {"file": _file(kind, settings)})
    _refused(response, words=MESSAGES)
    assert not ImportDraft.objects.exists() and not Meeting.objects.exists()


@pytest.mark.parametrize("kind", BAD)
def test_consultation_attachments(client, stakeholder_user, settings, kind):
    consultation = consultation_in("open")
    client.force_login(stakeholder_user)
    response = client.post(
        reverse("consultations:comment_create", args=[consultation.slug]),
        {"body": "My careful text", "attachments": _file(kind, settings)},
    )
    page = _refused(response, words=MESSAGES)
    assert "My careful text" in page  # nothing typed is lost
    assert not Comment.objects.exists()


@pytest.mark.parametrize("kind", ["zip-as-docx", "oversized"])
def test_library_documents(client, stakeholder_user, settings, kind):
    client.force_login(stakeholder_user)
    response = client.post(
        reverse("library:document_upload"),
        {"file": _file(kind, settings), "title": "Consular brief", "kind": "policy_brief"},
    )
    _refused(response, words=MESSAGES)
    assert not Document.objects.exists()


@pytest.mark.parametrize("kind", BAD)
def test_practice_attachments(client, stakeholder_user, settings, kind):
    from nethub.directory.models import Country

    client.force_login(stakeholder_user)
    response = client.post(
        reverse("library:practice_submit"),
        {
            **PRACTICE_TEXT,
            "objectives": [objective(6).pk],
            "principles": [principle(6).pk],
            "countries": [Country.objects.get(iso2="MX").pk],
            "regions": [],
            "attachment": _file(kind, settings),
        },
    )
    _refused(response, words=MESSAGES)
    assert not Practice.objects.exists()


def test_html_named_pdf_is_read_as_html_and_never_served_as_a_page(
    client, stakeholder_user, django_capture_on_commit_callbacks
):
    """Meetings and the library accept HTML (by content); a .pdf that is HTML is therefore taken
    as HTML, not as a PDF, and its file is downloaded, never opened as a page of the site."""
    client.force_login(stakeholder_user)
    name, data = HTML_AS_PDF
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("library:document_upload"),
            {"file": SimpleUploadedFile(name, data), "title": "Brief", "kind": "policy_brief"},
        )
    document = Document.objects.get()
    document.refresh_from_db()
    assert document.mime_type == "text/html"
    assert document.file.name.endswith(".html") and document.original_filename == name
    response = client.get(reverse("library:document_file", args=[document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
