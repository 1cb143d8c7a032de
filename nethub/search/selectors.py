"""Reads of the search index: one query over everything (keyword and semantic fused), its
facets, and "more like this".

Only public records are ever in the index (their `search_document()` returns None
otherwise), so there is nothing to hide per user here.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from nethub.search import embeddings, vectors
from nethub.search.keyword import FACET_COLUMNS, keyword_search
from nethub.search.models import Passage
from nethub.search.services import semantic_enabled
from nethub.search.snippets import highlight

logger = logging.getLogger(__name__)

RRF_K = 60  # reciprocal rank fusion constant (Cormack et al., 2009)
CANDIDATES = 100  # passages taken from each of keyword and semantic search
SEMANTIC_MIN_SCORE = 0.35  # cosine below which a semantic match is too weak to show alone
FACETS = ("kind", "objective", "country", "region", "organization", "year", "language")

KIND_LABELS = {
    "document": _("Document"),
    "practice": _("Practice"),
    "meeting": _("Meeting"),
    "agenda_item": _("Agenda item"),
    "action_point": _("Action point"),
    "decision": _("Decision"),
    "consultation": _("Consultation"),
    "comment": _("Comment"),
    "person": _("Person"),
    "voluntary_review": _("Voluntary GCM review"),
    "review_forum": _("Review forum"),
    "sg_report": _("Secretary-General's report"),
    "pledge": _("Pledge"),
    "event": _("Event"),
}
FACET_LABELS = {
    "kind": _("Kind"),
    "objective": _("GCM objective"),
    "country": _("Country"),
    "region": _("Region"),
    "organization": _("Organisation"),
    "year": _("Year"),
    "language": _("Language"),
}


@dataclass
class Hit:
    """One record found: its best passage, how it ranked, and a highlighted snippet."""

    passage: Passage
    score: float
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    semantic_score: float | None = None
    query: str = ""
    snippet_words: int = 40

    @cached_property
    def snippet(self) -> str:
        """Computed when shown (one page of hits), not for every candidate."""
        return highlight(
            self.passage.text or self.passage.title, self.query, words=self.snippet_words
        )

    @property
    def kind(self) -> str:
        return self.passage.kind

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.passage.kind, self.passage.kind.replace("_", " ").title())

    @property
    def title(self) -> str:
        return self.passage.title

    @property
    def url(self) -> str:
        return self.passage.url


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    filters: dict[str, list[str]]
    hits: list[Hit]
    facets: list[Facet]
    semantic: bool

    def __len__(self) -> int:
        return len(self.hits)


def clean_filters(raw) -> dict[str, list[str]]:
    """Facet filters from a QueryDict or dict: known facets only, values as strings."""
    getlist = raw.getlist if hasattr(raw, "getlist") else lambda key: raw.get(key) or []
    filters = {}
    for facet in FACETS:
        values = getlist(facet)
        if isinstance(values, str):
            values = [values]
        values = [str(v).strip()[:100] for v in values if str(v).strip()]
        if values:
            filters[facet] = list(dict.fromkeys(values))[:10]
    return filters


# A query's embedding takes milliseconds; a service that does not answer in this time is down,
# and the reader gets keyword results rather than a wait.
QUERY_EMBEDDING_TIMEOUT = 5.0


@lru_cache(maxsize=1024)
def _query_vector(query: str):
    """The query's embedding, kept for the process: the same search is asked again as its
    results are paged and filtered, and encoding it was most of the page's work (1.5 kB a
    query; a failure is not kept). Read-only, as it is shared."""
    vector = embeddings.encode([query], timeout=QUERY_EMBEDDING_TIMEOUT)[0]
    vector.setflags(write=False)
    return vector


def _semantic_hits(query: str, filters: dict[str, list[str]]) -> list[tuple[int, float]]:
    vector_index = vectors.index()
    if not len(vector_index):
        return []
    return vector_index.search(
        _query_vector(query),
        limit=CANDIDATES,
        filters=filters,
        min_score=SEMANTIC_MIN_SCORE,
    )


def _fuse(keyword_hits, semantic_hits) -> dict[int, dict]:
    """Passage id -> its ranks in each list."""
    ranks: dict[int, dict] = {}
    for rank, (pk, _score) in enumerate(keyword_hits, start=1):
        ranks.setdefault(pk, {})["keyword"] = rank
    for rank, (pk, score) in enumerate(semantic_hits, start=1):
        entry = ranks.setdefault(pk, {})
        entry["semantic"] = rank
        entry["cosine"] = score
    return ranks


def _passages(ids) -> dict[int, Passage]:
    return {p.pk: p for p in Passage.objects.filter(pk__in=list(ids)).defer("embedding")}


def search(
    *, query: str, filters: dict[str, list[str]] | None = None, semantic: bool | None = None
) -> SearchResults:
    """Every record matching `query`, ranked by reciprocal rank fusion of keyword and semantic
    search (per record, its best passage in each), filtered by facets, with facet counts over
    the results. A record found only semantically needs a cosine of SEMANTIC_MIN_SCORE."""
    filters = filters or {}
    query = " ".join((query or "").split())[:500]
    semantic = semantic_enabled() if semantic is None else semantic
    if not query:
        return SearchResults(query, filters, [], [], semantic)
    keyword_hits = keyword_search(query, limit=CANDIDATES, filters=filters)
    semantic_hits = []
    if semantic:
        try:
            semantic_hits = _semantic_hits(query, filters)
        except embeddings.EmbeddingServiceError as error:
            # Search keeps working on keywords while the embedding service is away.
            logger.error("Keyword results only: %s", error)
            semantic = False
    ranks = _fuse(keyword_hits, semantic_hits)
    passages = _passages(ranks)
    by_record: dict[tuple[int, int], Hit] = {}
    for pk, rank in ranks.items():
        passage = passages.get(pk)
        if passage is None:  # removed since the index was updated
            continue
        hit = by_record.get(passage.record_key)
        if hit is None:
            hit = by_record[passage.record_key] = Hit(passage=passage, score=0.0, query=query)
        keyword_rank, semantic_rank = rank.get("keyword"), rank.get("semantic")
        if keyword_rank and (hit.keyword_rank is None or keyword_rank < hit.keyword_rank):
            hit.keyword_rank = keyword_rank
            hit.passage = passage  # the snippet comes from the best keyword passage
        if semantic_rank and (hit.semantic_rank is None or semantic_rank < hit.semantic_rank):
            hit.semantic_rank = semantic_rank
            hit.semantic_score = rank["cosine"]
            if hit.keyword_rank is None:
                hit.passage = passage
    for hit in by_record.values():
        hit.score = sum(1 / (RRF_K + r) for r in (hit.keyword_rank, hit.semantic_rank) if r)
    hits = sorted(by_record.values(), key=lambda h: (-h.score, h.passage.title))
    return SearchResults(query, filters, hits, facets_for(hits, filters), semantic)


def _facet_value(passage: Passage, facet: str) -> list[str]:
    return passage.facet_values(FACET_COLUMNS[facet])


def facets_for(hits: list[Hit], filters: dict[str, list[str]]) -> list[Facet]:
    """Counts of records per facet value over `hits`, with readable labels (three queries for
    organisation, country and region names, whatever the number of hits)."""
    counters = {facet: Counter() for facet in FACETS}
    for hit in hits:
        for facet in FACETS:
            counters[facet].update(set(_facet_value(hit.passage, facet)))
    labels = _labels({facet: list(counter) for facet, counter in counters.items()})
    facets = []
    for facet in FACETS:
        selected = set(filters.get(facet, []))
        values = [
            FacetValue(value, labels[facet].get(value, value), count, value in selected)
            for value, count in counters[facet].most_common(20)
        ]
        if facet == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        if values:
            facets.append(Facet(facet, FACET_LABELS[facet], values))
    return facets


def _labels(values: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    from nethub.directory.models import Country, Organization, Region

    labels = {facet: {} for facet in FACETS}
    labels["kind"] = {
        v: str(KIND_LABELS.get(v, v.replace("_", " ").title())) for v in values["kind"]
    }
    labels["objective"] = {
        v: str(_("Objective %(number)s") % {"number": v}) for v in values["objective"]
    }
    for value in values["language"]:
        try:
            labels["language"][value] = get_language_info(value)["name_translated"]
        except KeyError:
            labels["language"][value] = value
    if values["country"]:
        labels["country"] = dict(
            Country.objects.filter(iso2__in=values["country"]).values_list("iso2", "name")
        )
    if values["region"]:
        labels["region"] = dict(
            Region.objects.filter(slug__in=values["region"]).values_list("slug", "name")
        )
    if values["organization"]:
        labels["organization"] = {
            slug: acronym or name
            for slug, acronym, name in Organization.objects.filter(
                slug__in=values["organization"]
            ).values_list("slug", "acronym", "name")
        }
    return labels


def more_like_this(
    *,
    obj: models.Model | None = None,
    content_type_id: int | None = None,
    object_id: int | None = None,
    limit: int = 5,
) -> list[Hit]:
    """The records nearest to a record, by the mean of its passages' embeddings; without
    embeddings (semantic search off), by a keyword search for its title's words."""
    if obj is not None:
        content_type_id = ContentType.objects.get_for_model(obj).pk
        object_id = obj.pk
    passage_hits: list[tuple[int, float]] = []
    if semantic_enabled():
        vector_index = vectors.index()
        vector = vector_index.record_vector(content_type_id, object_id)
        if vector is not None:
            passage_hits = vector_index.search(
                vector, limit=limit * 8, exclude=(content_type_id, object_id)
            )
    if not passage_hits:
        own = (
            Passage.objects.filter(content_type_id=content_type_id, object_id=object_id)
            .values_list("title", flat=True)
            .first()
        )
        if own:
            passage_hits = [hit for hit in keyword_search(own, limit=limit * 8)]
    passages = _passages(pk for pk, _ in passage_hits)
    hits: dict[tuple[int, int], Hit] = {}
    for pk, score in passage_hits:
        passage = passages.get(pk)
        if passage is None or passage.record_key == (content_type_id, object_id):
            continue
        if passage.record_key not in hits:
            hits[passage.record_key] = Hit(passage=passage, score=score, snippet_words=25)
        if len(hits) >= limit:
            break
    return list(hits.values())
