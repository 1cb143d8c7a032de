import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nethub.framework.models import Tagging
from nethub.library import services
from nethub.library.models import Document, Practice
from nethub.library.tests.factories import (
    PRACTICE_TEXT,
    make_pdf,
    objective,
    practice_submit,
    principle,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Consular staff trained to assist nationals detained abroad, with hotlines in three languages."
)


def post_upload(client, data, name="brief.pdf", **extra):
    return client.post(
        reverse("library:document_upload"),
        {
            "file": SimpleUploadedFile(name, data),
            "title": "Consular assistance brief",
            "kind": "policy_brief",
            **extra,
        },
    )


def test_upload_processes_and_shows_the_document(
    client, stakeholder_user, django_capture_on_commit_callbacks
):
    client.force_login(stakeholder_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(client, make_pdf(TEXT))
    document = Document.objects.get()
    assert response.status_code == 302 and response.url == document.get_absolute_url()
    page = client.get(document.get_absolute_url()).content.decode()
    assert "Consular assistance brief" in page and "hotlines in three languages" in page
    assert "English" in page
    listing = client.get(reverse("library:index")).content.decode()
    assert "Consular assistance brief" in listing


def test_upload_of_a_refused_type_shows_the_error_and_saves_nothing(client, stakeholder_user):
    client.force_login(stakeholder_user)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = post_upload(client, png, name="photo.png")
    assert response.status_code == 200
    assert "not accepted" in response.content.decode()
    assert 'value="Consular assistance brief"' in response.content.decode()
    assert not Document.objects.exists()


def test_failed_document_shows_its_error_to_the_uploader_only(
    client, stakeholder_user, focal_point_user, django_capture_on_commit_callbacks
):
    client.force_login(stakeholder_user)
    with django_capture_on_commit_callbacks(execute=True):
        post_upload(client, b"%PDF-1.5\n" + b"\x01junk" * 40)
    document = Document.objects.get()
    assert document.status == "failed"
    page = client.get(document.get_absolute_url()).content.decode()
    assert "This file could not be read" in page and "damaged" in page
    assert 'badge danger">Failed' in client.get(reverse("library:index")).content.decode()
    client.force_login(focal_point_user)
    assert "Consular assistance brief" not in client.get(reverse("library:index")).content.decode()
    assert client.get(document.get_absolute_url()).status_code == 403
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 302


def test_progress_partial_polls_while_processing_and_refreshes_when_done(client, stakeholder_user):
    document = Document.objects.create(
        title="Pending", status="processing", progress=40, uploaded_by=stakeholder_user
    )
    client.force_login(stakeholder_user)
    url = reverse("library:document_progress", args=[document.pk])
    response = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in response.content.decode()
    assert 'value="40"' in response.content.decode()
    assert "HX-Refresh" not in response
    Document.objects.filter(pk=document.pk).update(status="ready", progress=100)
    response = client.get(url, headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"
    assert "every 1s" not in response.content.decode()


def content_type_id(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_editor_confirms_and_removes_suggested_tags(client, secretariat_user):
    from nethub.framework.services import tag_suggestions_record

    document = Document.objects.create(title="Remittances", status="ready", text="x")
    tag_suggestions_record(obj=document, scored=[(objective(20), 0.61), (objective(3), 0.31)])
    client.force_login(secretariat_user)
    page = client.get(document.get_absolute_url()).content.decode()
    # Editors see the suggester's confidence; the public never sees suggestions.
    assert "Suggested tags" in page and "confidence 0.61" in page
    confirm, drop = (document.taggings.get(element=objective(n)) for n in (20, 3))
    url = reverse("framework:tags_edit", args=[content_type_id(document), document.pk])
    response = client.post(
        url, {"action": "confirm", "tagging": confirm.pk}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and 'class="tag-editor"' in response.content.decode()
    client.post(url, {"action": "remove", "tagging": drop.pk})
    assert list(document.taggings.values_list("element__code", "status")) == [
        ("20", Tagging.Status.CONFIRMED)
    ]


def test_edit_corrects_language(client, secretariat_user):
    document = Document.objects.create(title="Note", status="ready", language="en", kind="report")
    client.force_login(secretariat_user)
    response = client.post(
        reverse("library:document_edit", args=[document.pk]),
        {"title": "Note", "kind": "report", "language": "es", "objectives": [objective(5).pk]},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.language == "es"
    assert document.search_document().objectives == [5]


def practice_form(**overrides):
    data = {
        **PRACTICE_TEXT,
        "objectives": [objective(6).pk],
        "principles": [principle(6).pk],
        "countries": [],
        "regions": [],
    }
    data.update(overrides)
    return data


def test_practice_submit_review_and_publish_through_the_pages(
    client, stakeholder_user, secretariat_user
):
    from nethub.directory.models import Country

    mexico = Country.objects.get(iso2="MX")
    client.force_login(stakeholder_user)
    response = client.post(reverse("library:practice_submit"), practice_form())
    assert response.status_code == 200 and "countries or regions" in response.content.decode()
    pdf = SimpleUploadedFile("clinic.pdf", make_pdf("Harvest clinic manual, second edition."))
    response = client.post(
        reverse("library:practice_submit"),
        practice_form(countries=[mexico.pk], attachment=pdf),
    )
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert "Harvest clinic manual" in practice.attachment_text
    review_url = reverse("library:practice_review", args=[practice.pk])
    assert client.post(review_url, {"action": "publish"}).status_code == 403

    client.force_login(secretariat_user)
    client.post(review_url, {"action": "request_changes", "note": "Add a contact person."})
    practice.refresh_from_db()
    assert practice.status == "changes_requested"

    client.force_login(stakeholder_user)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert "Add a contact person." in page
    client.post(
        reverse("library:practice_edit", args=[practice.pk]),
        practice_form(countries=[mexico.pk], partners="Contact: the clinic coordinator"),
    )
    client.post(reverse("library:practice_resubmit", args=[practice.pk]))
    practice.refresh_from_db()
    assert practice.status == "submitted" and practice.partners.startswith("Contact")
    assert "Harvest clinic manual" in practice.attachment_text  # kept when not replaced

    client.force_login(secretariat_user)
    client.post(review_url, {"action": "publish"})
    client.logout()
    listing = client.get(reverse("library:practice_list"), {"country": "MX"}).content.decode()
    assert PRACTICE_TEXT["title"] in listing
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_unpublished_practice_is_hidden_and_edit_closed_in_review(
    client, stakeholder_user, focal_point_user, secretariat_user
):
    practice = practice_submit(stakeholder_user)
    client.force_login(focal_point_user)
    assert client.get(practice.get_absolute_url()).status_code == 403
    assert (
        PRACTICE_TEXT["title"] not in client.get(reverse("library:practice_list")).content.decode()
    )
    services.practice_review_start(practice=practice, actor=secretariat_user)
    client.force_login(stakeholder_user)
    assert client.get(reverse("library:practice_edit", args=[practice.pk])).status_code == 403
    assert client.get(reverse("library:practice_mine")).status_code == 200
    client.force_login(secretariat_user)
    queue = client.get(reverse("library:practice_queue")).content.decode()
    assert PRACTICE_TEXT["title"] in queue


def test_pages_render_in_french_and_spanish(client, reference_data):
    french = client.get("/fr/library/").content.decode()
    assert 'lang="fr"' in french and "Plateforme de connaissances" in french
    spanish = client.get("/es/library/practices/").content.decode()
    assert 'lang="es"' in spanish and "Todavía no se ha publicado ninguna práctica" in spanish


def test_empty_states(client, reference_data):
    assert "no documents yet" in client.get(reverse("library:index")).content.decode()
    assert (
        "No practice has been published yet"
        in client.get(reverse("library:practice_list")).content.decode()
    )


def test_files_are_served_safely_and_only_to_those_who_may_see_them(
    client, stakeholder_user, focal_point_user, django_capture_on_commit_callbacks
):
    client.force_login(stakeholder_user)
    html = b"<html><body><p>Statement on decent work for domestic workers.</p></body></html>"
    with django_capture_on_commit_callbacks(execute=True):
        post_upload(client, html, name="statement.html")
    document = Document.objects.get()
    response = client.get(reverse("library:document_file", args=[document.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/octet-stream"
    assert b"domestic workers" in b"".join(response.streaming_content)

    practice = practice_submit(
        stakeholder_user, attachment=(make_pdf("Attachment text."), "plan.pdf")
    )
    url = reverse("library:practice_attachment", args=[practice.pk])
    response = client.get(url)
    assert (
        response["Content-Type"] == "application/pdf"
        and "sandbox" in response["Content-Security-Policy"]
    )
    client.force_login(focal_point_user)
    assert client.get(url).status_code == 403  # not published yet


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_pages_cost_the_same_queries_whatever_their_length(
    client, stakeholder_user, secretariat_user
):
    def add(n):
        for i in range(n):
            practice = practice_submit(stakeholder_user, title=f"P{i}", objectives=(5, 6))
            services.practice_publish(practice=practice, actor=secretariat_user)
            Document.objects.create(title=f"D{i}", status="ready", kind="report")

    add(2)
    # Warm caches (content types, sessions) for both pages before counting.
    client.get(reverse("library:practice_list"))
    client.get(reverse("library:index"))
    before = (
        _count_queries(client, reverse("library:practice_list")),
        _count_queries(client, reverse("library:index") + "?sort=title"),
    )
    add(6)
    after = (
        _count_queries(client, reverse("library:practice_list") + "?sort=title"),
        _count_queries(client, reverse("library:index")),
    )
    assert before == after
    page = client.get(reverse("library:practice_list"), {"sort": "title"}).content.decode()
    assert page.index(">P0<") < page.index(">P5<")


@pytest.mark.django_db(transaction=True)
def test_with_a_task_worker_the_page_shows_progress_until_the_worker_is_done(
    client, stakeholder_user, settings
):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(stakeholder_user)
    post_upload(client, make_pdf(TEXT))
    document = Document.objects.get()
    assert document.status == "processing"
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 1s"' in page and "being processed" in page
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    document.refresh_from_db()
    assert document.status == "ready" and "hotlines" in document.text
    response = client.get(
        reverse("library:document_progress", args=[document.pk]), headers={"HX-Request": "true"}
    )
    assert response["HX-Refresh"] == "true"


def test_tag_editor_lets_the_uploader_tag_a_document_and_only_the_secretariat_a_practice(
    client, users_by_role
):
    from nethub.framework.services import tag_suggestions_record

    uploader, submitter = users_by_role["focal_point"], users_by_role["stakeholder"]
    document = Document.objects.create(title="Notes", status="ready", uploaded_by=uploader)
    practice = Practice.objects.create(
        title="Hotline", status="published", submitted_by=submitter, description="x"
    )
    for record in (document, practice):
        tag_suggestions_record(obj=record, scored=[(objective(7), 0.5)])

    def confirm(user, record) -> int:
        client.force_login(user)
        tagging = record.taggings.get()
        url = reverse("framework:tags_edit", args=[content_type_id(record), record.pk])
        return client.post(url, {"action": "confirm", "tagging": tagging.pk}).status_code

    assert (
        'name="action" value="confirm"'
        not in client.get(document.get_absolute_url()).content.decode()
    )
    assert confirm(submitter, document) == 403
    assert confirm(submitter, practice) == 403
    assert confirm(uploader, practice) == 403
    client.force_login(uploader)
    assert (
        'name="action" value="confirm"' in client.get(document.get_absolute_url()).content.decode()
    )
    assert confirm(uploader, document) == 302
    assert confirm(users_by_role["secretariat"], practice) == 302
    assert {t.status for t in Tagging.objects.all()} == {Tagging.Status.CONFIRMED}


def test_a_submitted_practice_points_the_secretariat_to_its_review_form(
    client, stakeholder_user, secretariat_user
):
    from nethub.directory.models import Country

    client.force_login(stakeholder_user)
    mexico = Country.objects.get(iso2="MX")
    client.post(reverse("library:practice_submit"), practice_form(countries=[mexico.pk]))
    practice = Practice.objects.get()
    assert 'href="#review-heading"' not in client.get(practice.get_absolute_url()).content.decode()
    client.force_login(secretariat_user)
    page = client.get(practice.get_absolute_url()).content.decode()
    assert 'href="#review-heading"' in page and 'id="review-heading"' in page


@pytest.mark.django_db(transaction=True)
def test_an_upload_returns_before_extraction_tags_and_indexing(
    client, task_queue, stakeholder_user, settings
):
    from django.contrib.contenttypes.models import ContentType

    from nethub.search.models import Passage

    settings.SEARCH_SEMANTIC = True  # tag suggestions on: they must wait for the worker too
    settings.NETHUB_SUGGEST_TAGS = True
    client.force_login(stakeholder_user)
    assert post_upload(client, make_pdf(TEXT)).status_code == 302
    document = Document.objects.get()
    document_type = ContentType.objects.get_for_model(Document)
    passages = Passage.objects.filter(content_type=document_type, object_id=document.pk)
    tags = Tagging.objects.filter(content_type=document_type, object_id=document.pk)
    # Enqueued after the commit, not run: no text, no tags, no passages yet.
    assert task_queue.paths("READY") == ["document_process"]
    assert document.status == "processing" and document.text == ""
    assert not passages.exists() and not tags.exists()
    settings.SEARCH_SEMANTIC = False  # the worker runs without loading the model here
    task_queue.work()
    document.refresh_from_db()
    assert document.status == "ready" and "hotlines" in document.text
    assert task_queue.paths("SUCCESSFUL") == ["document_process", "index_record"]
    assert "hotlines" in " ".join(passages.values_list("text", flat=True))
