"""Semantic search: cosine similarity over every passage's embedding, brute force over a numpy
matrix held in memory per process (pgvector is not available; 100,000 passages take 150 MB
as float32 and about 10 ms per query on two cores).

The matrix is loaded lazily from the database and reloaded when `IndexState.stamp` changes
(one small query per search).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from nethub.search.embeddings import DIMENSIONS
from nethub.search.keyword import FACET_COLUMNS
from nethub.search.models import MULTI_VALUED_FACETS, Passage, index_stamp

COLUMNS = ("kind", "language", "year", *MULTI_VALUED_FACETS)


@dataclass
class Matrix:
    version: str
    ids: np.ndarray  # passage ids, int64
    content_types: np.ndarray  # int64
    object_ids: np.ndarray  # int64
    vectors: np.ndarray  # float32, n x 384, unit rows
    facets: dict[str, np.ndarray]  # column -> array of str

    def __len__(self) -> int:
        return len(self.ids)

    def mask(self, filters: dict[str, list[str]] | None) -> np.ndarray | None:
        """Which rows pass the facet filters (None: all)."""
        mask = None
        for facet, values in (filters or {}).items():
            column = FACET_COLUMNS.get(facet)
            if column not in self.facets or not values:
                continue
            data = self.facets[column]
            if column in MULTI_VALUED_FACETS:
                hit = np.zeros(len(data), dtype=bool)
                for value in values:
                    hit |= np.char.find(data, f"|{value}|") >= 0
            else:
                hit = np.isin(data, [str(value) for value in values])
            mask = hit if mask is None else mask & hit
        return mask

    def search(
        self,
        vector: np.ndarray,
        *,
        limit: int = 100,
        filters: dict[str, list[str]] | None = None,
        min_score: float = 0.0,
        exclude: tuple[int, int] | None = None,
    ) -> list[tuple[int, float]]:
        """The `limit` passages nearest to `vector` as (passage id, cosine), best first."""
        if not len(self):
            return []
        # One BLAS thread: on two busy cores a second thread halves nothing and doubles the
        # tail (10.9 ms median with two, 5.4 ms with one, 100,000 passages).
        with threadpool_limits(1):
            scores = self.vectors @ np.asarray(vector, dtype=np.float32)
        mask = self.mask(filters)
        if exclude is not None:
            same = (self.content_types == exclude[0]) & (self.object_ids == exclude[1])
            mask = ~same if mask is None else mask & ~same
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        limit = min(limit, len(scores))
        top = np.argpartition(-scores, limit - 1)[:limit]
        top = top[np.argsort(-scores[top])]
        return [
            (int(self.ids[i]), float(scores[i]))
            for i in top
            if np.isfinite(scores[i]) and scores[i] >= min_score
        ]

    def record_vector(self, content_type_id: int, object_id: int) -> np.ndarray | None:
        """The normalised mean of a record's passage vectors."""
        rows = (self.content_types == content_type_id) & (self.object_ids == object_id)
        if not rows.any():
            return None
        vector = self.vectors[rows].mean(axis=0)
        norm = np.linalg.norm(vector)
        return vector / norm if norm else None


_matrix: Matrix | None = None
_lock = threading.Lock()


def load(version: str) -> Matrix:
    rows = list(
        Passage.objects.exclude(embedding=None)
        .order_by()
        .values_list("id", "content_type_id", "object_id", "embedding", *COLUMNS)
    )
    count = len(rows)
    vectors = (
        np.frombuffer(b"".join(bytes(row[3]) for row in rows), dtype=np.float16)
        .reshape(count, DIMENSIONS)
        .astype(np.float32)
    )
    facets = {
        column: np.array(["" if row[4 + i] is None else str(row[4 + i]) for row in rows], dtype=str)
        for i, column in enumerate(COLUMNS)
    }
    return Matrix(
        version=version,
        ids=np.fromiter((row[0] for row in rows), dtype=np.int64, count=count),
        content_types=np.fromiter((row[1] for row in rows), dtype=np.int64, count=count),
        object_ids=np.fromiter((row[2] for row in rows), dtype=np.int64, count=count),
        vectors=vectors,
        facets=facets,
    )


def matrix() -> Matrix:
    """This process's matrix, reloaded if the index changed since it was loaded. The version
    is read before the rows, so a change during loading triggers another reload."""
    global _matrix
    version = index_stamp()
    if _matrix is None or _matrix.version != version:
        with _lock:
            if _matrix is None or _matrix.version != version:
                _matrix = load(version)
    return _matrix
