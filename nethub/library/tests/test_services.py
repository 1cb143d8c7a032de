import pytest
from django.core.files.storage import default_storage

from nethub.core.models import AuditEvent
from nethub.framework.models import Tagging
from nethub.ingest.extract import IngestError
from nethub.library import services
from nethub.library.models import Document, Practice, PracticeReviewEvent
from nethub.library.tests.factories import make_docx, make_pdf, objective, practice_submit

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The working group met to review how migrant workers are recruited through agencies "
    "and what fees they pay before departure."
)
FRENCH = (
    "Le groupe de travail s'est réuni pour examiner comment les travailleurs migrants sont "
    "recrutés par des agences et quels frais ils paient avant leur départ."
)


def upload(actor, data, filename="brief.pdf", **kwargs):
    return services.document_upload(
        actor=actor,
        data=data,
        filename=filename,
        title=kwargs.pop("title", "Recruitment fees brief"),
        kind=kwargs.pop("kind", "policy_brief"),
        **kwargs,
    )


def test_pdf_upload_is_processed_to_ready_with_text_and_language(
    secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(secretariat_user, make_pdf(ENGLISH))
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.progress == 100
    assert "recruited through agencies" in document.text
    assert document.mime_type == "application/pdf"
    assert document.language == "en" and document.detected_language == "en"
    assert default_storage.exists(document.file.name)
    assert AuditEvent.objects.filter(object_id=document.pk, action="uploaded").exists()


def test_docx_in_french_is_detected_as_french(focal_point_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(focal_point_user, make_docx(FRENCH), filename="note.docx")
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.language == "fr"
    assert "frais" in document.text


def test_language_given_by_uploader_wins_over_detection(
    secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(secretariat_user, make_pdf(ENGLISH), language="es")
    document.refresh_from_db()
    assert (document.language, document.detected_language) == ("es", "en")


def test_unreadable_file_fails_cleanly_and_keeps_nothing(
    secretariat_user, django_capture_on_commit_callbacks
):
    damaged = b"%PDF-1.7\n" + b"\x00garbage" * 50
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(secretariat_user, damaged)
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "could not be read" in document.error
    assert document.text == "" and not document.file
    assert not Tagging.objects.filter(object_id=document.pk).exists()
    assert document.search_document() is None
    assert not Document.objects.filter(status="ready").exists()


def test_too_large_or_empty_file_is_refused_before_anything_is_saved(secretariat_user, settings):
    settings.MAX_UPLOAD_SIZE = 100
    with pytest.raises(IngestError, match="larger"):
        upload(secretariat_user, b"x" * 101, filename="big.txt")
    with pytest.raises(IngestError, match="empty"):
        upload(secretariat_user, b"", filename="empty.txt")
    assert Document.objects.count() == 0


def test_upload_with_same_source_key_updates_instead_of_duplicating(
    secretariat_user, django_capture_on_commit_callbacks
):
    for text in (ENGLISH, FRENCH):
        with django_capture_on_commit_callbacks(execute=True):
            upload(secretariat_user, text.encode(), filename="a.txt", source_key="demo:a")
    document = Document.objects.get()
    assert document.language == "fr" and "frais" in document.text


def test_language_correction_is_audited(secretariat_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(secretariat_user, make_pdf(ENGLISH))
    document.refresh_from_db()
    services.document_update(
        document=document, actor=secretariat_user, language="fr", tags=[objective(6)]
    )
    document.refresh_from_db()
    assert document.language == "fr"
    event = AuditEvent.objects.get(object_id=document.pk, action="language_corrected")
    assert (event.old_value, event.new_value) == ("en", "fr")
    assert document.search_document().objectives == [6]


def test_document_delete_removes_record_and_file(
    secretariat_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = upload(secretariat_user, make_pdf(ENGLISH))
    document.refresh_from_db()
    name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(document=document, actor=secretariat_user)
    assert not Document.objects.exists()
    assert not default_storage.exists(name)


# Practices


def test_practice_workflow_with_notes_and_audit(stakeholder_user, secretariat_user):
    practice = practice_submit(stakeholder_user)
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.organization == stakeholder_user.organization
    assert practice.language == "en"
    assert {t.element.code for t in practice.taggings.all()} == {"6"}

    services.practice_review_start(practice=practice, actor=secretariat_user)
    services.practice_request_changes(
        practice=practice, actor=secretariat_user, note="Please add the number of workers."
    )
    assert practice.status == Practice.Status.CHANGES_REQUESTED
    services.practice_update(
        practice=practice, actor=stakeholder_user, results="About 400 workers advised a season."
    )
    services.practice_resubmit(practice=practice, actor=stakeholder_user)
    services.practice_publish(practice=practice, actor=secretariat_user)
    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED and practice.published_at
    assert "400 workers" in practice.search_document().text
    steps = list(PracticeReviewEvent.objects.filter(practice=practice))
    assert [s.to_status for s in steps] == [
        "submitted",
        "in_review",
        "changes_requested",
        "submitted",
        "published",
    ]
    assert steps[2].note == "Please add the number of workers."
    assert AuditEvent.objects.filter(object_id=practice.pk, field="status").count() == 4


def test_practice_transitions_follow_the_rules(stakeholder_user, secretariat_user):
    practice = practice_submit(stakeholder_user)
    with pytest.raises(services.PracticeTransitionError):
        services.practice_resubmit(practice=practice, actor=stakeholder_user)
    with pytest.raises(services.PracticeTransitionError, match="Say what"):
        services.practice_request_changes(practice=practice, actor=secretariat_user, note=" ")
    with pytest.raises(services.PracticeTransitionError, match="Say why"):
        services.practice_decline(practice=practice, actor=secretariat_user, note="")
    services.practice_review_start(practice=practice, actor=secretariat_user)
    with pytest.raises(services.PracticeTransitionError, match="cannot be edited"):
        services.practice_update(practice=practice, actor=stakeholder_user, title="Sneaky")
    services.practice_update(practice=practice, actor=secretariat_user, title="Curated title")
    services.practice_decline(practice=practice, actor=secretariat_user, note="Only planned.")
    with pytest.raises(services.PracticeTransitionError):
        services.practice_publish(practice=practice, actor=secretariat_user)
    assert practice.search_document() is None


def test_practice_pdf_attachment_text_is_kept_and_searchable(stakeholder_user, secretariat_user):
    pdf = make_pdf("The clinic's van carries a portable photocopier named Bellweather.")
    practice = practice_submit(stakeholder_user, attachment=(pdf, "clinic.pdf"))
    assert "Bellweather" in practice.attachment_text
    assert practice.attachment_name == "clinic.pdf"
    services.practice_publish(practice=practice, actor=secretariat_user)
    assert "Bellweather" in practice.search_document().text


def test_practice_attachment_must_be_a_readable_pdf(stakeholder_user):
    with pytest.raises(IngestError):
        practice_submit(stakeholder_user, attachment=(make_docx("Not a PDF"), "note.docx"))
    with pytest.raises(IngestError):
        practice_submit(stakeholder_user, attachment=(b"%PDF-1.4 broken", "broken.pdf"))
    assert not Practice.objects.exists()


def test_library_add_command_adds_then_updates(
    tmp_path, reference_data, django_capture_on_commit_callbacks
):
    import io

    from django.core.management import CommandError, call_command

    path = tmp_path / "note.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("library_add", str(path), "--kind", "report", stdout=out)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("library_add", str(path), "--kind", "report", "--title", "Fees", stdout=out)
    document = Document.objects.get()
    assert (document.title, document.status, document.language) == ("Fees", "ready", "en")
    assert "Ready" in out.getvalue()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n\x00\x01 broken")
    with (
        pytest.raises(CommandError, match="could not be read"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("library_add", str(bad), stdout=out)


def test_submitter_is_told_of_review_decisions_by_email(
    stakeholder_user, secretariat_user, mailoutbox, django_capture_on_commit_callbacks
):
    practice = practice_submit(stakeholder_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_request_changes(
            practice=practice, actor=secretariat_user, note="Add the partner's name."
        )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [stakeholder_user.email]
    assert "Changes requested" in message.subject and "Add the partner's name." in message.body
    stakeholder_user.preferred_language = "fr"
    stakeholder_user.save(update_fields=["preferred_language"])
    practice.submitted_by.refresh_from_db()
    services.practice_resubmit(practice=practice, actor=stakeholder_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_publish(practice=practice, actor=secretariat_user)
    assert len(mailoutbox) == 2 and "Approuvée et publiée" in mailoutbox[1].subject
