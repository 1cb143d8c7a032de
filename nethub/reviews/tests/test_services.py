"""Voluntary reviews, pledges and figures: the writes, with real files and a real database."""

import pytest
from django.core.exceptions import PermissionDenied

from nethub.core.models import AuditEvent
from nethub.directory.models import Country
from nethub.framework.models import FrameworkElement
from nethub.ingest.extract import IngestError
from nethub.reviews import services
from nethub.reviews.models import Fact, Pledge, VoluntaryReview
from nethub.reviews.tests.factories import SPANISH_TEXT, review_submit

pytestmark = pytest.mark.django_db


def test_member_state_submits_a_pdf_review_for_its_state(member_state_user):
    review = review_submit(member_state_user)
    assert review.status == "submitted" and review.country.iso2 == "MX"
    assert "Pacto Mundial" in review.text and review.mime_type == "application/pdf"
    assert review.language == "es" and review.submitted_by == member_state_user
    assert AuditEvent.objects.filter(action="submitted", object_id=review.pk).exists()


def test_docx_review_and_language_detected(secretariat_user):
    review = review_submit(secretariat_user, country="SN", docx=True, language="")
    assert review.mime_type.endswith("wordprocessingml.document")
    assert review.language == "es"  # detected from the text


def test_member_state_may_not_submit_for_another_state(member_state_user):
    with pytest.raises(PermissionDenied):
        review_submit(member_state_user, country="CA")
    assert not VoluntaryReview.objects.exists()


def test_unreadable_file_saves_nothing(member_state_user, media_root):
    with pytest.raises(IngestError):
        services.voluntary_review_submit(
            actor=member_state_user,
            country=Country.objects.get(iso2="MX"),
            year=2021,
            title="x",
            data=b"\x00\x01 not a document",
            filename="x.pdf",
        )
    assert not VoluntaryReview.objects.exists()
    assert not list(media_root.rglob("*.pdf")) if media_root.exists() else True


def test_html_or_text_is_refused_as_a_review(member_state_user):
    with pytest.raises(IngestError):
        services.voluntary_review_submit(
            actor=member_state_user,
            country=Country.objects.get(iso2="MX"),
            year=2021,
            title="x",
            data=SPANISH_TEXT.encode(),
            filename="x.txt",
        )


def test_publish_feature_and_withdraw(member_state_user, secretariat_user):
    review = review_submit(member_state_user)
    assert review.search_document() is None
    review = services.voluntary_review_set_status(
        actor=secretariat_user, review=review, status="published"
    )
    assert review.published_at is not None and review.search_document().countries == ["MX"]
    review = services.voluntary_review_set_status(
        actor=secretariat_user, review=review, status="featured"
    )
    assert review.featured_at is not None
    review = services.voluntary_review_set_status(
        actor=secretariat_user, review=review, status="submitted"
    )
    assert review.published_at is None and review.search_document() is None
    with pytest.raises(PermissionDenied):
        services.voluntary_review_set_status(
            actor=member_state_user, review=review, status="published"
        )


def test_published_review_is_found_by_search(
    member_state_user, secretariat_user, django_capture_on_commit_callbacks
):
    from nethub.search.selectors import search

    with django_capture_on_commit_callbacks(execute=True):
        review = review_submit(member_state_user, title="Informe sobre protección consular")
        services.voluntary_review_set_status(
            actor=secretariat_user, review=review, status="published"
        )
    results = search(query="protección consular")
    assert any(hit.passage.url == review.get_absolute_url() for hit in results.hits)


def test_pledge_by_own_organisation_and_progress(focal_point_user, stakeholder_user):
    objective = FrameworkElement.objects.get(kind="objective", code="23")
    pledge = services.pledge_create(
        actor=focal_point_user, title="Data", text="We will share data.", objectives=[objective]
    )
    assert pledge.pledger == focal_point_user.organization
    assert pledge.taggings.get().status == "confirmed"
    services.pledge_update_add(
        actor=focal_point_user, pledge=pledge, text="Half done", status="under_way"
    )
    pledge.refresh_from_db()
    assert pledge.status == "under_way" and pledge.updates.count() == 1
    with pytest.raises(PermissionDenied):
        services.pledge_update_add(
            actor=stakeholder_user, pledge=pledge, text="x", status="fulfilled"
        )
    with pytest.raises(services.ReviewError):
        services.pledge_update_add(
            actor=focal_point_user, pledge=pledge, text=" ", status="fulfilled"
        )


def test_joint_pledge_opt_in_by_un_entities_only(
    secretariat_user, focal_point_user, stakeholder_user
):
    pledge = services.pledge_create(
        actor=secretariat_user, title="UN system pledge", text="One voice.", is_joint=True
    )
    services.pledge_opt_in(actor=focal_point_user, pledge=pledge)
    assert list(pledge.opted_in.values_list("acronym", flat=True)) == ["UNHCR"]
    with pytest.raises(PermissionDenied):
        services.pledge_opt_in(actor=stakeholder_user, pledge=pledge)
    with pytest.raises(PermissionDenied):
        services.pledge_create(actor=stakeholder_user, title="x", text="y", is_joint=True)
    assert Pledge.objects.count() == 1


def test_facts_extracted_once_and_confirmed(secretariat_user):
    import datetime

    text = "The Board met. So far, 31 Networks have been integrated into UN country teams."
    first = services.facts_extract(
        actor=secretariat_user, text=text, date=datetime.date(2020, 10, 19), source_title="Briefing"
    )
    again = services.facts_extract(
        actor=secretariat_user, text=text, date=datetime.date(2020, 10, 19), source_title="Briefing"
    )
    assert [f.value for f in first] == [31] and again == []
    fact = Fact.objects.get()
    assert fact.series == "country-networks" and text[fact.start : fact.end] == "31"
    fact = services.fact_decide(
        actor=secretariat_user, fact=fact, status="confirmed", is_headline=True
    )
    assert fact.status == "confirmed" and fact.is_headline and fact.decided_by == secretariat_user
