"""The calls other apps make after writing a searchable record (see core/searchable.py).

The work (indexing passages, embedding them, suggesting GCM tags) runs after the transaction
commits, as a background task, so a write never waits for it and never indexes rolled-back data.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction


def _ref(obj: models.Model) -> tuple[int, int]:
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def record_saved(obj: models.Model) -> None:
    from nethub.search.tasks import index_record

    content_type_id, object_id = _ref(obj)
    transaction.on_commit(
        lambda: index_record.enqueue(content_type_id=content_type_id, object_id=object_id)
    )


def record_deleted(obj: models.Model) -> None:
    from nethub.search.tasks import unindex_record

    content_type_id, object_id = _ref(obj)
    transaction.on_commit(
        lambda: unindex_record.enqueue(content_type_id=content_type_id, object_id=object_id)
    )
