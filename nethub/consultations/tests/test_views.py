"""Pages: the thread costs the same queries for 10 or 2,000 comments; forms appear and posts
are accepted only in the open phase; moderation, synthesis and exports."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nethub.consultations.models import Attachment, Comment, Support
from nethub.consultations.tests.factories import comment, consultation_in
from nethub.directory.models import Organization


def build_thread(consultation, n: int, organization) -> None:
    """n comments: a tenth top-level, the rest replies in chains, some with attachments and
    supports."""
    roots = Comment.objects.bulk_create(
        Comment(
            consultation=consultation, organization=organization, body="<p>root</p>", text="root"
        )
        for _ in range(max(1, n // 10))
    )
    made = list(roots)
    parent_index = 0
    while len(made) < n:
        parent = made[parent_index % len(made)]
        made.append(
            Comment.objects.create(
                consultation=consultation,
                organization=organization,
                parent=parent,
                body="<p>reply</p>",
                text="reply",
            )
        )
        parent_index += 1
    Attachment.objects.bulk_create(
        Attachment(comment=c, file="x.pdf", filename="x.pdf", mime_type="application/pdf", size=3)
        for c in made[::7]
    )
    other, _ = Organization.objects.get_or_create(
        name="Supporting Organisation", defaults={"slug": "supporting-organisation", "kind": "ngo"}
    )
    Support.objects.bulk_create(Support(comment=c, organization=other) for c in made[::5])


def _queries(client, url) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        body = response.getvalue()  # a streamed export reads its rows as it is sent
    assert response.status_code == 200
    return len(ctx.captured_queries), body


@pytest.mark.django_db
def test_thread_queries_do_not_grow(client, stakeholder_user):
    small = consultation_in("open", slug="small")
    large = consultation_in("open", slug="large")
    build_thread(small, 10, stakeholder_user.organization)
    build_thread(large, 2000, stakeholder_user.organization)
    client.force_login(stakeholder_user)
    n_small, _ = _queries(client, reverse("consultations:detail", args=["small"]))
    n_large, content = _queries(client, reverse("consultations:detail", args=["large"]))
    assert n_small == n_large
    # Whole threads are paginated (50 top-level threads a page): all 2,000 are on 4 pages.
    assert content.count(b'class="comment ') == 500
    total = 0
    for page in range(1, 5):
        _n, content = _queries(
            client, reverse("consultations:detail", args=["large"]) + f"?page={page}"
        )
        total += content.count(b'class="comment ')
    assert total == 2000


@pytest.mark.django_db
def test_form_shown_and_post_accepted_only_while_open(client, stakeholder_user):
    client.force_login(stakeholder_user)
    for phase in ("upcoming", "open", "closed"):
        consultation = consultation_in(phase)
        page = client.get(consultation.get_absolute_url()).content.decode()
        assert ('id="comment-form"' in page) is (phase == "open")
        assert ('href="#comment-form"' in page) is (phase == "open")  # the jump link above
        response = client.post(
            reverse("consultations:comment_create", args=[consultation.slug]),
            {"body": "Hello"},
        )
        assert response.status_code == (302 if phase == "open" else 403)
        assert consultation.comments.count() == (1 if phase == "open" else 0)


@pytest.mark.django_db
def test_post_with_fake_pdf_shows_error_and_keeps_text(client, stakeholder_user):
    client.force_login(stakeholder_user)
    consultation = consultation_in("open")
    fake = io.BytesIO(b"not a pdf at all, just bytes \x00\x01")
    fake.name = "evil.pdf"
    response = client.post(
        reverse("consultations:comment_create", args=[consultation.slug]),
        {"body": "My careful text", "attachments": fake},
    )
    assert response.status_code == 400
    assert b"evil.pdf" in response.content and b"My careful text" in response.content
    assert not consultation.comments.exists()


@pytest.mark.django_db
def test_hidden_comment_shows_reason_to_author_only(client, stakeholder_user, secretariat_user):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Rude words")
    client.force_login(secretariat_user)
    url = reverse("consultations:comment_moderate", args=[consultation.slug, c.pk])
    assert client.post(url, {"action": "hide", "reason": "Insults."}).status_code == 302
    client.logout()
    public = client.get(consultation.get_absolute_url()).content.decode()
    assert "Rude words" not in public and "Insults." not in public
    assert "Hidden by a moderator." in public
    client.force_login(stakeholder_user)
    own = client.get(consultation.get_absolute_url()).content.decode()
    assert "Rude words" in own and "Insults." in own
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_moderation_queue_and_synthesis_exports(client, secretariat_user, stakeholder_user):
    consultation = consultation_in("open", moderation="pre")
    visible = comment(consultation, author=stakeholder_user, body="=cmd|' /C calc'!A0")
    pending = comment(consultation, author=stakeholder_user, body="Please review me")
    pending.status = "pending"
    pending.save()
    client.force_login(secretariat_user)
    queue = client.get(reverse("consultations:moderation")).content.decode()
    assert "Please review me" in queue
    csv_url = reverse("consultations:export", args=[consultation.slug, "csv"])
    data = client.get(csv_url).getvalue().decode("utf-8-sig")
    assert "'=cmd" in data and "Please review me" not in data
    assert "Please review me" in client.get(csv_url + "?hidden=1").getvalue().decode("utf-8-sig")
    for fmt, magic in (("xlsx", b"PK"), ("docx", b"PK")):
        response = client.get(reverse("consultations:export", args=[consultation.slug, fmt]))
        assert response.status_code == 200 and response.getvalue()[:2] == magic
    assert (
        client.get(reverse("consultations:synthesis", args=[consultation.slug])).status_code == 200
    )
    client.force_login(stakeholder_user)
    assert client.get(csv_url).status_code == 403
    del visible


@pytest.mark.django_db
def test_unsubscribe_link(client, stakeholder_user):
    from nethub.consultations.models import Follow
    from nethub.consultations.notifications import unsubscribe_token

    consultation = consultation_in("open")
    Follow.objects.create(consultation=consultation, user=stakeholder_user)
    token = unsubscribe_token(user_id=stakeholder_user.pk, consultation_id=consultation.pk)
    url = reverse("consultations:unsubscribe", args=[token])
    assert client.get(url).status_code == 200
    assert Follow.objects.exists()  # a GET (mail scanners) changes nothing
    client.post(url)
    assert not Follow.objects.exists()
    assert client.get(url[:-3] + "xx/").status_code == 403


@pytest.mark.django_db
def test_suggested_objective_confirmed_from_synthesis(client, secretariat_user, stakeholder_user):
    from nethub.framework.models import FrameworkElement, Tagging
    from nethub.framework.services import tag_suggestions_record

    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Cheaper remittances, please.")
    objective = FrameworkElement.objects.get(kind="objective", code="20")
    tag_suggestions_record(obj=c, scored=[(objective, 0.8)])
    client.force_login(secretariat_user)
    url = reverse("consultations:synthesis", args=[consultation.slug])
    page = client.get(url).content.decode()
    assert "suggested" in page and "Objective 20" in page
    tagging = Tagging.objects.get(object_id=c.pk, element=objective)
    confirm = reverse("consultations:tag_confirm", args=[consultation.slug, tagging.pk])
    client.force_login(stakeholder_user)
    assert client.post(confirm).status_code == 403
    client.force_login(secretariat_user)
    assert client.post(confirm).status_code == 302
    tagging.refresh_from_db()
    assert tagging.status == "confirmed" and tagging.tagged_by == secretariat_user
    assert "20 (confirmed)" in client.get(
        reverse("consultations:export", args=[consultation.slug, "csv"])
    ).getvalue().decode("utf-8-sig")


@pytest.mark.django_db
def test_interests_form_and_table_export(client, stakeholder_user, secretariat_user):
    from nethub.consultations import targets

    consultation = consultation_in("open")
    target = targets.provider().priority(
        consultation, number="3", title="Health emergencies", status=""
    )
    key = targets.key(target)
    client.force_login(stakeholder_user)
    url = reverse("consultations:interests", args=[consultation.slug])
    assert client.post(url, {f"target-{key}": "start"}).status_code == 302
    client.force_login(secretariat_user)
    data = (
        client.get(reverse("consultations:export", args=[consultation.slug, "interests.csv"]))
        .getvalue()
        .decode("utf-8-sig")
    )
    assert "Health emergencies,Test Migrant Rights Network,start" in data
    consultation.closes_at = consultation.opens_at
    consultation.save()
    client.force_login(stakeholder_user)
    assert client.post(url, {f"target-{key}": "continue"}).status_code == 403


@pytest.mark.django_db
def test_search_finds_attachment_text_but_not_hidden_text(client, stakeholder_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from nethub.consultations import services
    from nethub.consultations.tests.factories import pdf_bytes

    consultation = consultation_in("open")
    services.comment_create(
        consultation=consultation,
        actor=stakeholder_user,
        body="See the attached paper.",
        attachments=[SimpleUploadedFile("a.pdf", pdf_bytes("Portable social security rights."))],
    )
    secret = comment(consultation, body="Hidden phrase about zebras")
    secret.status = "hidden"
    secret.save()
    url = consultation.get_absolute_url()
    found = client.get(url, {"q": "social security"}).content.decode()
    assert "See the attached paper." in found and "1 comment" in found
    assert "0 comments" in client.get(url, {"q": "zebras"}).content.decode()


@pytest.mark.django_db
def test_follow_toggle_and_digest_command(client, stakeholder_user, focal_point_user):
    from django.core import mail
    from django.core.management import call_command

    consultation = consultation_in("open")
    client.force_login(stakeholder_user)
    follow = reverse("consultations:follow", args=[consultation.slug])
    client.post(follow, {"follow": "1"})
    assert "Stop following" in client.get(consultation.get_absolute_url()).content.decode()
    comment(consultation, author=focal_point_user, body="Fresh news")
    call_command("send_digests")
    assert [m.to for m in mail.outbox] == [[stakeholder_user.email]]
    client.post(follow, {"follow": "0"})
    assert not consultation.follows.exists()


@pytest.mark.django_db
def test_moderator_queue_lists_only_their_consultations(client, focal_point_user, stakeholder_user):
    from nethub.consultations import services

    mine = consultation_in("open", moderator=focal_point_user, slug="mine")
    other = consultation_in("open", slug="other")
    for consultation, words in ((mine, "in mine"), (other, "in other")):
        c = comment(consultation, author=stakeholder_user, body=words)
        services.comment_flag(comment=c, actor=stakeholder_user, reason="check")
    client.force_login(focal_point_user)
    page = client.get(reverse("consultations:moderation")).content.decode()
    assert "in mine" in page and "in other" not in page


@pytest.mark.django_db
def test_synthesis_and_exports_cost_fixed_queries(client, secretariat_user, stakeholder_user):
    counts = {}
    for n in (3, 30):
        consultation = consultation_in("open", slug=f"s{n}")
        build_thread(consultation, n, stakeholder_user.organization)
        Comment.objects.filter(consultation=consultation).update(
            text="We recommend that priority 2 gets more funding."
        )
        client.force_login(secretariat_user)
        for name in ("synthesis", "csv", "docx"):
            url = (
                reverse("consultations:synthesis", args=[consultation.slug])
                if name == "synthesis"
                else reverse("consultations:export", args=[consultation.slug, name])
            )
            client.get(url)  # the first request also fills process-wide caches (content types)
            counts[(name, n)] = _queries(client, url)[0]
    for name in ("synthesis", "csv", "docx"):
        assert counts[(name, 3)] == counts[(name, 30)], name


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["hidden", "pending"])
def test_flag_page_does_not_reveal_a_comment_the_public_cannot_see(
    client, stakeholder_user, member_state_user, status
):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Words under moderation")
    c.status = status
    c.save()
    client.force_login(member_state_user)
    url = reverse("consultations:comment_flag", args=[consultation.slug, c.pk])
    for response in (client.get(url), client.post(url, {"reason": "x"})):
        assert response.status_code == 403
        assert "Words under moderation" not in response.content.decode()
    assert not c.flags.exists()


@pytest.mark.django_db
def test_flag_link_is_offered_on_visible_comments(client, stakeholder_user, member_state_user):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Visible words")
    client.force_login(member_state_user)
    page = client.get(consultation.get_absolute_url()).content.decode()
    assert reverse("consultations:comment_flag", args=[consultation.slug, c.pk]) in page


@pytest.mark.django_db
def test_a_hidden_comment_cannot_be_supported(client, stakeholder_user, focal_point_user):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Words under moderation")
    c.status = "hidden"
    c.save()
    client.force_login(focal_point_user)
    url = reverse("consultations:comment_support", args=[consultation.slug, c.pk])
    assert client.post(url).status_code == 403
    assert not c.supports.exists()


@pytest.mark.django_db(transaction=True)
def test_a_reply_returns_before_its_indexing_and_e_mail(
    client, task_queue, secretariat_user, stakeholder_user
):
    from django.contrib.contenttypes.models import ContentType
    from django.core import mail

    from nethub.search.models import Passage

    consultation = consultation_in("open")
    root = comment(consultation, author=stakeholder_user, body="Our view on priority 2.")
    client.force_login(secretariat_user)
    response = client.post(
        reverse("consultations:comment_create", args=[consultation.slug]),
        {"body": "We agree and add figures.", "parent": root.pk},
    )
    assert response.status_code == 302
    reply = Comment.objects.get(parent=root)
    passages = Passage.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=reply.pk
    )
    # Enqueued after the commit, not run: no passage, no e-mail yet.
    assert task_queue.paths("READY") == ["index_record", "send_reply_notification"]
    assert not passages.exists() and mail.outbox == []
    task_queue.work()
    assert task_queue.paths("SUCCESSFUL") == ["index_record", "send_reply_notification"]
    assert "We agree and add figures." in passages.get().text
    assert [m.to for m in mail.outbox] == [[stakeholder_user.email]]
