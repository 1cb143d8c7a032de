"""One way to export rows: CSV or XLSX, streamed, with formula injection defused; and one way to
stream an iCalendar feed.

Apps hand over a header and an iterable of rows (a generator over `.values_list().iterator()`
of the columns the export shows keeps time linear and memory flat whatever the count);
`export_response` picks the format. `ical_response` does the same for calendar events.

The libraries are imported with this module, that is with the views when a worker loads the
URLs, not in the first export a worker serves: openpyxl alone takes 0.2-0.35 s to import,
more than a 500-row XLSX takes to write, and made that first export several times slower.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

import docx
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from docx.oxml import OxmlElement
from docx.text.paragraph import Paragraph
from icalendar import Calendar
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ICS = "text/calendar; charset=utf-8"
# Rows are read from the database in chunks of this size (server-side cursors on PostgreSQL).
CHUNK = 2000
_PK = 987654321


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: quote such text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def url_template(viewname: str) -> str:
    """The address of `viewname` for any one pk as a format string ("/x/{}/"): resolving the
    URL once, not once per row, is a tenth of a large export's time."""
    return reverse(viewname, args=[_PK]).replace(str(_PK), "{}")


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: list, rows: Iterable[Iterable]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def xlsx_bytes(header: list, rows: Iterable[Iterable], *, sheet: str = "data") -> bytes:
    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])
    worksheet.append(header)
    for row in rows:
        worksheet.append([safe_cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(
    fmt: str, *, filename: str, header: list, rows: Iterable[Iterable], sheet: str | None = None
):
    """A download of `rows` as `fmt` ("csv" or "xlsx", whose sheet is named `sheet` or the
    file's name); any other format is a 404."""
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(header, rows), content_type=CSV)
    elif fmt == "xlsx":
        response = HttpResponse(
            xlsx_bytes(header, rows, sheet=sheet or filename), content_type=XLSX
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def ical_lines(properties: dict, events: Iterable) -> Iterator[bytes]:
    """A VCALENDAR with `properties` around `events` (icalendar `Event`s, made one at a time by
    a generator), written event by event: the same bytes as `Calendar.to_ical()` without
    holding the whole calendar."""
    calendar = Calendar()
    for name, value in properties.items():
        calendar.add(name, value)
    end = b"END:VCALENDAR\r\n"
    whole = calendar.to_ical()
    yield whole[: -len(end)]
    for event in events:
        yield event.to_ical()
    yield end


def ical_response(properties: dict, events: Iterable, *, filename: str) -> StreamingHttpResponse:
    """An iCalendar feed, streamed, shown inline (calendar apps subscribe to the address)."""
    response = StreamingHttpResponse(ical_lines(properties, events), content_type=ICS)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


class DocxReport:
    """A Word report written top to bottom: headings, paragraphs and tables, then `.response()`.

    python-docx's `add_paragraph` looks the body's end up and, with a style, the style by its
    name on every call: a 5,000-comment report spent most of its time there. Here each block
    goes straight before the section properties and each style is looked up once, so time
    grows linearly with the blocks."""

    def __init__(self):
        self.document = docx.Document()
        self._end = self.document.element.body.sectPr
        self._style_ids: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def paragraph(self, text: str = "", *, style: str | None = None, bold: bool = False):
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        if style is not None:
            element.style = self._style_id(style)
        paragraph = Paragraph(element, self.document._body)
        if text:
            run = paragraph.add_run(text)
            if bold:
                run.bold = True
        return paragraph

    def heading(self, text: str, level: int = 1):
        """As `Document.add_heading`: level 0 is the title."""
        return self.paragraph(text, style="Title" if level == 0 else f"Heading {level}")

    def table(self, header: list | None, rows: Iterable[Iterable], *, style: str | None = None):
        """A table of `rows` (strings), under `header` when given."""
        rows = [[str(value) for value in row] for row in rows]
        columns = len(header) if header else max((len(row) for row in rows), default=1)
        table = self.document.add_table(rows=0, cols=columns)
        if style is not None:
            table.style = style
        for row in [header, *rows] if header else rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = str(value)
        return table

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def response(self, *, filename: str) -> HttpResponse:
        response = HttpResponse(self.bytes(), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{filename}.docx"'
        return response
