"""Every uploaded file leaves through core's file view, and only to those who may see it.

The walk below goes over every FileField of every installed model (`apps.get_models()`): each
must be a StoredFileField registered with `core.files`, and must have a case here that uploads a
real file through the owning app's service, downloads it as a role that may see it, and is
refused as the roles that may not. A new FileField without registration or without a case fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nethub.core.files import file_fields, file_url, rule_for
from nethub.ingest.storage import RandomName, StoredFileField
from nethub.library.tests.factories import make_docx, make_pdf

ROLES = ("anonymous", "stakeholder", "focal_point", "member_state", "secretariat")


@dataclass
class Case:
    obj: object
    field: str
    data: bytes
    download_name: str
    allowed: tuple[str, ...]
    page: str = ""  # a page, seen by the first allowed role, that links the file
    refused: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        self.refused = tuple(role for role in ROLES if role not in self.allowed)


CASES: dict[str, Callable] = {}


def case(label: str):
    def decorator(fn):
        CASES[label] = fn
        return fn

    return decorator


@case("consultations.Attachment.file")
def _pending_comment_attachment(users):
    from nethub.consultations.services import comment_create
    from nethub.consultations.tests.factories import consultation_in

    consultation = consultation_in("open", moderation="pre")
    data = make_pdf("Our position on the draft workplan.")
    comment = comment_create(
        consultation=consultation,
        actor=users["stakeholder"],
        body="Pending until a moderator approves it.",
        attachments=[SimpleUploadedFile("position.html", data)],
    )
    assert comment.status == "pending"
    page = reverse("consultations:detail", args=[consultation.slug])
    return Case(comment.attachments.get(), "file", data, "position.html",
                ("stakeholder", "secretariat"), page)  # fmt: skip


@case("consultations.DocumentVersion.file")
def _document_version(users):
    from nethub.consultations.services import document_version_add
    from nethub.consultations.tests.factories import consultation_in

    consultation = consultation_in("open")
    data = make_docx("Draft workplan, second version.")
    version = document_version_add(
        consultation=consultation,
        actor=users["secretariat"],
        label="v2",
        data=data,
        filename="workplan v2.docx",
    )
    page = reverse("consultations:detail", args=[consultation.slug])
    return Case(version, "file", data, "workplan v2.docx", ROLES, page)


@case("meetings.Meeting.source_document")
def _meeting_source(users):
    from conftest import fixture_path
    from nethub.meetings.services import meeting_import

    path = fixture_path("ec-principals-2024-01-29.txt")
    meeting = meeting_import(data=path.read_bytes(), filename=path.name, actor=users["secretariat"])
    return Case(meeting, "source_document", path.read_bytes(), path.name, ROLES,
                meeting.get_absolute_url())  # fmt: skip


@case("meetings.BackgroundDocument.file")
def _background_note(users):
    from nethub.meetings.services import background_document_add
    from nethub.meetings.tests.factories import AgendaItemFactory

    item = AgendaItemFactory()
    data = make_pdf("Background note on regular pathways.")
    note = background_document_add(
        agenda_item=item, actor=users["secretariat"], title="Note", data=data, filename="note.pdf"
    )
    return Case(note, "file", data, "note.pdf", ROLES, item.meeting.get_absolute_url())


@case("meetings.ImportDraft.file")
def _import_draft(users):
    from conftest import fixture_path
    from nethub.meetings.services import import_draft_create

    path = fixture_path("ec-principals-2024-01-29.txt")
    draft, _created = import_draft_create(
        data=path.read_bytes(), filename=path.name, actor=users["secretariat"]
    )
    return Case(draft, "file", path.read_bytes(), path.name, ("secretariat",))


@case("library.Document.file")
def _library_document(users):
    from nethub.library.services import document_upload

    data = make_pdf("A statement on decent work for migrant domestic workers.")
    document = document_upload(
        actor=users["stakeholder"], data=data, filename="statement.pdf", title="Statement",
        kind="statement",
    )  # fmt: skip
    # Left processing (its task runs after commit, not here): the uploader and the secretariat.
    return Case(document, "file", data, "statement.pdf", ("stakeholder", "secretariat"),
                document.get_absolute_url())  # fmt: skip


@case("library.Practice.attachment")
def _practice_attachment(users):
    from nethub.library.tests.factories import practice_submit

    data = make_pdf("How the practice was run.")
    practice = practice_submit(users["stakeholder"], attachment=(data, "practice.pdf"))
    return Case(practice, "attachment", data, "practice.pdf", ("stakeholder", "secretariat"),
                practice.get_absolute_url())  # fmt: skip


@case("reviews.VoluntaryReview.file")
def _voluntary_review(users):
    from nethub.reviews.tests.factories import review_submit

    review = review_submit(users["member_state"])  # submitted, not yet published
    data = review.file.open("rb").read()
    return Case(review, "file", data, review.original_filename, ("member_state", "secretariat"),
                review.get_absolute_url())  # fmt: skip


@case("roster.ExpertApplication.cv")
def _cv(users):
    from nethub.roster import services
    from nethub.roster.tests.factories import docx_cv
    from nethub.roster.tests.test_services import _values

    data = docx_cv("Bilateral labour migration agreements")
    application = services.application_save(
        actor=users["stakeholder"], values=_values(), cv_data=data, cv_filename="my cv.docx"
    )
    return Case(application, "cv", data, "my cv.docx", ("stakeholder", "secretariat"),
                reverse("roster:my_application"))  # fmt: skip


def _label(model, field_name: str) -> str:
    return f"{model._meta.app_label}.{model.__name__}.{field_name}"


FIELDS = file_fields()


def test_the_walk_finds_every_file_field_and_each_is_stored_and_registered():
    labels = sorted(_label(model, name) for model, name in FIELDS)
    assert len(labels) >= 9
    assert labels == sorted(CASES), "a FileField without a case here (or a case without a field)"
    for model, name in FIELDS:
        model_field = model._meta.get_field(name)
        assert isinstance(model_field, StoredFileField), _label(model, name)
        assert isinstance(model_field.upload_to, RandomName), _label(model, name)
        assert rule_for(model, name) is not None, f"{_label(model, name)} is not registered"


def _login(client, users, role):
    client.logout()
    if role != "anonymous":
        client.force_login(users[role])


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(CASES))
def test_each_file_is_served_only_to_those_who_may_see_it(
    label, client, users_by_role, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    found = CASES[label](users_by_role)
    url = file_url(found.obj, found.field)
    assert url.startswith("/files/")
    stored = getattr(found.obj, found.field).name
    assert found.download_name not in stored  # a random storage name
    for role in found.allowed:
        _login(client, users_by_role, role)
        response = client.get(url)
        assert response.status_code == 200, (label, role)
        assert b"".join(response.streaming_content) == found.data
        assert response["Content-Disposition"].startswith("attachment"), label
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
        assert response["Content-Type"] != "text/html"
    for role in found.refused:
        _login(client, users_by_role, role)
        assert client.get(url).status_code in (403, 404), (label, role)
    if found.page:
        _login(client, users_by_role, found.allowed[0])
        page = client.get(found.page)
        assert page.status_code == 200
        assert url in page.text and "/media/" not in page.text
    meta = found.obj._meta
    if type(found.obj) in admin.site._registry:  # the admin's "Currently:" link too
        from nethub.accounts.models import User

        client.force_login(User.objects.create_superuser("files_admin", "a@example.org", "x"))
        change = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change",
                                    args=[found.obj.pk]))  # fmt: skip
        assert change.status_code == 200
        assert url in change.text and "/media/" not in change.text


@pytest.mark.django_db
def test_a_pdf_with_html_inside_named_html_is_stored_as_pdf(stakeholder_user, settings, tmp_path):
    from nethub.consultations.services import comment_create
    from nethub.consultations.tests.factories import consultation_in

    settings.MEDIA_ROOT = tmp_path
    polyglot = make_pdf("Harmless words.") + b"<html><body><script>alert(1)</script></body></html>"
    comment = comment_create(
        consultation=consultation_in("open"),
        actor=stakeholder_user,
        body="See attached.",
        attachments=[SimpleUploadedFile("page.html", polyglot)],
    )
    attachment = comment.attachments.get()
    assert attachment.file.name.endswith(".pdf") and attachment.filename == "page.html"
    assert attachment.mime_type == "application/pdf"


@pytest.mark.django_db
def test_a_file_of_an_unregistered_field_or_a_missing_record_is_not_found(client, db):
    assert client.get("/files/auth/user/1/password/").status_code == 404
    assert client.get("/files/library/document/999999/file/").status_code == 404
    assert client.get("/media/anything.pdf").status_code == 404


@pytest.mark.django_db
def test_an_admin_upload_is_named_by_its_content_and_keeps_the_uploaders_name(settings, tmp_path):
    from nethub.consultations.models import DocumentVersion
    from nethub.consultations.tests.factories import consultation_in
    from nethub.core.files import KeepsUploadName

    class VersionForm(KeepsUploadName):
        class Meta:
            model = DocumentVersion
            fields = ["consultation", "label", "file"]

    settings.MEDIA_ROOT = tmp_path
    consultation = consultation_in("open")
    polyglot = make_pdf("Draft.") + b"<html><script>alert(1)</script></html>"
    form = VersionForm(
        {"consultation": consultation.pk, "label": "v1"},
        {"file": SimpleUploadedFile("draft.html", polyglot)},
    )
    assert form.is_valid(), form.errors
    version = form.save()
    assert version.file.name.startswith("consultations/documents/")
    assert version.file.name.endswith(".pdf") and version.filename == "draft.html"
    assert version.file.url == file_url(version, "file")


@pytest.mark.django_db
def test_html_with_a_pdf_inside_named_pdf_is_refused_as_an_attachment(
    stakeholder_user, settings, tmp_path
):
    """The other order (a page first, a PDF after it): it is HTML by content, which comment
    attachments do not take, so nothing is stored."""
    from django.core.exceptions import ValidationError

    from nethub.consultations.models import Attachment
    from nethub.consultations.services import comment_create
    from nethub.consultations.tests.factories import consultation_in

    settings.MEDIA_ROOT = tmp_path
    polyglot = b"<html><body><script>alert(1)</script></body></html>\n" + make_pdf("Words.")
    with pytest.raises(ValidationError):
        comment_create(
            consultation=consultation_in("open"),
            actor=stakeholder_user,
            body="See attached.",
            attachments=[SimpleUploadedFile("report.pdf", polyglot)],
        )
    assert not Attachment.objects.exists()
    assert not list(tmp_path.rglob("*.*"))
