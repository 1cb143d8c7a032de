"""core/exports.py: formulas defused, the streamed calendar equal to icalendar's whole one,
and Word reports whose blocks stay in order."""

import datetime
import io

import docx
from icalendar import Calendar, Event

from nethub.core.exports import DocxReport, csv_lines, ical_lines, safe_cell


def test_formula_starts_are_quoted_and_other_values_kept():
    for text in ("=1+1", "+41 22", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Plain text") == "Plain text" and safe_cell(-2) == -2
    lines = list(csv_lines(["a", "b"], [["=cmd", 3]]))
    assert lines == ["\ufeffa,b\r\n", "'=cmd,3\r\n"]


def test_streamed_calendar_is_the_same_bytes_as_a_whole_one():
    def events():
        for n in range(3):
            event = Event()
            event.add("uid", f"e{n}@nethub")
            event.add("dtstart", datetime.date(2030, 1, 1 + n))
            event.add("summary", "Réunion, partenaires; suivi " * 4)
            yield event

    properties = {"prodid": "-//nethub//test//EN", "version": "2.0", "x-wr-calname": "Test"}
    whole = Calendar()
    for name, value in properties.items():
        whole.add(name, value)
    for event in events():
        whole.add_component(event)
    assert b"".join(ical_lines(properties, events())) == whole.to_ical()


def test_docx_report_keeps_blocks_in_order_with_their_styles():
    report = DocxReport()
    report.heading("Report", 0)
    report.paragraph("Intro")
    report.paragraph("Point", style="List Bullet")
    report.paragraph("Who", bold=True)
    report.table(["A", "B"], [[1, "x"], [2, "y"]])
    report.heading("After", 1)
    document = docx.Document(io.BytesIO(report.bytes()))
    lines = [(p.style.name, p.text, any(r.bold for r in p.runs)) for p in document.paragraphs]
    assert lines == [
        ("Title", "Report", False),
        ("Normal", "Intro", False),
        ("List Bullet", "Point", False),
        ("Normal", "Who", True),
        ("Heading 1", "After", False),
    ]
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["A", "B"],
        ["1", "x"],
        ["2", "y"],
    ]
    body = [child.tag.rsplit("}", 1)[-1] for child in document.element.body]
    assert body == ["p", "p", "p", "p", "tbl", "p", "sectPr"]
