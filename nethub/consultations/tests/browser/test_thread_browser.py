"""In a real browser: a stakeholder comments with a PDF, another replies, the moderator hides
a comment with a reason, and after the closing date the form is gone and posts are refused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import browser_login
from nethub.consultations.models import Comment
from nethub.consultations.tests.factories import consultation_in, pdf_bytes


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_comment_reply_hide_close(
    page, stakeholder_user, focal_point_user, secretariat_user, tmp_path
):
    consultation = consultation_in("open", title="Draft workplan consultation")
    pdf = tmp_path / "our-comments.pdf"
    pdf.write_bytes(pdf_bytes("Full comments of our network on priority 3."))

    browser_login(page, stakeholder_user.username)
    page.goto(consultation.get_absolute_url())
    page.get_by_label("Question:", exact=True).select_option(label="1. What is missing?")
    page.get_by_label("Your comment").fill(
        "We ask for a priority on <strong>migrant women</strong>."
    )
    page.get_by_label("Attachments (PDF or Word, optional)").set_input_files(str(pdf))
    page.get_by_role("button", name="Post on behalf of my organisation").click()
    first = page.locator("article.comment").first
    first.get_by_text("Test Migrant Rights Network").wait_for()
    assert first.locator("strong").inner_text() == "migrant women"
    assert first.get_by_role("link", name="our-comments.pdf").is_visible()
    page.screenshot(path="/tmp/consultation-thread-1.png", full_page=True)

    page.get_by_role("button", name="Log out").click()
    browser_login(page, focal_point_user.username)
    page.goto(consultation.get_absolute_url())
    page.locator("article.comment").first.get_by_role("link", name="Reply").click()
    page.get_by_role("heading", name="Reply to Test Migrant Rights Network").wait_for()
    page.get_by_label("Your comment").fill("We agree and would co-lead.")
    page.get_by_role("button", name="Post on behalf of my organisation").click()
    reply = page.locator("article.comment.d1")
    reply.get_by_text("in reply to Test Migrant Rights Network").wait_for()
    original = Comment.objects.get(text__startswith="We ask")
    assert Comment.objects.get(text__startswith="We agree").parent_id == original.pk

    page.get_by_role("button", name="Log out").click()
    browser_login(page, secretariat_user.username)
    page.goto(consultation.get_absolute_url())
    page.locator(f"#comment-{original.pk}").get_by_role("link", name="Moderate").click()
    page.get_by_label("Reason (the author sees it)").fill("Contains personal data.")
    page.get_by_role("button", name="Hide").click()
    page.locator(f"#comment-{original.pk}").get_by_text(
        "Reason: Contains personal data."
    ).wait_for()
    page.screenshot(path="/tmp/consultation-thread-2.png", full_page=True)

    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.save(update_fields=["closes_at"])
    page.get_by_role("button", name="Log out").click()
    browser_login(page, stakeholder_user.username)
    page.goto(consultation.get_absolute_url())
    page.get_by_text("This consultation is closed").wait_for()
    assert page.locator("#comment-form").count() == 0
    assert page.get_by_role("link", name="Reply", exact=True).count() == 0
    # The hidden comment's author sees why.
    page.get_by_text("Reason: Contains personal data.").wait_for()
    status = page.evaluate(
        """async (url) => {
            const token = document.cookie.split('; ').find(c => c.startsWith('csrftoken='));
            const body = new FormData(); body.append('body', 'Too late');
            const r = await fetch(url, {method: 'POST', body,
                headers: {'X-CSRFToken': token ? token.split('=')[1] : ''}});
            return r.status; }""",
        f"/consultations/{consultation.slug}/comment/",
    )
    assert status == 403
    assert not Comment.objects.filter(text="Too late").exists()
    page.screenshot(path="/tmp/consultation-thread-3.png", full_page=True)
