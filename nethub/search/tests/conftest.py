"""Records for the search tests: documents indexed directly (under the content type of
directory.Person, with object ids no person has), and real people through the adapter."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.contrib.contenttypes.models import ContentType

from nethub.core.searchable import SearchDocument

_ids = itertools.count(900_001)


@pytest.fixture
def index_document(db):
    from nethub.directory.models import Person
    from nethub.search.services import document_index

    content_type_id = ContentType.objects.get_for_model(Person).pk

    def index(**fields) -> tuple[int, int]:
        fields.setdefault("kind", "document")
        fields.setdefault("url", "/somewhere/")
        fields.setdefault("language", "en")
        fields.setdefault("date", datetime.date(2024, 1, 29))
        object_id = next(_ids)
        document_index(
            content_type_id=content_type_id,
            object_id=object_id,
            document=SearchDocument(**fields),
        )
        return content_type_id, object_id

    return index


@pytest.fixture
def corpus(index_document):
    """A handful of records on different subjects, kinds, years and languages."""
    return {
        "remittances": index_document(
            title="Remittances and financial inclusion",
            text="Migrant workers send remittances home.\n\nLower transfer costs help families.",
            kind="document",
            organizations=["iom"],
            countries=["mx"],
            objectives=[20],
            date=datetime.date(2022, 2, 15),
        ),
        "route": index_document(
            title="Agenda item: the route-based approach",
            text="Principals discussed a route-based approach to mixed movements along routes.",
            kind="agenda_item",
            organizations=["unhcr", "iom"],
            objectives=[7, 23],
        ),
        "children": index_document(
            title="Children on the move",
            text="UNICEF stressed protection of children on the move and child rights.",
            kind="comment",
            organizations=["unicef"],
        ),
        "french": index_document(
            title="Les envois de fonds des travailleurs migrants",
            text="Les travailleurs migrants envoient des fonds à leurs familles.",
            kind="document",
            language="fr",
            date=datetime.date(2021, 5, 5),
        ),
    }
