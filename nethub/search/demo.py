"""Demo: runs last (see core.demo.DEMO_APPS) and indexes every searchable record."""

from __future__ import annotations

from pathlib import Path

from nethub.search.models import Passage
from nethub.search.services import index_rebuild


def load(*, fixtures_dir: Path | None, stdout) -> None:
    # Records saved since are indexed as they are saved; a full rebuild (every record embedded
    # again) is only needed the first time. `manage.py reindex` rebuilds on demand.
    if Passage.objects.exists():
        stdout.write(f"Search index: {Passage.objects.count()} passages kept.")
        return
    counts = index_rebuild()
    stdout.write(
        "Search index: "
        + (", ".join(f"{count} {label}" for label, count in counts.items()) or "empty")
    )
