import pytest
from django.urls import reverse

from nethub.roster.models import ExpertApplication
from nethub.roster.tests import factories

pytestmark = pytest.mark.django_db


def test_the_public_sees_only_listed_experts_and_their_chosen_fields(client, reference_data):
    factories.expert(name="Shown Name", public_fields=["name"], cv_text="secretive words")
    factories.expert(name="Hidden Name", public_fields=[])
    unlisted = factories.expert(name="Not Listed")
    ExpertApplication.objects.filter(pk=unlisted.pk).update(consent_to_be_listed=False)
    html = client.get(reverse("roster:expert_list")).content.decode()
    assert "Shown Name" in html
    assert "Hidden Name" not in html and "Not Listed" not in html
    assert client.get(reverse("roster:expert_list"), {"q": "secretive"}).status_code == 200


def test_network_members_search_the_cv(client, reference_data, focal_point_user):
    factories.expert(name="Cv Match", cv_text="remittances and diaspora bonds")
    factories.expert(name="Other One", cv_text="climate displacement")
    client.force_login(focal_point_user)
    html = client.get(reverse("roster:expert_list"), {"q": "diaspora"}).content.decode()
    assert "Cv Match" in html and "Other One" not in html


def test_html_in_every_field_is_shown_as_text(client, reference_data, secretariat_user):
    expert = factories.expert(name="<script>alert(1)</script>")
    expert.biography = "<img src=x onerror=alert(1)>"
    expert.themes = "<b>bold</b>"
    expert.save()
    client.force_login(secretariat_user)
    for url in (expert.get_absolute_url(), reverse("roster:application_review", args=[expert.pk])):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
        assert "<img src=x" not in html


def test_expert_list_costs_the_same_queries_for_2_or_40_experts(
    client, reference_data, secretariat_user, django_assert_num_queries
):
    client.force_login(secretariat_user)
    url = reverse("roster:expert_list")
    for _ in range(2):
        factories.expert(objectives=[1, 2], languages=[("fr", "fluent"), ("en", "native")])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(38):
        factories.expert(objectives=[3], languages=[("es", "fluent")])
    with django_assert_num_queries(len(small)):
        response = client.get(url)
    assert response.status_code == 200


def test_apply_saves_a_draft_then_submits(client, reference_data, stakeholder_user):
    client.force_login(stakeholder_user)
    data = {
        "language": "es",
        "full_name": "Lucía Pérez",
        "consent_to_be_listed": "on",
        "expertise": [factories.objective(7).pk],
        "language_0": "es",
        "level_0": "native",
    }
    assert client.post(reverse("roster:apply"), {**data, "save": "1"}).status_code == 302
    assert ExpertApplication.objects.get().status == "draft"
    assert client.post(reverse("roster:apply"), {**data, "submit": "1"}).status_code == 302
    application = ExpertApplication.objects.get()
    assert application.status == "submitted" and application.language == "es"
    # Submitted: the form now sends the applicant to their application page.
    assert client.get(reverse("roster:apply")).status_code == 302


def test_a_lying_cv_gets_a_clear_error_and_nothing_is_stored(
    client, reference_data, stakeholder_user
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(stakeholder_user)
    response = client.post(
        reverse("roster:apply"),
        {
            "language": "en",
            "full_name": "X",
            "consent_to_be_listed": "on",
            "submit": "1",
            "cv": SimpleUploadedFile("cv.pdf", b"<html>not a pdf</html>"),
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not ExpertApplication.objects.exists()


def test_cv_is_served_only_to_the_applicant_and_secretariat(
    client, reference_data, secretariat_user, focal_point_user
):
    from nethub.roster import services

    person = factories.user()
    application = services.application_save(
        actor=person,
        values={"full_name": "A", "language": "en", "consent_to_be_listed": True},
        cv_data=factories.docx_cv("hello"),
        cv_filename="my cv.docx",
    )
    url = reverse("roster:application_cv", args=[application.pk])
    assert client.get(url).status_code == 302  # the public is sent to log in
    client.force_login(focal_point_user)
    assert client.get(url).status_code == 403
    for user in (person, secretariat_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_exports_are_csv_and_xlsx_with_formulas_defused(client, reference_data, secretariat_user):
    factories.expert(name="=HYPERLINK(evil)")
    client.force_login(secretariat_user)
    csv_body = b"".join(client.get(reverse("roster:expert_export", args=["csv"])).streaming_content)
    assert b"'=HYPERLINK" in csv_body
    xlsx = client.get(reverse("roster:expert_export", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"
    assert client.get(reverse("roster:expert_export", args=["pdf"])).status_code == 404


def test_dashboard_shows_coverage_as_chart_and_table(client, reference_data, secretariat_user):
    factories.expert(objectives=[5], languages=[("fr", "native")])
    client.force_login(secretariat_user)
    html = client.get(reverse("roster:dashboard")).content.decode()
    assert "<svg" in html and "<table>" in html
    assert html.count("<tr>") >= 23
    csv_body = b"".join(
        client.get(reverse("roster:dashboard_export", args=["csv"])).streaming_content
    ).decode()
    assert "objective,5,1" in csv_body


def test_request_page_ranks_experts_with_reasons_for_the_secretariat(
    client, reference_data, secretariat_user, member_state_user
):
    from nethub.roster import services

    factories.expert(name="Spanish Expert", objectives=[7], languages=[("es", "native")])
    support_request = services.request_file(
        actor=member_state_user,
        values={"topic": "Reducing vulnerabilities", "country": factories.country("MX")},
        objectives=[factories.objective(7)],
        languages=["es"],
    )
    client.force_login(member_state_user)
    html = client.get(support_request.get_absolute_url()).content.decode()
    assert "Best matches" not in html  # the requester does not see the ranking
    client.force_login(secretariat_user)
    html = client.get(support_request.get_absolute_url()).content.decode()
    assert "Spanish Expert" in html and "1 of 1 objectives" in html
