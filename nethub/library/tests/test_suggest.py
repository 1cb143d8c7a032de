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


# Calibration and guards, without the model: they work on raw scores and on the text.


def _objectives(reference_data=None):
    from nethub.framework.models import ElementKind, FrameworkElement
    from nethub.framework.services import framework_load

    framework_load()
    return list(FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).order_by("position"))


def test_confidence_follows_how_far_an_element_stands_out():
    from nethub.framework.suggest import CONFIDENT, calibrated

    elements = _objectives()
    raw = [0.30] * len(elements)
    raw[19] = 0.75  # one objective clearly ahead
    ranked = calibrated(list(zip(elements, raw, strict=True)), words=400)
    assert ranked[0][0].code == "20" and ranked[0][1] >= CONFIDENT
    assert all(p < 0.2 for _, p in ranked[1:])
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)
    # Nothing stands out: no confident suggestion at all.
    flat = calibrated(list(zip(elements, [0.4] * len(elements), strict=True)), words=400)
    assert max(p for _, p in flat) < CONFIDENT


def test_a_text_too_short_to_judge_gets_no_confident_suggestion():
    from nethub.framework.suggest import CONFIDENT, MIN_WORDS, calibrated

    elements = _objectives()
    raw = [0.30] * len(elements)
    raw[19] = 0.75
    long_text = calibrated(list(zip(elements, raw, strict=True)), words=MIN_WORDS)
    teaser = calibrated(list(zip(elements, raw, strict=True)), words=60)
    assert long_text[0][1] >= CONFIDENT > teaser[0][1]
    assert teaser[0][0].code == "20"  # still the best guess, shown to editors as tentative


def test_two_objectives_ahead_of_the_rest_are_both_kept():
    from nethub.framework.suggest import calibrated

    elements = _objectives()
    raw = [0.30] * len(elements)
    raw[19], raw[20] = 0.74, 0.73  # remittances and return, both clearly ahead
    ranked = calibrated(list(zip(elements, raw, strict=True)), words=300)
    assert {e.code for e, p in ranked if p >= 0.5} == {"20", "21"}


def test_cooperation_density_counts_what_the_text_says_of_cooperation():
    from nethub.framework.suggest import cooperation_density

    assert cooperation_density("") == 0
    general = "The Compact sets out objectives for safe, orderly and regular migration. " * 5
    assert cooperation_density(general) == 0
    about = (
        "Bilateral agreements and regional partnerships let States share the work; "
        "donors fund capacity-building and the dialogue between countries goes on."
    )
    assert cooperation_density(about) > 15


# With the model: few, focused tests (each loads all-MiniLM-L6-v2 once per process).

GENERAL = (
    "Five years after its adoption, the Global Compact for Safe, Orderly and Regular Migration "
    "remains the reference for governments and stakeholders. This note reviews what has been "
    "achieved under the Compact, where implementation lags and what the next review should "
    "look at. It draws on national reports, regional consultations with civil society, and "
    "statements of States. It finds progress uneven, with many commitments still to be "
    "turned into national policy, and it recommends that the next cycle pay attention to "
    "follow-up, to reporting and to the voices of migrants themselves in the process."
)
COOPERATION_TEXT = (
    "States cannot govern migration alone. This paper looks at bilateral and multilateral "
    "cooperation: regional consultative processes, partnerships between countries of origin "
    "and destination, and the pooled funding donors give to joint programmes. It shows how "
    "technical cooperation and capacity-building between governments, exchanges of experts "
    "and shared platforms for dialogue help partners implement what they agreed, and how "
    "solidarity and burden-sharing agreements can be made to last beyond a single project."
)
TWO_SUBJECTS = (
    "Returning migrants often arrive with savings sent home over years. The programme helps "
    "returnees reintegrate in their communities of origin, with counselling, job placement and "
    "psychosocial support after return. It also works with transfer operators to cut the cost "
    "of remittances and open bank accounts for families who receive money from abroad, so that "
    "the money sent home goes further. Families of returnees learn to manage remittance "
    "income, and returnees who want to start a business get small grants and mentoring during "
    "their reintegration in the first year back."
)


@pytest.mark.model
def test_objective_23_comes_first_only_for_a_text_about_cooperation(reference_data):
    from nethub.framework.suggest import rank_objectives

    assert rank_objectives(GENERAL)[0][0].code != "23"
    assert rank_objectives(COOPERATION_TEXT)[0][0].code == "23"


@pytest.mark.model
def test_teaser_abstains_where_full_text_is_confident_and_two_subjects_get_two(reference_data):
    from nethub.framework.suggest import CONFIDENT

    teaser = " ".join(TWO_SUBJECTS.split()[:60])
    full = "\n\n".join([TWO_SUBJECTS, TWO_SUBJECTS.replace("The programme", "The project")])
    assert all(p < CONFIDENT for _, p in suggest_elements(teaser, kinds=("objective",)))
    suggested = {e.code: p for e, p in suggest_elements(full, kinds=("objective",))}
    assert {"20", "21"} <= set(suggested)
    assert max(suggested.values()) >= CONFIDENT


# Round 2: what the model reads of each objective, cooperation, abstention.


def test_every_objective_is_read_with_its_scope_and_principles_are_not():
    from nethub.framework.models import ElementKind, FrameworkElement
    from nethub.framework.scope import OBJECTIVE_SCOPE
    from nethub.framework.suggest import element_text

    elements = _objectives()
    assert {e.code for e in elements} == set(OBJECTIVE_SCOPE)
    for element in elements:
        assert element_text(element).startswith(element.title)
        assert element_text(element).endswith(OBJECTIVE_SCOPE[element.code])
    principle = FrameworkElement.objects.filter(kind=ElementKind.PRINCIPLE).first()
    assert not any(scope in element_text(principle) for scope in OBJECTIVE_SCOPE.values())


def test_capacity_building_alone_is_not_cooperation_between_states():
    from nethub.framework.suggest import cooperation_density

    training = (
        "Two capacity-building workshops will train district health officials and community "
        "leaders on migrants' access to health care; capacity building continues next year."
    )
    assert cooperation_density(training) == 0
    assert cooperation_density("A bilateral agreement on labour mobility.") > 0


def test_a_title_gets_no_suggestion_at_all():
    from nethub.framework.suggest import ABSTAIN_WORDS

    line = "Remittances and the cost of transfers"
    assert len(line.split()) < ABSTAIN_WORDS
    # Returns before the model is asked: this test runs without it.
    assert suggest_elements(line) == []


CONSULAR = (
    "When a worker abroad loses her passport or is arrested, the embassy is often the only "
    "help she has. The ministry opened a free telephone line that nationals working abroad "
    "can call day and night, trained staff in its missions to visit detained nationals, and "
    "keeps a register of citizens living in each host country so that they can be reached "
    "and evacuated if a crisis breaks out."
)
DIPLOMAS = (
    "Nurses and engineers who trained in their home country often end up cleaning offices "
    "after they move. A one-stop office now assesses foreign diplomas within six weeks, "
    "offers bridging courses where a qualification falls short, and lets employers check "
    "which certificates are equivalent to the national ones, so newcomers can work in the "
    "trade they learned."
)


@pytest.mark.model
def test_texts_that_never_name_their_objective_find_it_first(reference_data):
    from nethub.framework.suggest import rank_objectives

    assert rank_objectives(CONSULAR)[0][0].code == "14"
    assert rank_objectives(DIPLOMAS)[0][0].code == "18"
