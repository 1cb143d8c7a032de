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
