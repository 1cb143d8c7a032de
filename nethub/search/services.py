"""Writes for the search index: a record's passages, their embeddings and their keyword
index entries; the whole index rebuilt.

A record is indexed from `search_document()` (or an adapter, see adapters.py). Each write
bumps `IndexState.version`, which tells every process to update its vector index.
"""

from __future__ import annotations

import itertools
import uuid
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from modelsearch.backends import get_search_backend
from modelsearch.models import IndexEntry

from nethub.core.searchable import SearchDocument
from nethub.search import embeddings, vectors
from nethub.search.adapters import document_for, queryset_for, searchable_models
from nethub.search.chunking import chunk_text
from nethub.search.models import IndexState, Passage

# PostgreSQL text-search configurations by language; anything else is indexed with 'simple'
# (no stemming, no stop words), which still finds exact words in any language.
PG_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "de": "german",
    "it": "italian",
    "ru": "russian",
    "ar": "arabic",
}


def pg_config(language: str) -> str:
    """A record that does not state its language is taken to be in the site's language."""
    language = (language or settings.LANGUAGE_CODE)[:2].lower()
    return PG_CONFIGS.get(language, "simple")


def semantic_enabled() -> bool:
    return getattr(settings, "SEARCH_SEMANTIC", True)


def _delimited(values) -> str:
    values = [str(value).strip() for value in values if str(value).strip()]
    return f"|{'|'.join(values)}|" if values else ""


def passages_build(
    *, content_type_id: int, object_id: int, document: SearchDocument
) -> list[Passage]:
    """The unsaved passages of one record: its text cut into chunks, each with the record's
    facets (a record with no text still gets one passage, found by its title)."""
    chunks = chunk_text(document.text) or [""]
    common = {
        "content_type_id": content_type_id,
        "object_id": object_id,
        "kind": document.kind[:40],
        "title": (document.title or "")[:500],
        "url": (document.url or "")[:500],
        "language": (document.language or "")[:8],
        "date": document.date,
        "year": document.date.year if document.date else None,
        "organizations": _delimited(document.organizations),
        "countries": _delimited(code.upper() for code in document.countries),
        "regions": _delimited(document.regions),
        "objectives": _delimited(document.objectives),
        "organization_kinds": _delimited(document.organization_kinds),
    }
    return [Passage(position=i, text=chunk, **common) for i, chunk in enumerate(chunks)]


def passages_embed(passages: list[Passage]) -> None:
    """Fill in the embeddings (title and passage together), in batches; a no-op when
    semantic search is switched off (SEARCH_SEMANTIC=False, as in most tests)."""
    if not semantic_enabled() or not passages:
        return
    vectors = embeddings.encode([f"{p.title}. {p.text}".strip(" .") for p in passages])
    for passage, vector in zip(passages, vectors, strict=True):
        passage.embedding = embeddings.to_bytes(vector)


def _keyword_index(passages: list[Passage]) -> None:
    """Add saved passages to modelsearch's index. On PostgreSQL each language is indexed with
    its own text-search configuration (stemming and stop words)."""
    if not passages:
        return
    by_language = defaultdict(list)
    for passage in passages:
        by_language[passage.language].append(passage)
    for language, group in by_language.items():
        backend = get_search_backend()
        if type(backend).__name__ == "PostgresSearchBackend":
            backend.config = pg_config(language)
        backend.add_bulk(Passage, group)


def _passage_content_type_id() -> int:
    return ContentType.objects.get_for_model(Passage).pk


def _keyword_unindex(passage_ids: list[int]) -> None:
    if not passage_ids:
        return
    entries = IndexEntry._default_manager.filter(
        content_type_id=_passage_content_type_id(),
        object_id__in=[str(pk) for pk in passage_ids],
    )
    if connection.vendor in ("sqlite", "postgresql"):
        # One DELETE; the FTS table follows through modelsearch's trigger on SQLite.
        entries._raw_delete(using=entries.db)
    else:
        entries.delete()


def keyword_index_rebuild(*, batch_size: int = 1000) -> int:
    """Rebuild modelsearch's keyword index from the stored passages (after a restore: the
    index is not in backups), without cutting or embedding anything again. Returns the number
    of passages indexed."""
    IndexEntry._default_manager.filter(content_type_id=_passage_content_type_id()).delete()
    done = 0
    iterator = Passage.objects.order_by("pk").iterator(chunk_size=batch_size)
    while batch := list(itertools.islice(iterator, batch_size)):
        with transaction.atomic():
            _keyword_index(batch)
        done += len(batch)
    return done


