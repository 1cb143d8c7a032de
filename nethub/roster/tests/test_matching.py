import pytest

from nethub.roster import matching
from nethub.roster.tests import factories

pytestmark = pytest.mark.django_db


def test_the_expert_whose_objectives_language_and_region_fit_ranks_first(reference_data):
    senegal = factories.country("SN")
    factories.expert(
        name="Wrong language", objectives=[6, 5], languages=[("en", "native")], countries=[senegal]
    )
    factories.expert(
        name="Wrong objectives", objectives=[1], languages=[("fr", "native")], countries=[senegal]
    )
    factories.expert(
        name="Good fit",
        objectives=[6, 5],
        languages=[("fr", "fluent")],
        regions=[senegal.region],
        cv_text="labour mobility agreements",
    )
    factories.expert(
        name="Conflicted",
        objectives=[6, 5],
        languages=[("fr", "native")],
        countries=[senegal],
        conflict_countries=[senegal],
    )
    need = matching.Need(
        objective_ids={factories.objective(6).pk, factories.objective(5).pk},
        languages={"fr"},
        country_id=senegal.pk,
        region_ids={senegal.region_id},
        text="bilateral labour mobility agreements",
    )
    ranked = matching.rank_experts(need, limit=5)
    assert ranked[0].expert.full_name == "Good fit"
    assert "Conflicted" not in [m.expert.full_name for m in ranked]
    reasons = " ".join(ranked[0].reasons)
    assert "2 of 2 objectives" in reasons and "fr" in reasons and "region" in reasons
    assert "labour" in reasons


def test_basic_language_level_does_not_count(reference_data):
    factories.expert(name="Basic", objectives=[1], languages=[("es", "basic")])
    need = matching.Need(objective_ids=set(), languages={"es"}, country_id=None, region_ids=set())
    (match,) = matching.rank_experts(need)
    assert match.score == 0


def test_matching_costs_a_fixed_number_of_queries(reference_data, django_assert_max_num_queries):
    for index in range(30):
        factories.expert(objectives=[index % 23 + 1], languages=[("fr", "fluent")])
    need = matching.Need(
        objective_ids={factories.objective(3).pk},
        languages={"fr"},
        country_id=None,
        region_ids=set(),
        text="return",
    )
    with django_assert_max_num_queries(8):
        ranked = matching.rank_experts(need, limit=10)
    assert len(ranked) == 10


@pytest.mark.model
def test_a_cv_close_in_meaning_ranks_first_among_equals(
    reference_data, settings, django_capture_on_commit_callbacks
):
    from nethub.roster import services

    settings.SEARCH_SEMANTIC = True
    experts = {}
    for name, summary in (
        (
            "Climate",
            "Disaster displacement, slow-onset environmental change and planned relocation.",
        ),
        ("Money", "Remittance costs, financial inclusion and diaspora investment."),
    ):
        person = factories.user()
        with django_capture_on_commit_callbacks(execute=True):
            experts[name] = services.application_save(
                actor=person,
                values={
                    "full_name": name,
                    "language": "en",
                    "biography": summary,
                    "consent_to_be_listed": True,
                },
                submit=True,
            )
    from nethub.roster.models import ExpertApplication

    ExpertApplication.objects.update(status="accepted")
    need = matching.Need(
        objective_ids=set(),
        languages=set(),
        country_id=None,
        region_ids=set(),
        text="people forced to move by floods and droughts",
    )
    ranked = matching.rank_experts(need)
    assert ranked[0].expert.full_name == "Climate"
    assert "meaning" in " ".join(ranked[0].reasons)


def test_while_the_embedding_service_is_down_experts_rank_on_the_other_reasons(
    reference_data, settings, monkeypatch
):
    import socket

    import numpy as np

    from nethub.roster.models import ExpertApplication
    from nethub.search.embeddings import to_bytes

    factories.expert(name="Fits", objectives=[6], languages=[("fr", "fluent")])
    factories.expert(name="Fits less", objectives=[1], languages=[("fr", "fluent")])
    vector = np.ones(384, dtype=np.float32) / np.sqrt(384)
    ExpertApplication.objects.update(profile_vector=to_bytes(vector))
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        settings.EMBEDDING_SERVICE_URL = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings.EMBEDDING_SERVICE_FALLBACK = "error"
    settings.SEARCH_SEMANTIC = True
    monkeypatch.setattr(matching, "MEANING_TIMEOUT", 0.5)
    need = matching.Need(
        objective_ids={factories.objective(6).pk},
        languages={"fr"},
        country_id=None,
        region_ids=set(),
        text="bilateral labour mobility agreements",
    )
    ranked = matching.rank_experts(need)
    assert [m.expert.full_name for m in ranked] == ["Fits", "Fits less"]
    assert not any("meaning" in reason for m in ranked for reason in m.reasons)
