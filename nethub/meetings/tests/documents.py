"""Real PDF and DOCX files made from a text, for the tests (fpdf2 and python-docx)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]


def _font() -> Path | None:
    for folder in FONT_DIRS:
        if (folder / "DejaVuSans.ttf").exists():
            return folder / "DejaVuSans.ttf"
    try:
        import fpdf

        bundled = Path(fpdf.__file__).parent / "font" / "DejaVuSans.ttf"
        return bundled if bundled.exists() else None
    except ImportError:
        return None


def pdf_from_text(text: str, *, size: int = 11, running: str = "") -> bytes:
    """A PDF with the text's lines wrapped at the page width, as a word processor would;
    with `running`, every page also has that header and a "Page n" footer."""
    from fpdf import FPDF

    class Document(FPDF):
        def header(self):
            if running:
                self.cell(0, 6, running, new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            if running:
                self.set_y(-15)
                self.cell(0, 6, f"Page {self.page_no()}", align="C")

    pdf = Document(format="A4")
    pdf.set_margins(20, 20, 20)
    font = _font()
    if font:
        pdf.add_font("DejaVu", "", str(font))
        pdf.set_font("DejaVu", size=size)
    else:  # core fonts know Latin-1 only: replace what they lack
        pdf.set_font("Helvetica", size=size)
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.add_page()
    for line in text.splitlines():
        if not line.strip():
            pdf.ln(4)
            continue
        pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_from_text(text: str) -> bytes:
    """A Word document: one paragraph a line, "- " lines as bulleted list items."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith(("- ", "• ")):
            document.add_paragraph(line[2:], style="List Bullet")
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
