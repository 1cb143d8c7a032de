"""One helper for the fund's exports: a table (columns and rows) as CSV or XLSX, with cells that a
spreadsheet would run as formulas neutralised. (No project-wide helper exists yet; meetings and
consultations keep their own.)"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.http import Http404, HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def table_response(*, name: str, columns: list[str], rows, fmt: str) -> HttpResponse:
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_safe(v) for v in row])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(name[:31])
        sheet.append(columns)
        for row in rows:
            # Decimal stays exact in the cell (openpyxl writes its text form).
            sheet.append([_safe(v) if not isinstance(v, Decimal) else v for v in row])
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
