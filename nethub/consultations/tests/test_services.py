"""Services: posting (sanitised, attachments checked by content and size), editing with
history, supports, flags, moderation with audit, interests, e-mails after commit."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from nethub.consultations import services, targets
from nethub.consultations.models import Comment, Follow
from nethub.consultations.notifications import digests_send, unsubscribe_read
from nethub.consultations.sanitize import sanitize_html
from nethub.consultations.tests.factories import consultation_in, docx_bytes, pdf_bytes
from nethub.core.selectors import audit_history


@pytest.mark.parametrize(
    "hostile, forbidden",
    [
        ("<script>alert(1)</script><p>Hi</p>", "<script"),
        ('<p onclick="alert(1)">Hi</p>', "onclick"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "avascript"),
        ('<a href="data:text/html,<script>">x</a>', "data:"),
        ('<iframe src="https://evil.example"></iframe>', "iframe"),
        ('<p style="background:url(x)">x</p>', "style"),
    ],
)
def test_hostile_html_is_neutralised(hostile, forbidden):
    clean = sanitize_html(hostile)
    assert forbidden.lower() not in clean.lower()


def test_allowed_html_is_kept_with_safe_links():
    clean = sanitize_html(
        '<p><strong>Bold</strong> <em>it</em> <a href="https://example.org">link</a></p>'
        "<ul><li>one</li></ul><blockquote>q</blockquote>"
    )
    assert '<a href="https://example.org" rel="noopener nofollow">link</a>' in clean
    assert "<strong>Bold</strong>" in clean and "<blockquote>q</blockquote>" in clean


def test_plain_text_becomes_paragraphs_and_is_escaped():
    assert sanitize_html("a < b\n\nsecond") == "<p>a &lt; b</p><p>second</p>"


@pytest.mark.django_db
def test_comment_on_behalf_of_organisation_with_pdf_and_docx(stakeholder_user):
    consultation = consultation_in("open")
    comment = services.comment_create(
        consultation=consultation,
        actor=stakeholder_user,
        body="<p>Our view</p><script>x()</script>",
        question=consultation.questions.first(),
        attachments=[
            SimpleUploadedFile("ours.pdf", pdf_bytes("Remittances matter a lot to us.")),
            SimpleUploadedFile("more.docx", docx_bytes()),
        ],
    )
    assert comment.organization == stakeholder_user.organization
    assert comment.body == "<p>Our view</p>"
    pdf, word = comment.attachments.order_by("pk")
    assert pdf.mime_type == "application/pdf" and "Remittances" in pdf.text
    assert "priority 3" in word.text
    assert "Remittances" in comment.search_document().text
    assert Follow.objects.filter(user=stakeholder_user, consultation=consultation).exists()


@pytest.mark.django_db
def test_fake_pdf_is_refused_and_nothing_is_saved(stakeholder_user):
    consultation = consultation_in("open")
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is an executable, not a PDF" * 10)
    with pytest.raises(ValidationError, match="report.pdf"):
        services.comment_create(
            consultation=consultation, actor=stakeholder_user, body="x", attachments=[fake]
        )
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_html_renamed_pdf_is_refused(stakeholder_user):
    consultation = consultation_in("open")
    fake = SimpleUploadedFile("report.pdf", b"<html><body><script>x</script>hello</body></html>")
    with pytest.raises(ValidationError):
        services.comment_create(
            consultation=consultation, actor=stakeholder_user, body="x", attachments=[fake]
        )


class _HugeUpload:
    """An upload that says it holds 200 MB; reading it fails the test."""

    name = "huge.pdf"
    size = 200 * 1024 * 1024

    def read(self, *args):
        raise AssertionError("a 200 MB upload must be refused before it is read")


@pytest.mark.django_db
def test_200_mb_upload_is_refused_before_reading(stakeholder_user):
    consultation = consultation_in("open")
    with pytest.raises(ValidationError, match="larger than"):
        services.comment_create(
            consultation=consultation,
            actor=stakeholder_user,
            body="x",
            attachments=[_HugeUpload()],
        )
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("phase", ["upcoming", "closed"])
def test_posting_outside_the_phase_is_refused(stakeholder_user, phase):
    with pytest.raises(PermissionDenied):
        services.comment_create(
            consultation=consultation_in(phase), actor=stakeholder_user, body="too late"
        )


@pytest.mark.django_db
def test_edit_keeps_history(stakeholder_user):
    consultation = consultation_in("open")
    comment = services.comment_create(consultation=consultation, actor=stakeholder_user, body="v1")
    services.comment_update(comment=comment, actor=stakeholder_user, body="v2")
    comment.refresh_from_db()
    assert comment.text == "v2" and comment.edited_at
    assert [r.body for r in comment.revisions.all()] == ["<p>v1</p>"]


@pytest.mark.django_db
def test_reply_notifies_author_after_commit(
    stakeholder_user, focal_point_user, django_capture_on_commit_callbacks
):
    consultation = consultation_in("open")
    with django_capture_on_commit_callbacks(execute=True):
        parent = services.comment_create(
            consultation=consultation, actor=stakeholder_user, body="first"
        )
        assert not mail.outbox
        services.comment_create(
            consultation=consultation, actor=focal_point_user, body="a reply", parent=parent
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [stakeholder_user.email]
    assert "a reply" in message.body and "/unsubscribe/" in message.body
    token = message.body.split("/unsubscribe/")[1].split("/")[0]
    assert unsubscribe_read(token) == (stakeholder_user.pk, None)


@pytest.mark.django_db
def test_moderation_hide_restore_audit_and_mail(
    stakeholder_user, secretariat_user, django_capture_on_commit_callbacks
):
    consultation = consultation_in("open")
    comment = services.comment_create(consultation=consultation, actor=stakeholder_user, body="x")
    services.comment_flag(comment=comment, actor=secretariat_user, reason="off topic")
    with pytest.raises(PermissionDenied):
        services.comment_hide(comment=comment, actor=stakeholder_user, reason="no")
    with pytest.raises(ValidationError):
        services.comment_hide(comment=comment, actor=secretariat_user, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_hide(comment=comment, actor=secretariat_user, reason="Off topic.")
    assert comment.status == "hidden" and comment.search_document() is None
    assert "Off topic." in mail.outbox[-1].body
    assert not comment.flags.filter(resolved_at__isnull=True).exists()
    services.comment_restore(comment=comment, actor=secretariat_user)
    actions = [e.action for e in audit_history(subject=comment)]
    assert actions == ["restored", "hidden", "flagged"]


@pytest.mark.django_db
def test_pre_moderation_holds_comments(stakeholder_user, secretariat_user):
    consultation = consultation_in("open", moderation="pre")
    comment = services.comment_create(consultation=consultation, actor=stakeholder_user, body="x")
    assert comment.status == "pending"
    services.comment_restore(comment=comment, actor=secretariat_user)
    assert comment.status == "visible"
    assert audit_history(subject=comment).first().action == "approved"


@pytest.mark.django_db
def test_support_once_per_organisation_not_own(stakeholder_user, focal_point_user):
    consultation = consultation_in("open")
    comment = services.comment_create(consultation=consultation, actor=stakeholder_user, body="x")
    with pytest.raises(PermissionDenied):
        services.comment_support(comment=comment, actor=stakeholder_user)
    services.comment_support(comment=comment, actor=focal_point_user)
    services.comment_support(comment=comment, actor=focal_point_user)
    assert comment.supports.count() == 1


@pytest.mark.django_db
def test_interests_set_and_withdraw(stakeholder_user):
    consultation = consultation_in("open")
    provider = targets.provider()
    p1 = provider.priority(consultation, number="1", title="One", status="")
    wg = provider.group(consultation, kind="working_group", number="", title="Returns")
    services.interest_set(
        consultation=consultation,
        actor=stakeholder_user,
        choices={targets.key(p1): "continue", targets.key(wg): "start"},
    )
    services.interest_set(
        consultation=consultation, actor=stakeholder_user, choices={targets.key(wg): "continue"}
    )
    assert [(i.target, i.engagement) for i in consultation.interests.all()] == [(wg, "continue")]


@pytest.mark.django_db
@override_settings(SITE_URL="https://hub.example.org")
def test_daily_digest_grouped_by_consultation(stakeholder_user, focal_point_user):
    a = consultation_in("open", title="Alpha")
    b = consultation_in("open", participation="members", title="Beta")
    for consultation in (a, b):
        Follow.objects.create(consultation=consultation, user=stakeholder_user)
        services.comment_create(consultation=consultation, actor=focal_point_user, body="news")
    assert digests_send() == 1  # the focal point is not told of their own comments
    digest = next(m for m in mail.outbox if m.to == [stakeholder_user.email])
    assert "== Alpha (1) ==" in digest.body and "== Beta (1) ==" in digest.body
    assert "https://hub.example.org" in digest.body
    mail.outbox.clear()
    assert digests_send() == 0  # nothing new since the last digest


@pytest.mark.django_db
def test_too_many_attachments_refused(stakeholder_user):
    files = [SimpleUploadedFile(f"{i}.pdf", pdf_bytes()) for i in range(6)]
    with pytest.raises(ValidationError, match="At most 5"):
        services.comment_create(
            consultation=consultation_in("open"),
            actor=stakeholder_user,
            body="x",
            attachments=files,
        )


@pytest.mark.django_db
def test_import_escapes_markup_in_the_page(reference_data, tmp_path):
    from nethub.consultations.importer import consultation_import

    path = tmp_path / "page.txt"
    path.write_text(
        "A consultation\nComments\nAs Example Org, we say <script>alert(1)</script> hello.\n",
        encoding="utf-8",
    )
    comment = consultation_import(path=path).consultation.comments.get()
    assert "<script>" not in comment.body and "&lt;script&gt;" in comment.body
    assert comment.organization.name == "Example Org"
