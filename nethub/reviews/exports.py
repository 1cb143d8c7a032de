"""One way to send a table as a file: CSV or XLSX. (nethub's main has no shared helper yet;
the dashboard, the series pages and the review list use this one.)"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import Http404, HttpResponse

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cell(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is read as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def table_response(
    *, headers: Sequence[str], rows: Iterable[Sequence], fmt: str, filename: str
) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    headers = [str(header) for header in headers]
    rows = [[_cell(value) for value in row] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows(rows)
        body: bytes | str = "\ufeff" + out.getvalue()
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(headers)
        for row in rows:
            sheet.append([_xlsx(value) for value in row])
        buffer = io.BytesIO()
        book.save(buffer)
        body = buffer.getvalue()
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _xlsx(value):
    from decimal import Decimal

    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)
