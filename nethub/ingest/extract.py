"""Turn a file into text: PDF, DOCX, HTML, Markdown or plain text, recognised by content.

`extract_text` is the one entry point every importer uses. It never trusts a file's name:
the bytes decide what the file is, and a file that is not what it claims is refused.
"""

from __future__ import annotations

import io
import logging
import re
import time
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

logger = logging.getLogger(__name__)

# Bounds on what reading one file may cost; each can be changed in settings (INGEST_LIMITS).
DEFAULT_LIMITS = {
    "zip_uncompressed_bytes": 200 * 1024 * 1024,  # all parts of a DOCX together
    "zip_parts": 2000,
    "zip_ratio": 200,  # a part inflating more than 200 times is a bomb
    "xml_elements": 3_000_000,
    "xml_depth": 200,
    "docx_paragraphs": 100_000,
    "pdf_pages": 3000,
    "pdf_objects": 2_000_000,
    "html_tags": 300_000,
    "html_depth": 1000,
    "seconds": 30.0,
    "text_chars": 20_000_000,
}


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "INGEST_LIMITS", {})}


class IngestError(ValueError):
    """A file that cannot be read as what it is supposed to be; the message is for users."""


class _Deadline:
    """Reading stops with an IngestError once the file has taken longer than allowed."""

    def __init__(self, seconds: float):
        self.ends = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise IngestError(_("The file takes too long to read: it is too large or damaged."))


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
    if kind is not None and not _plain_text(data):
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


def _plain_text(data: bytes) -> bool:
    """Whether the bytes are UTF-8 text with no control character but layout ones. Some
    signatures are two printable letters (a bitmap's "BM"): minutes that begin "BMA board"
    are text, and a real image or archive is never valid text of this kind."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


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
    bounds = limits()
    deadline = _Deadline(bounds["seconds"])
    pages: list[str] = []
    try:
        if mime_type == PDF:
            pages = _pdf_pages(data, bounds=bounds, deadline=deadline)
            text = "\n\n".join(pages)
        elif mime_type == DOCX:
            text = _docx_text(data, bounds=bounds, deadline=deadline)
        elif mime_type == HTML:
            text = _decode(data) or ""
            if text.count("<") > bounds["html_tags"] or _html_depth(text) > bounds["html_depth"]:
                raise IngestError(_("The page has too many elements to be read."))
            text = html_to_text(text)
        else:
            text = _decode(data) or ""
        deadline.check()
        if len(text) > bounds["text_chars"]:
            raise IngestError(_("The file holds more text than can be stored."))
        text = normalise_text(text)
    except IngestError:
        raise
    except (Exception, RecursionError, MemoryError) as error:
        # Every parser has its own ways to fail on a damaged or hostile file; none may reach
        # the user as a server error.
        logger.warning("Unreadable %s file: %r", mime_type, error)
        raise IngestError(_("The file could not be read: it may be damaged.")) from error
    if not text.strip():
        raise IngestError(_("No text could be found in the file (is it a scanned image?)."))
    return ExtractedText(
        text=text, mime_type=mime_type, language=detect_language(text), pages=pages
    )


def _pdf_pages(data: bytes, *, bounds: dict, deadline: _Deadline) -> list[str]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IngestError(_("The PDF is protected by a password."))
        size = reader.trailer.get("/Size", 0)
        if isinstance(size, int) and size > bounds["pdf_objects"]:
            raise IngestError(_("The PDF has too many parts to be read."))
        if len(reader.pages) > bounds["pdf_pages"]:
            raise IngestError(
                _("The PDF has more than %(limit)d pages.") % {"limit": bounds["pdf_pages"]}
            )
        pages = []
        for page in reader.pages:
            deadline.check()
            pages.append(page.extract_text(extraction_mode="plain") or "")
    except IngestError:
        raise
    except (Exception, RecursionError) as error:
        raise IngestError(_("The PDF could not be read: it may be damaged.")) from error
    for number, text in _pdf_tables(data).items():
        pages[number] = text
    return pages


def _pdf_tables(data: bytes) -> dict[int, str]:
    """The text of each page that holds a ruled table, its rows written as in a Word table
    ("Action | Responsible | Deadline"), read by pdfplumber: text above, between and below the
    tables stays in its place. Pages without tables keep pypdf's text."""
    try:
        import pdfplumber
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:
        return {}
    found: dict[int, str] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages):
                tables = sorted(
                    (t for t in page.find_tables() if _is_table(t.extract())),
                    key=lambda t: t.bbox[1],
                )
                if tables:
                    found[number] = _page_with_tables(page, tables)
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    return found


