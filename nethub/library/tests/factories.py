"""Real files and records for the library's tests (no mocks: PDFs made with fpdf2)."""

from __future__ import annotations

import io

from nethub.framework.models import FrameworkElement


def make_pdf(*paragraphs: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    return bytes(pdf.output())


def make_docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def objective(number: int) -> FrameworkElement:
    return FrameworkElement.objects.get(kind="objective", code=str(number))


def principle(number: int) -> FrameworkElement:
    return FrameworkElement.objects.get(kind="principle", code=str(number))


PRACTICE_TEXT = {
    "title": "Mobile legal clinics for seasonal farm workers",
    "summary": "Volunteer lawyers visit farms at harvest time to advise seasonal workers on "
    "their contracts and wages.",
    "description": "A workers' association and a law faculty run clinics in a van that tours "
    "farming districts during the harvest, checking contracts and helping workers claim "
    "unpaid wages.",
    "results": "Several hundred workers advised each season; unpaid wages recovered.",
    "replicability": "Needs a partner law school, a vehicle and a list of farms; the manual "
    "is shared freely.",
    "implementation": "ongoing",
}


def practice_submit(actor, *, countries=None, objectives=(6,), principles=(6,), **overrides):
    from nethub.directory.models import Country
    from nethub.library.services import practice_submit as submit

    values = {**PRACTICE_TEXT, **overrides}
    return submit(
        actor=actor,
        objectives=[objective(n) for n in objectives],
        principles=[principle(n) for n in principles],
        countries=countries if countries is not None else [Country.objects.get(iso2="MX")],
        **values,
    )
