"""One way to export rows: CSV or XLSX, streamed, with formula injection defused.

Apps hand over a header and an iterable of rows (a generator over `.iterator()` keeps memory flat
whatever the count); `export_response` picks the format.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import Http404, HttpResponse, StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: quote such text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list, rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def xlsx_bytes(header: list, rows: Iterable[Iterable], *, sheet: str = "data") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])
    worksheet.append(header)
    for row in rows:
        worksheet.append([safe_cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(fmt: str, *, filename: str, header: list, rows: Iterable[Iterable]):
    """A download of `rows` as `fmt` ("csv" or "xlsx"); any other format is a 404."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV)
    elif fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(header, rows, sheet=filename), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
