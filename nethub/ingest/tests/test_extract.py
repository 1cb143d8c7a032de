"""ingest.extract on real files made here: PDF (fpdf2), DOCX (python-docx), HTML, Markdown,
plain text, and files that lie about what they are."""

import io
import zipfile

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from nethub.ingest.extract import (
    DOCX,
    HTML,
    MARKDOWN,
    PDF,
    TEXT,
    IngestError,
    detect_language,
    detect_type,
    extract_text,
    html_to_text,
    normalise_text,
)

ENGLISH = (
    "The Principals agreed that the Network should support Member States in reducing the "
    "cost of remittances and in opening regular pathways for migrant workers."
)
FRENCH = (
    "Les membres du réseau ont convenu de soutenir les États dans la réduction du coût des "
    "envois de fonds et dans l'ouverture de voies de migration régulières."
)
SPANISH = (
    "Los miembros de la red acordaron apoyar a los Estados en la reducción del costo de las "
    "remesas y en la apertura de vías regulares para los trabajadores migrantes."
)


def make_pdf(*pages: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def make_docx(paragraphs: list[str], bullets: list[str] = ()) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Owner"
    table.rows[0].cells[1].text = "UNHCR"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_pdf_text_pages_and_language():
    result = extract_text(make_pdf(ENGLISH, "Second page about border governance."))
    assert result.mime_type == PDF
    assert len(result.pages) == 2
    assert "remittances" in result.text and "border governance" in result.pages[1]
    assert result.language == "en"


def test_docx_paragraphs_bullets_and_tables():
    result = extract_text(make_docx([FRENCH], bullets=["Préparer une note conceptuelle"]))
    assert result.mime_type == DOCX
    assert "- Préparer une note conceptuelle" in result.text
    assert "Owner | UNHCR" in result.text
    assert result.language == "fr"


def test_html_drops_scripts_and_keeps_list_items():
    html = (
        "<!DOCTYPE html><html><body><script>alert('x')</script><style>p{}</style>"
        f"<p>{SPANISH}</p><ul><li>Primera acción</li></ul></body></html>"
    ).encode()
    result = extract_text(html, filename="page.txt")
    assert result.mime_type == HTML
    assert "alert" not in result.text and "p{}" not in result.text
    assert "- Primera acción" in result.text
    assert result.language == "es"


def test_markdown_is_told_from_text_by_name_only():
    data = f"# Summary\n\n{ENGLISH}\n".encode()
    assert detect_type(data, "summary.md") == MARKDOWN
    assert detect_type(data, "summary.txt") == TEXT
    assert extract_text(data, filename="summary.md").text.startswith("# Summary")


def test_windows_encoded_text_is_read():
    data = "Réunion du Comité exécutif – résumé".encode("cp1252")
    assert "Comité exécutif" in extract_text(data).text


def test_a_text_file_named_pdf_is_refused_where_only_pdf_is_allowed():
    with pytest.raises(IngestError):
        extract_text(b"just some text pretending", filename="report.pdf", allowed_types={PDF})


def test_a_damaged_pdf_gets_a_clear_error():
    broken = make_pdf(ENGLISH)[:200]
    with pytest.raises(IngestError, match="could not be read|No text"):
        extract_text(broken, filename="broken.pdf")


def test_a_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(ENGLISH))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(IngestError, match="password"):
        extract_text(buffer.getvalue())


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(IngestError, match="not accepted"):
        extract_text(buffer.getvalue(), filename="notes.docx")


def test_binary_and_image_files_are_refused():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with pytest.raises(IngestError):
        extract_text(png, filename="scan.pdf")
    with pytest.raises(IngestError):
        extract_text(b"\x00\x01\x02\x03" * 100, filename="data.txt")


def test_text_that_begins_like_a_weak_file_signature_is_read_as_text():
    """A bitmap's signature is "BM": minutes that begin with the initials of a board are text,
    and a real bitmap (its header holds binary sizes) is still refused."""
    minutes = b"BMA board meeting, 20 October 2014\n\nPresent: Ann Lee\n"
    assert extract_text(minutes, filename="board.txt").text.startswith("BMA board")
    bitmap = b"BM" + (70).to_bytes(4, "little") + b"\x00" * 4 + (54).to_bytes(4, "little")
    with pytest.raises(IngestError, match="not accepted"):
        extract_text(bitmap + b"\x00" * 56, filename="board.txt")


def test_empty_and_oversized_files_are_refused_before_parsing(settings):
    with pytest.raises(IngestError, match="empty"):
        extract_text(b"")
    settings.MAX_UPLOAD_SIZE = 1024
    with pytest.raises(IngestError, match="larger"):
        extract_text(b"a" * 2048)


def test_normalise_text_folds_line_ends_and_blank_runs():
    assert normalise_text("a\r\nb \u00a0\n\n\n\nc  \n") == "a\nb\n\nc\n"


def test_language_is_blank_when_the_text_is_too_short():
    assert detect_language("OK") == ""


def test_html_inline_markup_stays_on_its_line_and_tables_keep_their_cells():
    html = (
        "<html><head><title>ignored</title></head><body><h2>Action  points</h2>"
        "<p>The <strong>Coordinator</strong> will\n report by <em>1 May</em>.</p>"
        "<table><tr><th>Owner</th><th>Due</th></tr><tr><td>UNHCR</td><td>June</td></tr></table>"
        "</body></html>"
    )
    lines = [line for line in normalise_text(html_to_text(html)).splitlines() if line]
    assert lines == [
        "Action points",
        "The Coordinator will report by 1 May.",
        "Owner | Due",
        "UNHCR | June",
    ]


def test_docx_tables_stay_where_they_stand():
    document = docx.Document()
    document.add_paragraph("Participants:")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Name", "Title", "Entity"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Ana Ruiz", "Director", "ILO"], strict=True):
        cell.text = text
    document.add_paragraph("Opening remarks followed the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue()).text
    assert text.index("Participants:") < text.index("Ana Ruiz | Director | ILO")
    assert text.index("Ana Ruiz") < text.index("Opening remarks")
