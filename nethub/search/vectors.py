"""Semantic search over the passages' embeddings through an approximate nearest-neighbour index
(usearch's HNSW graph), so that a query does not scan every vector.

Each process holds one `VectorIndex`: the graph (vectors inside it, float16) and, beside it in
numpy, each passage's record and facets for filtering. It starts from the snapshot on disk
(`settings.SEARCH_INDEX_DIR`) when there is one, and follows the database incrementally: when
`IndexState.stamp` changes (one small query per search), the passages added since are added to
the graph and those removed are removed. A full build happens only without a usable snapshot or
after large changes, and writes a new snapshot.

The interface (`index()`, `VectorIndex.search`, `VectorIndex.record_vector`, `len()`) is what
the selectors use; a PostgreSQL vector extension or OpenSearch can stand behind the same one.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings

from nethub.search.embeddings import DIMENSIONS
from nethub.search.models import FACET_COLUMN_NAMES as FACET_COLUMNS
from nethub.search.models import MULTI_VALUED_FACETS, Passage, index_stamp

logger = logging.getLogger(__name__)

COLUMNS = ("kind", "language", "year", *MULTI_VALUED_FACETS)
# HNSW settings: recall@10 against the exact scan stays above 0.95 at 100,000 passages
# (bench/search.py measures it).
CONNECTIVITY = 32
EXPANSION_ADD = 256
EXPANSION_SEARCH = 512
# Filters that leave at most this many passages are answered by an exact scan of those.
EXACT_SCAN_LIMIT = 20_000
# Above this share of the index changed at once, rebuilding beats adding one by one.
REBUILD_SHARE = 0.5
BATCH = 5_000


def _new_graph():
    from usearch.index import Index

    return Index(
        ndim=DIMENSIONS,
        metric="cos",
        dtype="f16",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


@dataclass
class Rows:
    """What the index knows of each passage besides its vector, row-aligned."""

    ids: np.ndarray  # passage ids (the graph's keys), int64
    content_types: np.ndarray
    object_ids: np.ndarray
    facets: dict[str, np.ndarray]  # column -> str array

    @classmethod
    def empty(cls) -> Rows:
        return cls(
            ids=np.zeros(0, dtype=np.int64),
            content_types=np.zeros(0, dtype=np.int64),
            object_ids=np.zeros(0, dtype=np.int64),
            facets={column: np.zeros(0, dtype=str) for column in COLUMNS},
        )

    @classmethod
    def from_values(cls, rows: list[tuple]) -> Rows:
        """From (id, content type, object id, *COLUMNS) tuples."""
        count = len(rows)
        return cls(
            ids=np.fromiter((row[0] for row in rows), dtype=np.int64, count=count),
            content_types=np.fromiter((row[1] for row in rows), dtype=np.int64, count=count),
            object_ids=np.fromiter((row[2] for row in rows), dtype=np.int64, count=count),
            facets={
                column: np.array(
                    ["" if row[3 + i] is None else str(row[3 + i]) for row in rows], dtype=str
                )
                for i, column in enumerate(COLUMNS)
            },
        )

    def keep(self, mask: np.ndarray) -> Rows:
        return Rows(
            ids=self.ids[mask],
            content_types=self.content_types[mask],
            object_ids=self.object_ids[mask],
            facets={column: values[mask] for column, values in self.facets.items()},
        )

    def extend(self, other: Rows) -> Rows:
        """Both sets of rows, kept in id order (positions are found by binary search)."""
        joined = Rows(
            ids=np.concatenate([self.ids, other.ids]),
            content_types=np.concatenate([self.content_types, other.content_types]),
            object_ids=np.concatenate([self.object_ids, other.object_ids]),
            facets={
                column: np.concatenate([self.facets[column], other.facets[column]])
                for column in COLUMNS
            },
        )
        if len(joined.ids) > 1 and not (np.diff(joined.ids) > 0).all():
            joined = joined.keep(np.argsort(joined.ids, kind="stable"))
        return joined

    def positions(self, keys: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.ids, keys)

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


def _passages_with_vectors():
    return Passage.objects.exclude(embedding=None).order_by()


def _fetch(ids) -> tuple[Rows, np.ndarray]:
    """Rows and float16 vectors of these passages (or of all, when `ids` is None)."""
    queryset = _passages_with_vectors().order_by("id")
    if ids is not None:
        queryset = queryset.filter(pk__in=[int(pk) for pk in ids])
    rows, blobs = [], []
    for values in queryset.values_list("id", "content_type_id", "object_id", *COLUMNS, "embedding"):
        rows.append(values[:-1])
        blobs.append(bytes(values[-1]))
    vectors = np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(rows), DIMENSIONS)
    return Rows.from_values(rows), vectors


SAMPLE = 64


def _sample_matches(graph, ids: np.ndarray) -> bool:
    """Whether a sample of the snapshot's vectors are still those the database holds under the
    same ids (a database restored from a backup may give old ids to new passages)."""
    if not len(ids):
        return True
    sample = np.random.default_rng().choice(ids, size=min(SAMPLE, len(ids)), replace=False)
    stored = dict(
        _passages_with_vectors().filter(pk__in=sample.tolist()).values_list("id", "embedding")
    )
    for key in sample.tolist():
        if key not in stored:
            continue  # removed since: apply_changes drops it
        mine = np.asarray(graph.get(key), dtype=np.float16)
        theirs = np.frombuffer(bytes(stored[key]), dtype=np.float16)
        if not np.allclose(mine, theirs, atol=1e-3):
            return False
    return True


class VectorIndex:
    def __init__(self) -> None:
        self.version = ""
        self.rows = Rows.empty()
        self.graph = _new_graph()

    def __len__(self) -> int:
        return len(self.rows.ids)

    # Following the database ----------------------------------------------------------------

    def build(self, version: str) -> None:
        rows, vectors = _fetch(None)
        graph = _new_graph()
        if len(rows.ids):
            graph.add(rows.ids, vectors, threads=0)
        self.rows, self.graph, self.version = rows, graph, version

    def apply_changes(self, version: str) -> int:
        """Add the passages the database has and the index lacks, remove those it no longer
        has; returns how many changed. Rebuilds when most of the index changed."""
        current = np.fromiter(_passages_with_vectors().values_list("id", flat=True), dtype=np.int64)
        added = np.setdiff1d(current, self.rows.ids, assume_unique=True)
        removed = np.setdiff1d(self.rows.ids, current, assume_unique=True)
        changed = len(added) + len(removed)
        if changed > REBUILD_SHARE * max(len(self.rows.ids), 1) and changed > BATCH:
            self.build(version)
            return changed
        if len(removed):
            self.graph.remove(removed)
            self.rows = self.rows.keep(~np.isin(self.rows.ids, removed))
        for start in range(0, len(added), BATCH):
            rows, vectors = _fetch(added[start : start + BATCH])
            if len(rows.ids):
                self.graph.add(rows.ids, vectors, threads=0)
                self.rows = self.rows.extend(rows)
        self.version = version
        return changed

    # Disk snapshot -----------------------------------------------------------------------

    @staticmethod
    def _paths() -> tuple[Path, Path]:
        folder = Path(settings.SEARCH_INDEX_DIR)
        return folder / "passages.usearch", folder / "passages-rows.npz"

    def save(self) -> None:
        """Write the graph and its rows atomically (temporary files, then rename), so that a
        process starting meanwhile reads either the old snapshot or the new one."""
        graph_path, rows_path = self._paths()
        graph_path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=graph_path.parent) as folder:
            graph_tmp, rows_tmp = Path(folder) / "g", Path(folder) / "r.npz"
            self.graph.save(str(graph_tmp))
            np.savez(
                rows_tmp,
                ids=self.rows.ids,
                content_types=self.rows.content_types,
                object_ids=self.rows.object_ids,
                **{f"facet_{c}": v for c, v in self.rows.facets.items()},
            )
            os.replace(rows_tmp, rows_path)
            os.replace(graph_tmp, graph_path)

    def restore(self) -> bool:
        graph_path, rows_path = self._paths()
        if not (graph_path.exists() and rows_path.exists()):
            return False
        try:
            graph = _new_graph()
            graph.load(str(graph_path))
            # The file holds the graph, not the search-time settings (usearch's own
            # `Index.restore` comes back with expansion_search 64): set ours whatever
            # `load` keeps.
            graph.expansion_add = EXPANSION_ADD
            graph.expansion_search = EXPANSION_SEARCH
            with np.load(rows_path) as data:
                rows = Rows(
                    ids=data["ids"],
                    content_types=data["content_types"],
                    object_ids=data["object_ids"],
                    facets={c: data[f"facet_{c}"] for c in COLUMNS},
                )
        except (OSError, ValueError, KeyError, RuntimeError) as error:
            logger.warning("search index snapshot unreadable, rebuilding: %s", error)
            return False
        if len(graph) != len(rows.ids) or not _sample_matches(graph, rows.ids):
            return False
        self.graph, self.rows = graph, rows
        return True

    # Queries ----------------------------------------------------------------------------

    def _exact(self, vector: np.ndarray, allowed: np.ndarray, limit: int):
        keys = self.rows.ids[allowed]
        if not len(keys):
            return []
        candidates = np.asarray(self.graph.get(keys), dtype=np.float32).reshape(-1, DIMENSIONS)
        scores = candidates @ vector
        top = np.argsort(-scores)[:limit]
        return [(int(keys[i]), float(scores[i])) for i in top]

    def _approximate(self, vector: np.ndarray, allowed: np.ndarray | None, limit: int):
        wanted = limit if allowed is None else limit * 8
        while True:
            count = min(wanted, len(self))
            matches = self.graph.search(vector, count)
            keys = np.asarray(matches.keys, dtype=np.int64)
            scores = 1.0 - np.asarray(matches.distances, dtype=np.float32)
            if allowed is not None:
                keep = allowed[self.rows.positions(keys)]
                keys, scores = keys[keep], scores[keep]
            if len(keys) >= limit or count >= len(self):
                return list(zip(keys.tolist(), scores.tolist(), strict=True))[:limit]
            wanted *= 4

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
        vector = np.asarray(vector, dtype=np.float32)
        allowed = self.rows.mask(filters)
        if exclude is not None:
            same = (self.rows.content_types == exclude[0]) & (self.rows.object_ids == exclude[1])
            allowed = ~same if allowed is None else allowed & ~same
        if allowed is not None and int(allowed.sum()) <= EXACT_SCAN_LIMIT:
            found = self._exact(vector, allowed, limit)
        else:
            found = self._approximate(vector, allowed, limit)
        return [(pk, score) for pk, score in found if score >= min_score]

    def record_vector(self, content_type_id: int, object_id: int) -> np.ndarray | None:
        """The normalised mean of a record's passage vectors."""
        rows = (self.rows.content_types == content_type_id) & (self.rows.object_ids == object_id)
        if not rows.any():
            return None
        own = np.asarray(self.graph.get(self.rows.ids[rows]), dtype=np.float32)
        vector = own.reshape(-1, DIMENSIONS).mean(axis=0)
        norm = np.linalg.norm(vector)
        return vector / norm if norm else None


_index: VectorIndex | None = None
_lock = threading.Lock()


def _open(version: str) -> VectorIndex:
    opened = VectorIndex()
    if opened.restore():
        opened.apply_changes(version)
    else:
        opened.build(version)
    try:
        opened.save()
    except OSError as error:  # a read-only disk: serve from memory
        logger.warning("search index snapshot not written: %s", error)
    return opened


def index() -> VectorIndex:
    """This process's index, brought up to date with the database first. The stamp is read
    before the rows, so a change during an update triggers another one next time."""
    global _index
    version = index_stamp()
    if _index is not None and _index.version == version:
        return _index
    with _lock:
        if _index is None:
            _index = _open(version)
        elif _index.version != version:
            _index.apply_changes(version)
    return _index


def snapshot_save() -> None:
    """Bring the index up to date and write its snapshot (after a rebuild of the index)."""
    index().save()


def forget(*, snapshot: bool = False) -> None:
    """Drop this process's index, and with `snapshot` its files too (tests, whose rolled-back
    rows give the same ids to other passages)."""
    global _index
    with _lock:
        _index = None
        if snapshot:
            for path in VectorIndex._paths():
                path.unlink(missing_ok=True)