def _is_table(rows: list[list[str | None]]) -> bool:
    return len(rows) >= 2 and max(len([c for c in row if c]) for row in rows) >= 2


def _page_with_tables(page, tables) -> str:
    def outside(obj) -> bool:
        return not any(
            t.bbox[0] <= obj.get("x0", 0) <= t.bbox[2]
            and t.bbox[1] <= obj.get("top", 0) <= t.bbox[3]
            for t in tables
        )

    parts, top = [], 0.0
    for table in tables:
        if table.bbox[1] > top:
            region = page.crop((0, top, page.width, table.bbox[1])).filter(outside)
            parts.append(region.extract_text() or "")
        for row in table.extract():
            cells = [" ".join((cell or "").split()) for cell in row]
            parts.append(" | ".join(cells))
        top = table.bbox[3]
    if top < page.height:
        parts.append(
            page.crop((0, top, page.width, page.height)).filter(outside).extract_text() or ""
        )
    return "\n".join(part for part in parts if part.strip())


def _check_package(data: bytes, *, bounds: dict, deadline: _Deadline) -> None:
    """Refuses a DOCX that would cost too much to open: too many parts, parts that inflate
    too much, XML with a DTD or entities (defusedxml), too deep, too many elements or
    paragraphs. Only then does python-docx read it."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    damaged = _("The Word document could not be read: it may be damaged.")
    too_large = _("The Word document is too large to be read once unpacked.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise IngestError(damaged) from error
    with archive:
        infos = archive.infolist()
        if len(infos) > bounds["zip_parts"]:
            raise IngestError(too_large)
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > 1024 * 1024 and info.file_size > bounds["zip_ratio"] * max(
                info.compress_size, 1
            ):
                raise IngestError(too_large)
        if total > bounds["zip_uncompressed_bytes"]:
            raise IngestError(too_large)
        paragraph = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
        elements = 0
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            depth = paragraphs = 0
            try:
                with archive.open(info) as part:
                    for event, element in iterparse(part, events=("start", "end"), forbid_dtd=True):
                        if event == "start":
                            depth += 1
                            elements += 1
                            if depth > bounds["xml_depth"] or elements > bounds["xml_elements"]:
                                raise IngestError(too_large)
                            continue
                        depth -= 1
                        if element.tag == paragraph:
                            paragraphs += 1
                            if paragraphs > bounds["docx_paragraphs"]:
                                raise IngestError(
                                    _("The Word document has more than %(limit)d paragraphs.")
                                    % {"limit": bounds["docx_paragraphs"]}
                                )
                        if elements % 10000 == 0:
                            deadline.check()
                        element.clear()
            except IngestError:
                raise
            except DefusedXmlException as error:
                raise IngestError(
                    _("The Word document contains XML declarations that are not accepted.")
                ) from error
            except Exception as error:  # ParseError, BadZipFile (CRC), zlib errors, EOF
                raise IngestError(damaged) from error


def _docx_text(data: bytes, *, bounds: dict, deadline: _Deadline) -> str:
    import docx

    _check_package(data, bounds=bounds, deadline=deadline)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        raise IngestError(_("The Word document could not be read: it may be damaged.")) from error
    from docx.table import Table

    blocks: list[str] = []
    # Paragraphs and tables in the order the document has them: a participants table or an
    # action table belongs where it stands, not at the end.
    for count, block in enumerate(document.iter_inner_content()):
        if count % 1000 == 0:
            deadline.check()
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


_HTML_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
# Elements that are empty or commonly left unclosed do not count towards the depth.
_HTML_FLAT = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
    "p",
    "li",
    "td",
    "th",
    "tr",
    "dt",
    "dd",
    "option",
    "html",
    "head",
    "body",
}


def _html_depth(html: str) -> int:
    """How deep the page's elements nest, estimated from its tags without parsing it (a
    parser may take minutes on a page nested 100,000 levels deep)."""
    depth = deepest = 0
    for closing, name, self_closing in _HTML_TAG.findall(html):
        if self_closing or name.lower() in _HTML_FLAT:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


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
