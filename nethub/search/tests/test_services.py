import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from modelsearch.models import IndexEntry

from nethub.core.searchable import SearchDocument
from nethub.search import services
from nethub.search.chunking import chunk_text
from nethub.search.keyword import keyword_search
from nethub.search.models import Passage, index_stamp


def test_chunks_follow_paragraphs_and_stay_short():
    paragraphs = [" ".join(f"p{n}w{i}" for i in range(60)) for n in range(5)]
    chunks = chunk_text("\n\n".join(paragraphs), max_words=150)
    assert [len(c.split()) for c in chunks] == [120, 120, 60]
    assert chunks[0].split("\n\n")[1].startswith("p1w0")


def test_long_paragraph_is_cut_on_sentences():
    sentence = " ".join(["word"] * 30) + "."
    chunks = chunk_text(" ".join([sentence] * 12), max_words=100)
    assert all(len(c.split()) <= 100 for c in chunks)
    assert sum(len(c.split()) for c in chunks) == 360
    assert all(c.endswith(".") for c in chunks)


def test_empty_text_gives_no_chunks():
    assert chunk_text("") == []
    assert chunk_text("  \n\n ") == []


def _entries():
    ct = ContentType.objects.get_for_model(Passage)
    return IndexEntry.objects.filter(content_type=ct)


def test_document_index_stores_passages_facets_and_keyword_entries(index_document):
    stamp = index_stamp()
    text = "\n\n".join(" ".join(["remittances"] * 100) for _ in range(3))
    key = index_document(
        title="Money home",
        text=text,
        organizations=["iom", "ilo"],
        countries=["mx"],
        regions=["americas"],
        objectives=[20],
        date=datetime.date(2022, 2, 15),
    )
    passages = list(Passage.objects.filter(content_type_id=key[0], object_id=key[1]))
    assert [p.position for p in passages] == [0, 1, 2]
    first = passages[0]
    assert first.organizations == "|iom|ilo|"
    assert first.countries == "|MX|"
    assert first.objectives == "|20|"
    assert first.year == 2022
    assert first.embedding is None  # semantic search is off in these tests
    assert _entries().count() == 3
    assert index_stamp() not in ("", stamp)


def test_reindexing_replaces_passages_never_duplicates(index_document, db):
    from nethub.directory.models import Person

    ct = ContentType.objects.get_for_model(Person).pk
    document = SearchDocument(kind="document", title="First title", text="alpha", url="/a/")
    services.document_index(content_type_id=ct, object_id=5, document=document)
    document.title, document.text = "Second title", "beta"
    services.document_index(content_type_id=ct, object_id=5, document=document)
    assert list(Passage.objects.filter(object_id=5).values_list("title", flat=True)) == [
        "Second title"
    ]
    assert _entries().count() == 1
    assert keyword_search("alpha") == []
    assert len(keyword_search("beta")) == 1


def test_unindex_drops_passages_and_entries(index_document):
    ct, oid = index_document(title="Gone soon", text="ephemeral words")
    services.record_unindex(content_type_id=ct, object_id=oid)
    assert not Passage.objects.filter(object_id=oid).exists()
    assert _entries().count() == 0
    assert keyword_search("ephemeral") == []


def test_record_index_uses_adapter_for_people(reference_data):
    from nethub.directory.models import Organization, Person

    unhcr = Organization.objects.get(acronym="UNHCR")
    person = Person.objects.create(
        name="Ada Example", title="Protection Officer", organization=unhcr
    )
    ct = ContentType.objects.get_for_model(Person).pk
    services.record_index(content_type_id=ct, object_id=person.pk)
    passage = Passage.objects.get(content_type_id=ct, object_id=person.pk)
    assert passage.kind == "person"
    assert passage.organizations == f"|{unhcr.slug}|"
    assert "Protection Officer" in passage.text
    person.delete()
    services.record_index(content_type_id=ct, object_id=person.pk)  # gone: dropped
    assert not Passage.objects.filter(content_type_id=ct, object_id=person.pk).exists()


def test_hooks_index_after_commit(reference_data, django_capture_on_commit_callbacks):
    from nethub.directory.models import Person
    from nethub.search.hooks import record_deleted, record_saved

    person = Person.objects.create(name="Bea Hooked", title="Adviser")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record_saved(person)
    assert not Passage.objects.filter(object_id=person.pk, kind="person").exists()
    for callback in callbacks:
        callback()
    assert Passage.objects.filter(object_id=person.pk, kind="person").exists()
    with django_capture_on_commit_callbacks(execute=True):
        record_deleted(person)
    assert not Passage.objects.filter(object_id=person.pk, kind="person").exists()


def test_index_rebuild_indexes_people_and_drops_stale(reference_data, index_document):
    from nethub.directory.models import Person

    Person.objects.create(name="Cy Rebuilt", title="Analyst")
    stale = index_document(title="Record that no longer exists", text="orphan")
    lines = []

    class Out:
        def write(self, line):
            lines.append(line)

    counts = services.index_rebuild(stdout=Out())
    assert counts["directory.Person"] == Person.objects.count()
    assert not Passage.objects.filter(object_id=stale[1]).exists()
    assert any("directory.Person" in line for line in lines)
    assert keyword_search("Rebuilt")


@pytest.mark.parametrize(
    ("language", "config"), [("en", "english"), ("fr", "french"), ("", "english"), ("sw", "simple")]
)
def test_pg_config_per_language(language, config):
    assert services.pg_config(language) == config


def test_every_searchable_model_declares_the_queryset_indexing_reads():
    from nethub.search.adapters import ADAPTER_QUERYSETS, searchable_models

    missing = [
        model._meta.label
        for model in searchable_models()
        if not hasattr(model, "search_queryset")
        and model._meta.label_lower not in ADAPTER_QUERYSETS
    ]
    assert missing == [], "add a search_queryset() classmethod with its prefetches"


@pytest.mark.django_db
def test_rebuilding_reads_a_batch_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from nethub.meetings.models import ActionPoint
    from nethub.meetings.tests.factories import ActionPointFactory
    from nethub.search.models import Passage
    from nethub.search.services import index_rebuild

    ActionPointFactory.create_batch(3)
    with CaptureQueriesContext(connection) as few:
        index_rebuild(models=[ActionPoint], batch_size=100)
    ActionPointFactory.create_batch(30)
    with django_assert_max_num_queries(len(few)):
        index_rebuild(models=[ActionPoint], batch_size=100)
    assert Passage.objects.filter(kind="action_point").count() == 33
