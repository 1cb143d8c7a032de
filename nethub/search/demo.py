"""Demo: runs last (see core.demo.DEMO_APPS) and indexes every searchable record."""

from __future__ import annotations

from pathlib import Path

from django.contrib.contenttypes.models import ContentType

from nethub.search.adapters import searchable_models
from nethub.search.models import Passage
from nethub.search.services import index_rebuild


def load(*, fixtures_dir: Path | None, stdout) -> None:
    # Records saved through the services are indexed as they are saved; only models with
    # records but nothing in the index (reference data loaded in bulk, a first run) are indexed
    # here, so a restart does not embed everything again. `manage.py reindex` rebuilds all.
    indexed = set(Passage.objects.values_list("content_type_id", flat=True).distinct())
    missing = [
        model
        for model in searchable_models()
        if ContentType.objects.get_for_model(model).pk not in indexed
        and model._default_manager.exists()
    ]
    if not missing:
        stdout.write(f"Search index: {Passage.objects.count()} passages kept.")
        return
    counts = index_rebuild(models=missing)
    stdout.write(
        "Search index: "
        + (", ".join(f"{count} {label}" for label, count in counts.items()) or "empty")
    )
