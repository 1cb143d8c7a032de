"""Keyword search over passages through modelsearch's index.

On the database backends (SQLite FTS5, PostgreSQL full-text) one SQL query ranks the matching
index entries and keeps the best `limit`, with the facet filters applied in the same query;
modelsearch's generic query path ranks through a correlated subquery per row on SQLite and
scans every entry on PostgreSQL, too slow at 100,000 passages (see bench/search.py). Any other
modelsearch backend (OpenSearch, Elasticsearch) goes through `Passage.objects.search()`.
"""

from __future__ import annotations

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.backends import get_search_backend

from nethub.search.models import (
    FACET_COLUMN_NAMES,
    MULTI_VALUED_FACETS,
    Passage,
    facet_token,
    index_stamp,
)
from nethub.search.services import pg_config

_WORD = re.compile(r"\w+", re.UNICODE)
# At most this many matching passages are ranked. A query that matches more (a word found in
# most passages) ranks the first ones in index order: ranking 50,000 matches costs 60 ms on
# SQLite and over a second on PostgreSQL, and a term that common tells little anyway (the
# semantic ranking, fused with this one, orders what it cannot).
CANDIDATE_CAP = {"sqlite": 5000, "postgresql": 1000}
FACET_COLUMNS = FACET_COLUMN_NAMES


def query_terms(query: str) -> list[str]:
    return [term.lower() for term in _WORD.findall(query or "")][:32]


def _facet_groups(filters) -> list[list[str]]:
    """Facet filters as groups of index words: any word of a group, every group."""
    groups = []
    for facet, values in (filters or {}).items():
        if facet in FACET_COLUMNS and values:
            groups.append([facet_token(facet, value) for value in values])
    return groups


def _sqlite(terms, operator, limit, filters, content_type_id):
    joiner = " AND " if operator == "and" else " OR "
    match = (
        "{body title} : ("
        + joiner.join('"' + term.replace('"', '""') + '"' for term in terms)
        + ")"
    )
    for group in _facet_groups(filters):
        match += " AND body : (" + " OR ".join(f'"{token}"' for token in group) + ")"
    sql = (
        # Fixed names only; every value is a parameter.
        "SELECT object_id, score FROM ("  # noqa: S608
        "SELECT e.object_id, bm25(modelsearch_indexentry_fts, 0.0, 1.0, 2.0) AS score "
        "FROM modelsearch_indexentry_fts "
        # CROSS JOIN keeps the full-text match as the outer loop (SQLite's planner would
        # otherwise run the match once per index entry).
        "CROSS JOIN modelsearch_indexentry e ON e.id = modelsearch_indexentry_fts.rowid "
        "WHERE modelsearch_indexentry_fts MATCH %s AND e.content_type_id = %s "
        "LIMIT %s) ORDER BY score LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, content_type_id, CANDIDATE_CAP["sqlite"], limit])
        return [(int(pk), -score) for pk, score in cursor.fetchall()]


def _postgres(terms, operator, limit, filters, content_type_id):
    # The query is parsed with every language's configuration and the results ORed, so each
    # passage is matched with the stemming of its own language.
    configs = _configs_in_use()
    text = " ".join(terms)
    groups = _facet_groups(filters)
    parts, query_params = [], []
    for config in configs:
        if operator == "and":
            words = [f"plainto_tsquery('{config}', %s)"]
            query_params.append(text)
        else:
            words = [f"plainto_tsquery('{config}', %s)" for _ in terms]
            query_params += terms
        part = "(" + " || ".join(words) + ")"
        for group in groups:
            part += " && (" + " || ".join([f"plainto_tsquery('{config}', %s)"] * len(group))
            part += ")"
            query_params += group
        parts.append(f"({part})")
    sql = (
        # Fixed configuration names only; every value is a parameter. Title and body are
        # ranked apart: concatenating the two vectors per row costs more than the ranking.
        "SELECT object_id, 2 * ts_rank(title, query) + ts_rank(body, query) AS score "  # noqa: S608
        "FROM (SELECT e.object_id, e.title, e.body, q.query "
        f"FROM (SELECT {' || '.join(parts)} AS query) q, modelsearch_indexentry e "
        "WHERE (e.title || e.body) @@ q.query AND e.content_type_id = %s "
        "LIMIT %s) candidates ORDER BY score DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*query_params, content_type_id, CANDIDATE_CAP["postgresql"], limit],
        )
        return [(int(pk), score) for pk, score in cursor.fetchall()]


_languages: tuple[str, list[str]] | None = None


def _configs_in_use() -> list[str]:
    """The text-search configurations of the languages in the index (read again when the index
    changes), so a query is not parsed with configurations no passage uses."""
    global _languages
    version = index_stamp()
    if _languages is None or _languages[0] != version:
        if connection.vendor == "postgresql":
            # A loose index scan: one index probe per language, not a scan of every passage.
            with connection.cursor() as cursor:
                cursor.execute(
                    "WITH RECURSIVE l AS (SELECT min(language) AS v FROM search_passage "
                    "UNION ALL SELECT (SELECT min(language) FROM search_passage "
                    "WHERE language > l.v) FROM l WHERE l.v IS NOT NULL) "
                    "SELECT v FROM l WHERE v IS NOT NULL"
                )
                languages = [row[0] for row in cursor.fetchall()]
        else:
            languages = Passage.objects.order_by().values_list("language", flat=True).distinct()
        _languages = (version, sorted({pg_config(language) for language in languages}))
    return _languages[1] or ["simple"]


def _generic(query, operator, limit, filters):
    queryset = Passage.objects.all()
    for facet, values in (filters or {}).items():
        column = FACET_COLUMNS.get(facet)
        if column and values and column not in MULTI_VALUED_FACETS:
            queryset = queryset.filter(**{f"{column}__in": values})
    results = queryset.search(query, operator=operator).annotate_score("_score")[:limit]
    return [(passage.pk, passage._score or 0.0) for passage in results]


def keyword_search(
    query: str, *, limit: int = 100, filters: dict[str, list[str]] | None = None
) -> list[tuple[int, float]]:
    """The best `limit` passages for `query` as (passage id, score), best first. All terms
    must match; when that finds little, passages with any of the terms follow."""
    terms = query_terms(query)
    if not terms:
        return []
    backend = get_search_backend()
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        run = _sqlite
    elif name == "PostgresSearchBackend":
        run = _postgres
    else:
        return _generic(" ".join(terms), "and", limit, filters)
    content_type_id = ContentType.objects.get_for_model(Passage).pk
    hits = run(terms, "and", limit, filters, content_type_id)
    if len(terms) > 1 and len(hits) < limit // 4:
        seen = {pk for pk, _ in hits}
        hits += [
            hit for hit in run(terms, "or", limit, filters, content_type_id) if hit[0] not in seen
        ][: limit - len(hits)]
    return hits
