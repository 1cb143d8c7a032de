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

from nethub.search.models import MULTI_VALUED_FACETS, Passage, index_stamp
from nethub.search.services import pg_config

_WORD = re.compile(r"\w+", re.UNICODE)
# At most this many matching passages are ranked. A query that matches more (a word found in
# most passages) ranks the first ones in index order: ranking 50,000 matches costs 60 ms on
# SQLite and over a second on PostgreSQL, and a term that common tells little anyway (the
# semantic ranking, fused with this one, orders what it cannot).
CANDIDATE_CAP = {"sqlite": 5000, "postgresql": 1000}
FACET_COLUMNS = {
    "kind": "kind",
    "language": "language",
    "year": "year",
    "organization": "organizations",
    "country": "countries",
    "region": "regions",
    "objective": "objectives",
}


def query_terms(query: str) -> list[str]:
    return [term.lower() for term in _WORD.findall(query or "")][:32]


def _filter_sql(filters: dict[str, list[str]]) -> tuple[str, list]:
    """`AND (...)` clauses over the passage table `p`; values within one facet are ORed."""
    clauses, params = [], []
    for facet, values in (filters or {}).items():
        column = FACET_COLUMNS.get(facet)
        if not column or not values:
            continue
        if column in MULTI_VALUED_FACETS:
            clauses.append("(" + " OR ".join([f"p.{column} LIKE %s"] * len(values)) + ")")
            params += [f"%|{value}|%" for value in values]
        elif column == "year":
            years = [int(value) for value in values if str(value).isdigit()]
            if not years:
                clauses.append("1 = 0")
                continue
            clauses.append(f"p.year IN ({', '.join(['%s'] * len(years))})")
            params += years
        else:
            clauses.append(f"p.{column} IN ({', '.join(['%s'] * len(values))})")
            params += list(values)
    return "".join(f" AND {clause}" for clause in clauses), params


def _restrict(filters, cast: str) -> tuple[str, list]:
    """A filter on index entries by their passage's facets: a semi-join through the unique
    (content type, object id) index of the entries, never a scan of the entries."""
    where, params = _filter_sql(filters)
    if not where:
        return "", []
    # Fixed column names only; every value is a parameter.
    subquery = f"SELECT {cast} FROM search_passage p WHERE 1 = 1{where}"  # noqa: S608
    return f" AND e.object_id IN ({subquery})", params


def _sqlite(terms, operator, limit, filters, content_type_id):
    joiner = " AND " if operator == "and" else " OR "
    match = (
        "{body title} : ("
        + joiner.join('"' + term.replace('"', '""') + '"' for term in terms)
        + ")"
    )
    restrict, params = _restrict(filters, "CAST(p.id AS TEXT)")
    sql = (
        # Fixed names only; every value is a parameter.
        "SELECT object_id, score FROM ("  # noqa: S608
        "SELECT e.object_id, bm25(modelsearch_indexentry_fts, 0.0, 1.0, 2.0) AS score "
        "FROM modelsearch_indexentry_fts "
        # CROSS JOIN keeps the full-text match as the outer loop (SQLite's planner would
        # otherwise run the match once per index entry).
        "CROSS JOIN modelsearch_indexentry e ON e.id = modelsearch_indexentry_fts.rowid "
        f"WHERE modelsearch_indexentry_fts MATCH %s AND e.content_type_id = %s{restrict} "
        "LIMIT %s) ORDER BY score LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, content_type_id, *params, CANDIDATE_CAP["sqlite"], limit])
        return [(int(pk), -score) for pk, score in cursor.fetchall()]


def _postgres(terms, operator, limit, filters, content_type_id):
    # The query is parsed with every language's configuration and the results ORed, so each
    # passage is matched with the stemming of its own language.
    configs = _configs_in_use()
    text = " ".join(terms)
    if operator == "and":
        parts = [f"plainto_tsquery('{config}', %s)" for config in configs]
        query_params = [text] * len(configs)
    else:
        parts = [f"plainto_tsquery('{config}', %s)" for config in configs for _ in terms]
        query_params = [term for _ in configs for term in terms]
    restrict, params = _restrict(filters, "p.id::text")
    sql = (
        # Fixed configuration names only; every value is a parameter. Title and body are
        # ranked apart: concatenating the two vectors per row costs more than the ranking.
        "SELECT object_id, 2 * ts_rank(title, query) + ts_rank(body, query) AS score "  # noqa: S608
        "FROM (SELECT e.object_id, e.title, e.body, q.query "
        f"FROM (SELECT {' || '.join(parts)} AS query) q, modelsearch_indexentry e "
        f"WHERE (e.title || e.body) @@ q.query AND e.content_type_id = %s{restrict} "
        "LIMIT %s) candidates ORDER BY score DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*query_params, content_type_id, *params, CANDIDATE_CAP["postgresql"], limit],
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
