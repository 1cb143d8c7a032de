import pytest

from nethub.library import services
from nethub.library.models import Document
from nethub.library.tests.factories import practice_submit

pytestmark = pytest.mark.django_db


def test_api_lists_ready_documents_and_published_practices_only(
    client, stakeholder_user, secretariat_user
):
    Document.objects.create(title="Ready one", status="ready", kind="report", language="en")
    Document.objects.create(title="Broken one", status="failed")
    published = practice_submit(stakeholder_user, title="Published practice")
    services.practice_publish(practice=published, actor=secretariat_user)
    practice_submit(stakeholder_user, title="Waiting practice")

    documents = client.get("/api/library/documents/").json()["results"]
    assert [d["title"] for d in documents] == ["Ready one"]
    practices = client.get("/api/library/practices/").json()["results"]
    assert [p["title"] for p in practices] == ["Published practice"]
    assert practices[0]["countries"] == ["MX"]
    assert {t["code"] for t in practices[0]["tags"]} == {"6"}
    assert client.post("/api/library/documents/", {"title": "x"}).status_code in (401, 403, 405)
    client.force_login(secretariat_user)
    practices = client.get("/api/library/practices/", {"ordering": "title"}).json()["results"]
    assert [(p["title"], p["status"]) for p in practices] == [
        ("Published practice", "published"),
        ("Waiting practice", "submitted"),
    ]


def test_api_schema_includes_library(client, reference_data):
    assert b"/api/library/practices/" in client.get("/api/schema/").content