def _version_bump() -> None:
    stamp = uuid.uuid4()
    updated = IndexState.objects.filter(pk=1).update(version=F("version") + 1, stamp=stamp)
    if not updated:
        IndexState.objects.update_or_create(pk=1, defaults={"version": 1, "stamp": stamp})


def _store(passages: list[Passage]) -> None:
    created = Passage.objects.bulk_create(passages, batch_size=500)
    _keyword_index(created)


def _drop(*, content_type_id: int, object_ids: list[int]) -> int:
    existing = list(
        Passage.objects.filter(
            content_type_id=content_type_id, object_id__in=object_ids
        ).values_list("pk", flat=True)
    )
    _keyword_unindex(existing)
    Passage.objects.filter(pk__in=existing).delete()
    return len(existing)


@transaction.atomic
def document_index(*, content_type_id: int, object_id: int, document: SearchDocument) -> int:
    """Replace the passages of one record with those of `document`; returns how many."""
    passages = passages_build(
        content_type_id=content_type_id, object_id=object_id, document=document
    )
    passages_embed(passages)
    _drop(content_type_id=content_type_id, object_ids=[object_id])
    _store(passages)
    _version_bump()
    return len(passages)


def record_index(*, content_type_id: int, object_id: int) -> None:
    """(Re)index one record from its `search_document()`; a record that is gone or no longer
    public (document None) is dropped from the index."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model._default_manager.filter(pk=object_id).first() if model else None
    document = document_for(obj) if obj is not None else None
    if document is None:
        record_unindex(content_type_id=content_type_id, object_id=object_id)
        return
    document_index(content_type_id=content_type_id, object_id=object_id, document=document)
    if document.suggest_tags:
        # Comments, action points, meetings: GCM tags are suggested when they are saved.
        # (Library records suggest their own tags while they are processed.)
        from nethub.framework.suggest import record_suggest_tags

        record_suggest_tags(obj)


@transaction.atomic
def record_unindex(*, content_type_id: int, object_id: int) -> None:
    """Drop one record from the index."""
    if _drop(content_type_id=content_type_id, object_ids=[object_id]):
        _version_bump()


def index_rebuild(*, stdout=None, batch_size: int = 200, models=None) -> dict[str, int]:
    """Rebuild the index of every searchable model (or of `models`): each model's records are
    read, cut and embedded in batches, each batch written in its own transaction. Returns the
    number of records indexed per model."""
    counts = {}
    for model in models or searchable_models():
        content_type_id = ContentType.objects.get_for_model(model).pk
        label = model._meta.label
        total = model._default_manager.count()
        done = indexed = 0
        iterator = queryset_for(model).iterator(chunk_size=batch_size)
        while batch := list(itertools.islice(iterator, batch_size)):
            passages = []
            for obj in batch:
                document = document_for(obj)
                if document is not None:
                    indexed += 1
                    passages += passages_build(
                        content_type_id=content_type_id, object_id=obj.pk, document=document
                    )
            passages_embed(passages)
            with transaction.atomic():
                _drop(content_type_id=content_type_id, object_ids=[obj.pk for obj in batch])
                _store(passages)
            done += len(batch)
            if stdout:
                stdout.write(f"  {label}: {done}/{total} records, {len(passages)} passages")
        # Records deleted since the last rebuild.
        with transaction.atomic():
            stale = Passage.objects.filter(content_type_id=content_type_id).exclude(
                object_id__in=model._default_manager.values("pk")
            )
            _keyword_unindex(list(stale.values_list("pk", flat=True)))
            stale.delete()
        counts[label] = indexed
        if stdout:
            stdout.write(f"{label}: {indexed} of {total} records indexed")
    if models is None:
        # Passages of models that are no longer searchable.
        wanted = [ContentType.objects.get_for_model(m).pk for m in searchable_models()]
        with transaction.atomic():
            stale = Passage.objects.exclude(content_type_id__in=wanted)
            _keyword_unindex(list(stale.values_list("pk", flat=True)))
            stale.delete()
    _version_bump()
    if semantic_enabled():
        transaction.on_commit(vectors.snapshot_save)
    return counts
