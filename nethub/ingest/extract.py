"""Turn a file into text: PDF, DOCX, HTML, Markdown or plain text, recognised by content.

`extract_text` is the one entry point every importer uses. It never trusts a file's name:
the bytes decide what the file is, and a file that is not what it claims is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = "text/html"
MARKDOWN = "text/markdown"
TEXT = "text/plain"
SUPPORTED_TYPES = {PDF, DOCX, HTML, MARKDOWN, TEXT}


class IngestError(ValueError):
    """A file that cannot be read as what it is supposed to be; the message is for users."""


@dataclass
class ExtractedText:
    text: str
    mime_type: str
    language: str = ""
    pages: list[str] = field(default_factory=list)


def detect_type(data: bytes, filename: str = "") -> str:
    """The file's type from its bytes. The name only tells Markdown from plain text."""
    if data.startswith(b"%PDF-"):
        return PDF
    kind = filetype.guess(data)
    if kind is not None:
        if kind.mime == DOCX or (kind.extension == "zip" and _is_docx(data)):
            return DOCX
        raise IngestError(_("Files of type %(type)s are not accepted.") % {"type": kind.mime})
    if _is_docx(data):
        return DOCX
    text = _decode(data)
    if text is None:
        raise IngestError(_("The file is neither a PDF, a Word document nor text."))
    head = text[:2000].lower()
    if "<html" in head or "<!doctype html" in head or re.search(r"<(body|div|p)[\s>]", head):
        return HTML
    if filename.lower().endswith((".md", ".markdown")):
        return MARKDOWN
    return TEXT


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:4096]:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def check_size(data: bytes) -> None:
    """Raises IngestError when `data` is empty or larger than `settings.MAX_UPLOAD_SIZE`."""
    if len(data) > settings.MAX_UPLOAD_SIZE:
        raise IngestError(
            _("The file is larger than the %(limit)d MB allowed.")
            % {"limit": settings.MAX_UPLOAD_SIZE // (1024 * 1024)}
        )
    if not data:
        raise IngestError(_("The file is empty."))


def extract_text(
    data: bytes, *, filename: str = "", allowed_types: set[str] | None = None
) -> ExtractedText:
    """Read `data` and return its text and language. Raises IngestError with a message a
    user can act on when the file is too large, of a refused type, or unreadable."""
    check_size(data)
    mime_type = detect_type(data, filename)
    if allowed_types is not None and mime_type not in allowed_types:
        raise IngestError(_("Files of type %(type)s are not accepted here.") % {"type": mime_type})
    pages: list[str] = []
    if mime_type == PDF:
        pages = _pdf_pages(data)
        text = "\n\n".join(pages)
    elif mime_type == DOCX:
        text = _docx_text(data)
    elif mime_type == HTML:
        text = html_to_text(_decode(data) or "")
    else:
        text = _decode(data) or ""
    text = normalise_text(text)
    if not text.strip():
        raise IngestError(_("No text could be found in the file (is it a scanned image?)."))
    return ExtractedText(
        text=text, mime_type=mime_type, language=detect_language(text), pages=pages
    )


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(_("The PDF is protected by a password."))
        return [page.extract_text(extraction_mode="plain") or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise IngestError(_("The PDF could not be read: it may be damaged.")) from error


def _docx_text(data: bytes) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise IngestError(_("The Word document could not be read: it may be damaged.")) from error
    from docx.table import Table

    blocks: list[str] = []
    # Paragraphs and tables in the order the document has them: a participants table or an
    # action table belongs where it stands, not at the end.
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or text != cells[-1]:  # a merged cell repeats in each column
                        cells.append(text)
                blocks.append(" | ".join(cells))
            continue
        style = (block.style.name or "").lower() if block.style is not None else ""
        text = block.text
        if style.startswith("list") and text.strip():
            text = f"- {text}"
        blocks.append(text)
    return "\n\n".join(blocks)


_HTML_BLOCKS = [
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
]


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: scripts and styles dropped, each block (paragraph,
    heading, list item, table row) on its own line, inline markup kept within its line, list
    items marked "- " and table cells separated by " | "."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    # Source line breaks inside a paragraph are not the text's line breaks.
    for string in soup.find_all(string=True):
        if isinstance(string, NavigableString) and string.find_parent("pre") is None:
            string.replace_with(re.sub(r"\s+", " ", str(string)))
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        if cell.find_next_sibling(["td", "th"]) is not None:
            cell.append(" | ")
    for item in soup.find_all("li"):
        item.insert(0, "- ")
    for block in soup.find_all(_HTML_BLOCKS):
        block.insert_before("\n")
        block.append("\n")
    lines = (line.strip() for line in soup.get_text().split("\n"))
    return "\n".join(lines)


def normalise_text(text: str) -> str:
    """One form for text from any source: Unix line ends, no non-breaking spaces or trailing
    blanks, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


@lru_cache(maxsize=1)
def _language_detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH,
        Language.FRENCH,
        Language.SPANISH,
        Language.ARABIC,
        Language.RUSSIAN,
        Language.CHINESE,
        Language.PORTUGUESE,
        Language.GERMAN,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's main language, or "" when it cannot be told."""
    sample = text[:5000]
    if len(sample.strip()) < 20:
        return ""
    language = _language_detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else ""
