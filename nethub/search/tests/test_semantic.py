"""Semantic search with the real all-MiniLM-L6-v2 model, on a handful of records."""

import datetime

import numpy as np
import pytest

from nethub.search import embeddings, selectors, vectors
from nethub.search.models import Passage

pytestmark = pytest.mark.model


@pytest.fixture
def semantic(settings):
    settings.SEARCH_SEMANTIC = True


@pytest.fixture
def records(semantic, index_document):
    return {
        "children": index_document(
            title="Children on the move",
            text="UNICEF stressed the protection of children on the move and child rights.",
            kind="agenda_item",
        ),
        "remittances": index_document(
            title="Remittances",
            text="Workers abroad send money home to their families; transfer costs fell.",
            kind="document",
        ),
        "route": index_document(
            title="Route-based approach",
            text="Principals discussed a route-based approach to mixed movements.",
            kind="action_point",
        ),
        "french": index_document(
            title="Les envois de fonds",
            text="Les travailleurs migrants envoient des fonds à leurs familles.",
            kind="document",
            language="fr",
            date=datetime.date(2021, 5, 5),
        ),
    }


def test_encode_gives_unit_vectors():
    vectors_ = embeddings.encode(["labour migration", "migration de travail"])
    assert vectors_.shape == (2, 384)
    assert vectors_.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors_, axis=1), 1.0, atol=1e-4)
    restored = embeddings.from_bytes(embeddings.to_bytes(vectors_[0]))
    assert float(restored @ vectors_[0]) > 0.999


def test_indexing_stores_embeddings(records):
    stored = Passage.objects.filter(object_id=records["children"][1]).get()
    assert len(stored.embedding) == 384 * 2  # float16


def test_meaning_without_shared_words(records):
    results = selectors.search(query="kids who migrate alone")
    assert results.hits[0].title == "Children on the move"
    assert results.hits[0].keyword_rank is None
    assert results.hits[0].semantic_rank == 1


def test_fused_ranking_prefers_records_found_both_ways(records):
    results = selectors.search(query="protection of children")
    top = results.hits[0]
    assert top.title == "Children on the move"
    assert top.keyword_rank and top.semantic_rank


def test_french_query_finds_french_by_keyword_and_english_by_meaning(records):
    results = selectors.search(query="envois de fonds des travailleurs migrants")
    titles = [hit.title for hit in results.hits]
    assert titles[0] == "Les envois de fonds"  # keyword and meaning
    remittances = next(hit for hit in results.hits if hit.title == "Remittances")
    assert remittances.keyword_rank is None and remittances.semantic_score > 0.35
    # MiniLM is English-centric: unrelated records stay out.
    assert "Route-based approach" not in titles


def test_index_changes_reach_the_vector_index(records, index_document):
    before = len(vectors.index())
    index_document(title="Climate displacement", text="Disasters force people to move.")
    assert len(vectors.index()) == before + 1


def test_more_like_this_uses_embeddings(records):
    ct, oid = records["remittances"]
    similar = selectors.more_like_this(content_type_id=ct, object_id=oid, limit=2)
    assert similar[0].title == "Les envois de fonds"
    assert all(hit.passage.record_key != (ct, oid) for hit in similar)


def test_filters_apply_to_semantic_hits(records):
    results = selectors.search(query="kids who migrate alone", filters={"kind": ["document"]})
    assert "Children on the move" not in [hit.title for hit in results.hits]


def test_a_query_asked_again_reuses_its_vector_and_finds_the_same(records):
    """Paging or filtering a search asks the same query again: its embedding is kept for the
    process (read-only, as it is shared), and the results are those of the first time."""
    first = selectors.search(query="money sent to families abroad")
    hits = selectors._query_vector.cache_info().hits
    again = selectors.search(query="money sent to families abroad")
    assert selectors._query_vector.cache_info().hits == hits + 1
    assert [h.title for h in again.hits] == [h.title for h in first.hits]
    assert again.hits[0].semantic_score == first.hits[0].semantic_score
    assert not selectors._query_vector("money sent to families abroad").flags.writeable
