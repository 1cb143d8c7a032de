"""Hostile text typed by people who are not the secretariat must never come back as markup a
browser would run: each payload is posted through the real form (or service, where the form
needs a file) and every page that shows it is read back."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nethub.consultations.tests.factories import consultation_in
from nethub.library.models import Document
from nethub.library.tests.factories import practice_submit
from nethub.meetings.tests.factories import ActionPointFactory

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
]
PAYLOAD = " ".join(PAYLOADS)
SHORT = PAYLOADS  # for fields with a small max_length, one payload at a time

pytestmark = pytest.mark.django_db


def assert_inert(html: str) -> None:
    lowered = html.lower()
    assert "<script>alert(1)" not in lowered
    assert "<img src=x onerror" not in lowered
    assert "onerror=alert" not in lowered.replace("&lt;img src=x onerror=alert", "")
    assert 'href="javascript:' not in lowered


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_comment_body_and_its_revisions(client, stakeholder_user, secretariat_user):
    consultation = consultation_in("open")
    client.force_login(stakeholder_user)
    create = reverse("consultations:comment_create", args=[consultation.slug])
    assert client.post(create, {"body": PAYLOAD}).status_code == 302
    comment = consultation.comments.get()
    edit = reverse("consultations:comment_edit", args=[consultation.slug, comment.pk])
    assert client.post(edit, {"body": "Now plain. " + PAYLOAD + " again"}).status_code == 302
    assert_inert(_page(client, consultation.get_absolute_url()))
    assert_inert(_page(client, edit))  # shows the earlier version too
    client.force_login(secretariat_user)
    assert_inert(
        _page(
            client, reverse("consultations:comment_moderate", args=[consultation.slug, comment.pk])
        )
    )
    assert_inert(
        _page(client, reverse("consultations:comment_flag", args=[consultation.slug, comment.pk]))
    )
    assert_inert(_page(client, reverse("consultations:synthesis", args=[consultation.slug])))
    client.logout()
    assert_inert(_page(client, consultation.get_absolute_url()))


@pytest.mark.parametrize("payload", SHORT)
def test_action_point_status_comment(client, focal_point_user, payload):
    point = ActionPointFactory(owner_organization=focal_point_user.organization)
    client.force_login(focal_point_user)
    response = client.post(
        reverse("meetings:action_point_status", args=[point.pk]),
        {"status": "done", "comment": payload},
    )
    assert response.status_code == 302
    assert_inert(_page(client, point.get_absolute_url()))
    assert_inert(_page(client, reverse("meetings:tracker")))


def test_practice_fields(client, stakeholder_user, secretariat_user):
    practice = practice_submit(
        stakeholder_user,
        title=PAYLOADS[0],
        summary=PAYLOAD,
        description=PAYLOAD,
        results=PAYLOAD,
        replicability=PAYLOAD,
    )
    client.force_login(stakeholder_user)
    detail = _page(client, practice.get_absolute_url())
    assert_inert(detail)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail
    assert_inert(_page(client, reverse("library:practice_mine")))
    assert_inert(_page(client, reverse("library:practice_edit", args=[practice.pk])))
    client.force_login(secretariat_user)
    assert_inert(_page(client, reverse("library:practice_queue")))
    assert_inert(_page(client, practice.get_absolute_url()))


def test_document_title_and_summary(client, stakeholder_user):
    document = Document.objects.create(
        title="Note", status="ready", language="en", kind="report", uploaded_by=stakeholder_user
    )
    client.force_login(stakeholder_user)
    response = client.post(
        reverse("library:document_edit", args=[document.pk]),
        {"title": PAYLOADS[1], "summary": PAYLOAD, "kind": "report", "language": "en"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == PAYLOADS[1]  # kept as typed; escaped when shown
    detail = _page(client, document.get_absolute_url())
    assert_inert(detail)
    assert "&lt;img src=x onerror=alert(1)&gt;" in detail  # shown as text, not dropped
    assert_inert(_page(client, reverse("library:index")))
    client.logout()
    assert_inert(_page(client, document.get_absolute_url()))


@pytest.mark.parametrize("payload", SHORT)
def test_names_chosen_on_accepting_an_invitation(client, secretariat_user, payload):
    from nethub.accounts.models import Role
    from nethub.accounts.services import invitation_create
    from nethub.directory.models import Organization

    invitation = invitation_create(
        email="joiner@example.org",
        organization=Organization.objects.get(acronym="ILO"),
        role=Role.FOCAL_POINT,
        actor=secretariat_user,
    )
    response = client.post(
        reverse("accounts:invitation_accept", args=[invitation.token]),
        {
            "username": "joiner",
            "first_name": payload,
            "last_name": payload,
            "password1": "a-long-enough-passphrase",
            "password2": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    consultation = consultation_in("open")
    comment_create = reverse("consultations:comment_create", args=[consultation.slug])
    assert client.post(comment_create, {"body": "Hello"}).status_code == 302
    assert_inert(_page(client, reverse("core:home")))
    assert_inert(_page(client, consultation.get_absolute_url()))
    point = ActionPointFactory(owner_organization=Organization.objects.get(acronym="ILO"))
    client.post(reverse("meetings:action_point_status", args=[point.pk]), {"status": "done"})
    assert_inert(_page(client, point.get_absolute_url()))
