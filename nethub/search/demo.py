"""Demo: runs last (see core.demo.DEMO_APPS) and indexes every searchable record."""

from __future__ import annotations

from pathlib import Path

from nethub.search.services import index_rebuild


def load(*, fixtures_dir: Path | None, stdout) -> None:
    counts = index_rebuild()
    stdout.write(
        "Search index: "
        + (", ".join(f"{count} {label}" for label, count in counts.items()) or "empty")
    )
