"""A table of the review pages and the dashboard as CSV or XLSX, through nethub's one export
helper (`core.exports.export_response`: streamed CSV, formulas defused)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from nethub.core.exports import export_response


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    return "" if value is None else value


def table_response(*, headers: Sequence, rows: Iterable[Sequence], fmt: str, filename: str):
    """`rows` under `headers` as a download; an unknown format is a 404."""
    return export_response(
        fmt,
        filename=filename,
        header=[str(header) for header in headers],
        rows=([_plain(value) for value in row] for row in rows),
    )
