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


def test_api_shows_confirmed_tags_only(client, reference_data):
    """Suggestions and their confidence are for editors on the site, not for the public API."""
    from nethub.framework.models import ElementKind, FrameworkElement
    from nethub.framework.services import tag_suggestions_record, tags_set

    document = Document.objects.create(title="Tagged", status="ready", kind="report")
    objectives = FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).order_by("position")
    tags_set(obj=document, elements=[objectives[0]], actor=None)
    tag_suggestions_record(obj=document, scored=[(objectives[1], 0.9)])
    (listed,) = client.get("/api/library/documents/").json()["results"]
    assert listed["tags"] == [
        {"kind": "objective", "code": "1", "title": objectives[0].title, "status": "confirmed"}
    ]
