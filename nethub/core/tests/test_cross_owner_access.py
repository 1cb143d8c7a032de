"""Nobody reaches another person's or organisation's records through a guessed id: pages, files
and the API answer 403 or 404 and change nothing (IDOR)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import _user
from nethub.consultations.tests.factories import comment, consultation_in
from nethub.library.models import Document
from nethub.library.tests.factories import make_pdf, practice_submit
from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = pytest.mark.django_db

REFUSED = (403, 404)


@pytest.fixture
def intruder(reference_data):
    from nethub.accounts.models import Role

    return _user(Role.STAKEHOLDER, "Intruders United", "civil_society", "intruder_user")


def test_another_persons_comment_cannot_be_edited(client, stakeholder_user, intruder):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Original words")
    client.force_login(intruder)
    url = reverse("consultations:comment_edit", args=[consultation.slug, c.pk])
    assert client.get(url).status_code in REFUSED
    assert client.post(url, {"body": "Defaced"}).status_code in REFUSED
    c.refresh_from_db()
    assert "Original words" in c.body


def test_hidden_comments_stay_hidden_from_the_api(client, stakeholder_user, intruder):
    consultation = consultation_in("open")
    c = comment(consultation, author=stakeholder_user, body="Under moderation")
    c.status = "hidden"
    c.save()
    client.force_login(intruder)
    assert client.get(f"/api/consultation-comments/{c.pk}/").status_code == 404
    assert "Under moderation" not in client.get("/api/consultation-comments/").content.decode()


def test_another_persons_practice_cannot_be_seen_or_edited(client, stakeholder_user, intruder):
    practice = practice_submit(stakeholder_user, attachment=(make_pdf("Private plan."), "plan.pdf"))
    client.force_login(intruder)
    for name in ("library:practice_detail", "library:practice_edit", "library:practice_attachment"):
        assert client.get(reverse(name, args=[practice.pk])).status_code in REFUSED, name
    response = client.post(reverse("library:practice_edit", args=[practice.pk]), {"title": "X"})
    assert response.status_code in REFUSED
    assert client.get(f"/api/library/practices/{practice.pk}/").status_code == 404
    practice.refresh_from_db()
    assert practice.title != "X"


@pytest.mark.parametrize("status", ["processing", "failed"])
def test_unready_document_and_its_file_are_only_for_uploader(
    client, stakeholder_user, intruder, status
):
    from django.core.files.base import ContentFile

    document = Document.objects.create(title="Draft", status=status, uploaded_by=stakeholder_user)
    document.file.save("draft.pdf", ContentFile(make_pdf("Draft.")))
    urls = [
        reverse(name, args=[document.pk])
        for name in ("library:document_detail", "library:document_file", "library:document_edit")
    ]
    for who in (None, intruder):
        client.logout()
        if who:
            client.force_login(who)
        for url in urls:
            assert client.get(url).status_code in REFUSED + (302,), url
        assert client.get(f"/api/library/documents/{document.pk}/").status_code == 404
    delete = reverse("library:document_delete", args=[document.pk])
    assert client.post(delete).status_code in REFUSED
    assert Document.objects.filter(pk=document.pk).exists()
    client.force_login(stakeholder_user)
    assert client.get(urls[1]).status_code == 200


def test_focal_point_cannot_change_another_organisations_action_point(client, focal_point_user):
    from nethub.directory.models import Organization

    other = Organization.objects.exclude(pk=focal_point_user.organization_id).first()
    point = ActionPointFactory(owner_organization=other)
    client.force_login(focal_point_user)
    url = reverse("meetings:action_point_status", args=[point.pk])
    assert client.post(url, {"status": "done", "comment": "x"}).status_code == 403
    api = client.post(f"/api/action-points/{point.pk}/status/", {"status": "done"})
    assert api.status_code == 403
    point.refresh_from_db()
    assert point.status == "open"
