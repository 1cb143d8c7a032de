"""The GCM tag suggester (nethub/framework/suggest.py). Tests marked `model` load the real
all-MiniLM-L6-v2 model, offline, on CPU."""

import numpy as np
import pytest

from nethub.framework.models import Tagging
from nethub.framework.suggest import (
    passages,
    record_suggest_tags,
    suggest_elements,
    suggest_tags_for_record,
)
from nethub.library.models import Document
from nethub.library.tests.factories import make_pdf, practice_submit

pytestmark = pytest.mark.django_db

REMITTANCES = (
    "Sending money home still costs migrant workers close to seven per cent of each "
    "transfer. Digital wallets and competition between transfer operators could bring the "
    "price down and give families back home access to bank accounts."
)


def test_passages_cut_long_text_into_chunks_of_bounded_size():
    text = "\n\n".join(f"Paragraph {n} " + "word " * 60 for n in range(10))
    chunks = passages(text, words=90)
    assert len(chunks) == 10
    assert all(len(chunk.split()) <= 90 for chunk in chunks)
    assert passages("a b") == []
    one_long = "Sentence one is here. " * 100
    assert max(len(c.split()) for c in passages(one_long, words=50)) <= 50


def test_suggestions_are_off_in_the_test_settings(reference_data):
    document = Document.objects.create(title="x", status="ready", text=REMITTANCES)
    assert record_suggest_tags(document) == []
    assert not Tagging.objects.exists()


@pytest.fixture
def suggestions_on(settings):
    settings.SEARCH_SEMANTIC = True


@pytest.mark.model
def test_model_embeds_offline_into_normalised_vectors(monkeypatch):
    from nethub.search.embeddings import DIMENSIONS, encode

    vectors = encode(["cheaper remittances", "sending money home for less", "border guards"])
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.model
def test_remittance_costs_text_gets_objective_20_in_its_top_three(reference_data):
    suggested = suggest_elements(REMITTANCES, kinds=("objective",), top_k=3, threshold=0)
    assert "20" in [element.code for element, _ in suggested]
    scores = [score for _, score in suggested]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.model
def test_uploaded_document_and_practice_get_scored_suggestions(
    suggestions_on, secretariat_user, stakeholder_user, django_capture_on_commit_callbacks
):
    from nethub.library.services import document_upload

    text = (
        "Traffickers recruit young women with false job offers abroad, confiscate their "
        "passports and force them into unpaid work. Victims need shelters, legal aid and "
        "prosecution of the criminal networks that exploit them."
    )
    with django_capture_on_commit_callbacks(execute=True):
        document = document_upload(
            actor=secretariat_user,
            data=make_pdf(text),
            filename="t.pdf",
            title="Trafficking",
            kind="report",
        )
    document.refresh_from_db()
    suggested = {t.element.code: t.score for t in document.taggings.filter(status="suggested")}
    assert "10" in suggested and all(s > 0 for s in suggested.values())

    with django_capture_on_commit_callbacks(execute=True):
        practice = practice_submit(stakeholder_user, objectives=(6,), principles=())
    codes = set(practice.taggings.values_list("element__code", "status"))
    assert ("6", "confirmed") in codes  # the submitter's choice stays confirmed
    assert any(status == "suggested" for _, status in codes)
    # Re-running replaces nethub's suggestions, never duplicates them.
    before = practice.taggings.count()
    suggest_tags_for_record.call(
        content_type_id=practice.taggings.first().content_type_id, object_id=practice.pk
    )
    assert practice.taggings.count() == before
