"""The thread page: sorting, filters, folded replies and flat query counts; the document
under consultation as a link; the synthesis explained to those who may not read it; one
comment per form, however often it is sent."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nethub.consultations import targets
from nethub.consultations.models import Comment, CommentTarget, DocumentVersion, Support
from nethub.consultations.services import comment_create
from nethub.consultations.tests.factories import comment, consultation_in
from nethub.directory.models import Organization

pytestmark = pytest.mark.django_db


def _thread(n: int):
    consultation = consultation_in("open", title="Workplan", slug=f"workplan-{n}")
    ngo, _new = Organization.objects.get_or_create(
        slug="some-ngo", defaults={"name": "Some NGO", "kind": "ngo"}
    )
    un = Organization.objects.get(acronym="UNHCR")
    priority = targets.provider().priority(
        consultation, number="3", title="Health emergencies", status=""
    )
    roots = []
    for i in range(n):
        root = comment(consultation, organization=ngo if i % 2 else un, body=f"Root {i}.")
        comment(consultation, organization=un, parent=root, body=f"Reply to {i}.")
        roots.append(root)
    CommentTarget.objects.create(comment=roots[0], **targets.ref(priority))
    Support.objects.create(comment=roots[-1], organization=ngo)
    return consultation, roots, priority


def _order(html: str, n: int) -> list[int]:
    return sorted(range(n), key=lambda i: html.index(f"Root {i}."))


def test_sorting_filtering_and_folded_replies(client):
    consultation, roots, priority = _thread(4)
    url = consultation.get_absolute_url()
    html = client.get(url).content.decode()
    assert _order(html, 4) == [0, 1, 2, 3]
    assert html.count("<details>") == 4 and "<summary>1 reply</summary>" in html
    assert _order(client.get(url, {"sort": "newest"}).content.decode(), 4) == [3, 2, 1, 0]
    supported = client.get(url, {"sort": "supported"}).content.decode()
    assert _order(supported, 4)[0] == 3
    ngo_only = client.get(url, {"kind": "ngo"}).content.decode()
    assert "Root 1." in ngo_only and "Root 3." in ngo_only and "Root 0." not in ngo_only
    named = client.get(url, {"priority": targets.key(priority)}).content.decode()
    assert "Root 0." in named and "Root 1." not in named and "Reply to 0." in named
    question = consultation.questions.get()
    Comment.objects.filter(pk=roots[2].pk).update(question=question)
    asked = client.get(url, {"question": question.pk}).content.decode()
    assert "Root 2." in asked and "Root 0." not in asked
    searched = client.get(url, {"q": "Root 1"}).content.decode()
    assert "<details open>" in searched or "Root 1." in searched


def test_thread_query_count_is_flat(client, django_assert_num_queries):
    few, _roots, priority = _thread(2)
    client.get(few.get_absolute_url())  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as small:
        client.get(few.get_absolute_url(), {"sort": "supported", "priority": targets.key(priority)})
    Comment.objects.all().delete()
    many, _roots, priority = _thread(30)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(
            many.get_absolute_url(), {"sort": "supported", "priority": targets.key(priority)}
        )


def test_the_document_under_consultation_is_a_link(client):
    consultation = consultation_in("closed", document_title="Draft workplan 2025")
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert f'href="{reverse("search:index")}?q=Draft+workplan+2025"' in html
    DocumentVersion.objects.create(
        consultation=consultation, label="Draft 1", url="https://example.org/draft.pdf"
    )
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert '<a href="https://example.org/draft.pdf" rel="noopener">Draft workplan 2025</a>' in html


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_the_synthesis_is_explained_to_those_who_may_not_read_it(client, users_by_role, role):
    consultation = consultation_in("closed")
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.get(reverse("consultations:synthesis", args=[consultation.slug]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "The synthesis groups what this consultation" in html
    assert "moderator and the Network secretariat" in html


def test_the_secretariat_reads_the_synthesis(client, secretariat_user):
    consultation = consultation_in("closed")
    client.force_login(secretariat_user)
    response = client.get(reverse("consultations:synthesis", args=[consultation.slug]))
    assert response.status_code == 200


def test_one_form_posts_one_comment(client, stakeholder_user):
    consultation = consultation_in("open")
    client.force_login(stakeholder_user)
    form = client.get(consultation.get_absolute_url()).content.decode()
    key = form.split('name="submission_key" value="')[1].split('"')[0]
    assert len(key) == 32
    url = reverse("consultations:comment_create", args=[consultation.slug])
    for _ in range(2):
        response = client.post(url, {"body": "Once only.", "submission_key": key})
        assert response.status_code == 302
    assert Comment.objects.filter(text="Once only.").count() == 1
    client.post(url, {"body": "Once only.", "submission_key": "another-form"})
    assert Comment.objects.filter(text="Once only.").count() == 2


def test_the_service_returns_the_earlier_comment_for_a_used_key(stakeholder_user):
    consultation = consultation_in("open")
    first = comment_create(
        consultation=consultation, actor=stakeholder_user, body="Hi.", submission_key="k1"
    )
    again = comment_create(
        consultation=consultation, actor=stakeholder_user, body="Hi.", submission_key="k1"
    )
    assert again.pk == first.pk and Comment.objects.count() == 1


def test_a_thread_page_builds_only_the_comments_it_shows(client):
    """Page 3 of 45 threads builds its own 5 threads and their replies (every Comment object
    the request makes is counted), not all 90 comments; the total comes from the database."""
    from django.db.models.signals import post_init

    from nethub.consultations import views

    consultation, roots, _priority = _thread(45)
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=Comment)
    try:
        response = client.get(consultation.get_absolute_url(), {"page": 3})
    finally:
        post_init.disconnect(count, sender=Comment)
    shown = {item.comment.pk for item in response.context["items"]}
    assert len(roots) == 45 and views.THREADS_PER_PAGE == 20
    assert len(shown) == 10 and len(built) == 10  # 5 threads of one reply each
    assert {r.pk for r in roots[40:]} <= shown and roots[39].pk not in shown
    assert response.context["comment_total"] == 90
    html = response.content.decode()
    assert "Root 44." in html and "Reply to 44." in html and "Root 39." not in html


def _synthesis_consultation(slug: str, organisations: int):
    consultation = consultation_in("closed", slug=slug)
    priority = targets.provider().priority(
        consultation, number="3", title="Health emergencies", status=""
    )
    for i in range(organisations):
        org, _new = Organization.objects.get_or_create(
            slug=f"synthesis-org-{i:02d}", defaults={"name": f"Org {i:02d}", "kind": "ngo"}
        )
        said = comment(
            consultation, organization=org, body=f"We urge the network to fund item {i}. Thanks."
        )
        comment(consultation, organization=org, parent=said, body="Agreed.")
        CommentTarget.objects.create(comment=said, **targets.ref(priority))
    return consultation


def test_asks_are_found_when_a_comment_is_written():
    consultation = consultation_in("open")
    said = comment(consultation, body="Thanks. We strongly recommend regular pathways for all.")
    assert said.asks == ["We strongly recommend regular pathways for all."]
    said.text = "Nothing asked here."
    said.save(update_fields=["text"])
    said.refresh_from_db()
    assert said.asks == []


def test_the_synthesis_pages_organisations_and_costs_flat_queries(
    client, secretariat_user, django_assert_num_queries
):
    small = _synthesis_consultation("synthesis-small", 3)
    large = _synthesis_consultation("synthesis-large", 25)
    client.force_login(secretariat_user)
    url = reverse("consultations:synthesis", args=[small.slug])
    client.get(url)  # warm process-wide caches (content types)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    url = reverse("consultations:synthesis", args=[large.slug])
    with django_assert_num_queries(len(queries.captured_queries)):
        response = client.get(url)
    s = response.context["s"]
    assert (s["count"], s["organization_count"], s["without_organization"]) == (50, 25, 0)
    html = response.content.decode()
    # Ten organisations a page, by name, each with its asks (stored on the comment).
    assert "We urge the network to fund item 9." in html
    assert "item 10." not in html and "Page 1 of 3" in html
    last = client.get(url, {"page": 3}).content.decode()
    assert "We urge the network to fund item 24." in last and "item 9." not in last
    # Under the priority: the count, the first five comments and a link to all in the thread.
    ((target, count, first, key),) = s["by_target"]
    assert count == 25 and len(first) == 5
    assert f"?priority={key}" in html and "All 25 in the thread" in html
    assert [n for _kind, n in s["by_kind"]] == [50]


def test_comment_dates_are_written_per_minute_and_names_per_record(client):
    """The page formats each date and name once (ThreadRenderer's memos): comments posted
    in other minutes still show their own time, and each comment its own organisation."""
    import datetime

    from django.utils import formats, timezone

    consultation, roots, _priority = _thread(2)
    first = timezone.make_aware(datetime.datetime(2024, 3, 5, 9, 15, 10))
    Comment.objects.filter(pk=roots[0].pk).update(created_at=first)
    Comment.objects.filter(pk=roots[1].pk).update(created_at=first + datetime.timedelta(hours=3))
    html = client.get(reverse("consultations:detail", args=[consultation.slug])).text
    for moment in (first, first + datetime.timedelta(hours=3)):
        written = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
        assert html.count(f">{written}</time>") == 1
    assert "Some NGO" in html and "UNHCR" in html


def test_supports_are_counted_and_the_viewers_own_can_be_withdrawn(client, stakeholder_user):
    """Each comment's supports and whether the viewer's organisation gave one are read with
    the comments: the count on the comment supported, "Withdraw support" on the one the
    viewer's organisation supports, "Support" on the others."""
    consultation = consultation_in("open")
    un = Organization.objects.get(acronym="UNHCR")
    other = Organization.objects.create(name="Another NGO", slug="another-ngo", kind="ngo")
    first = comment(consultation, organization=un, body="First.")
    second = comment(consultation, organization=un, parent=first, body="Second.")
    third = comment(consultation, organization=un, body="Third.")
    Support.objects.create(comment=first, organization=stakeholder_user.organization)
    Support.objects.create(comment=first, organization=other)
    Support.objects.create(comment=third, organization=other)
    client.force_login(stakeholder_user)
    html = client.get(consultation.get_absolute_url()).content.decode()

    def article(c) -> str:
        return html.split(f'id="comment-{c.pk}"', 1)[1].split("</article>", 1)[0]

    assert "supported by 2 organisations" in article(first)
    assert "Withdraw support" in article(first)
    assert "supported by" not in article(second) and "Withdraw support" not in article(second)
    assert ">Support</button>" in article(second)
    assert "supported by 1 organisation<" in article(third)
    assert ">Support</button>" in article(third)
    anonymous = client.__class__().get(consultation.get_absolute_url()).content.decode()
    assert "supported by 2 organisations" in anonymous and "Withdraw support" not in anonymous


def test_imported_comments_without_a_date_are_said_so_once(client):
    consultation = consultation_in("closed")
    dated = comment(consultation, body="Posted here.")
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert 'id="imported-undated"' not in html
    imported = comment(consultation, body="From the exported page.")
    Comment.objects.filter(pk=imported.pk).update(source_key="page-1#3", posted_on=None)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert html.count('id="imported-undated"') == 1
    assert f'id="comment-{dated.pk}"' in html
    # with a filter on the kind of organisation, the notice is worked out the other way
    html = client.get(consultation.get_absolute_url(), {"kind": "ngo"}).content.decode()
    assert html.count('id="imported-undated"') == 1
