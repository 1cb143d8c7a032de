"""Hostile files, generated here: zip bombs, XML bombs, DTDs, deep nesting, truncated,
encrypted and mutated files, polyglots. `extract_text` must answer each one quickly with its
text or a clear IngestError, never another exception and never a hang.

The mutation corpus (truncations and byte flips of real PDF and DOCX files) makes this suite
try several hundred inputs; `HOSTILE_COUNT` records how many for the report."""

from __future__ import annotations

import io
import random
import time
import zipfile

import pytest

from nethub.ingest.extract import IngestError, extract_text
from nethub.library.tests.factories import make_docx, make_pdf

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SECONDS = 10  # the most any one hostile file may take here


def _docx_with(document_xml: bytes | str, *, extra: dict | None = None) -> bytes:
    """A real DOCX (python-docx's template) whose word/document.xml is replaced."""
    source = zipfile.ZipFile(io.BytesIO(make_docx("Template paragraph.")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                archive.writestr(info.filename, document_xml)
            else:
                archive.writestr(info.filename, source.read(info.filename))
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _body(inner: str) -> str:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{inner}</w:body></w:document>'


def _refused_quickly(data: bytes, *, filename: str = "file", words: tuple[str, ...] = ()):
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        extract_text(data, filename=filename)
    assert time.monotonic() - started < SECONDS
    message = str(caught.value).lower()
    assert all(word in message for word in words), message
    return message


def test_two_million_empty_paragraphs_are_refused_at_once():
    data = _docx_with(_body("<w:p/>" * 2_000_000))
    assert len(data) < 400_000  # small on disk, as in the probe
    message = _refused_quickly(data)
    assert "paragraphs" in message or "too large" in message


def test_paragraph_bound(settings):
    settings.INGEST_LIMITS = {"docx_paragraphs": 100, "zip_ratio": 10**9}
    _refused_quickly(_docx_with(_body("<w:p/>" * 500)), words=("paragraphs",))


def test_a_part_inflating_to_256_mb_is_refused_without_inflating_it():
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(make_docx("Hello.")))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        # 256 MB of zeros, written in chunks so the test itself stays small.
        info = zipfile.ZipInfo("word/media/bomb.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as part:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(16):
                part.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 2 * 1024 * 1024
    _refused_quickly(data, words=("too large",))


def test_total_uncompressed_size_is_bounded(settings):
    settings.INGEST_LIMITS = {"zip_uncompressed_bytes": 50_000}
    text = "".join(
        f"<w:p><w:r><w:t>Paragraph {i} of real text.</w:t></w:r></w:p>" for i in range(3000)
    )
    _refused_quickly(_docx_with(_body(text)), words=("too large",))


def test_too_many_parts(settings):
    settings.INGEST_LIMITS = {"zip_parts": 50}
    extra = {f"word/media/part{i}.xml": "<a/>" for i in range(60)}
    _refused_quickly(_docx_with(_body("<w:p/>"), extra=extra), words=("too large",))


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
DTD_ONLY = f'<?xml version="1.0"?><!DOCTYPE d><w:document {W}><w:body><w:p/></w:body></w:document>'


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY, DTD_ONLY])
def test_xml_with_dtd_or_entities_is_refused(xml):
    _refused_quickly(_docx_with(xml), words=("not accepted",))


def test_dtd_in_another_part_is_refused():
    data = _docx_with(_body("<w:p/>"), extra={"word/evil.xml": BILLION_LAUGHS})
    _refused_quickly(data, words=("not accepted",))


@pytest.mark.parametrize(
    "xml",
    [
        "<w:document",  # cut short
        f"<w:document {W}><w:body><w:p></w:body>",  # mismatched
        "not xml at all",
        f"<w:document {W}><w:body>\x01</w:body></w:document>",
    ],
)
def test_malformed_xml_is_refused(xml):
    _refused_quickly(_docx_with(xml), words=("damaged",))


def test_deep_nesting_in_docx_is_refused():
    deep = "<w:sdt>" * 100_000 + "</w:sdt>" * 100_000
    _refused_quickly(_docx_with(_body(deep)))


def test_deep_nesting_in_html_is_refused_quickly():
    page = b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>"
    _refused_quickly(page, filename="deep.html", words=("too many elements",))


def test_html_with_too_many_tags(settings):
    settings.INGEST_LIMITS = {"html_tags": 1000}
    _refused_quickly(b"<html><body>" + b"<b>x</b>" * 2000 + b"</body></html>")


def test_encrypted_pdf_is_refused():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")  # noqa: S106
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Secret text")
    _refused_quickly(bytes(pdf.output()), filename="secret.pdf", words=("password",))


def test_pdf_page_bound(settings):
    settings.INGEST_LIMITS = {"pdf_pages": 3}
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for number in range(5):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {number}")
    _refused_quickly(bytes(pdf.output()), filename="long.pdf", words=("pages",))


def test_pdf_object_bound(settings):
    settings.INGEST_LIMITS = {"pdf_objects": 3}
    _refused_quickly(make_pdf("A few objects."), filename="objects.pdf", words=("too many",))


def test_time_bound(settings):
    settings.INGEST_LIMITS = {"seconds": 0.0}
    _refused_quickly(make_pdf("Slow."), filename="slow.pdf", words=("too long",))


def test_pdf_html_polyglot_is_read_as_pdf_or_refused():
    polyglot = make_pdf("Polyglot text.") + b"<html><script>alert(1)</script></html>"
    try:
        result = extract_text(polyglot, filename="x.html")
    except IngestError:
        return
    assert result.mime_type == "application/pdf"
    assert "<script>" not in result.text


def _mutations(data: bytes, count: int, seed: int):
    rng = random.Random(seed)  # fixed: the same corpus on every run
    for _ in range(count // 2):
        yield data[: rng.randrange(1, len(data))]  # truncated
    for _ in range(count - count // 2):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        yield bytes(mutated)


CORPUS_SIZE = 150


def test_mutated_pdfs_and_docx_never_escape_as_other_errors():
    pdf = make_pdf("Mutation corpus paragraph one.", "And a second paragraph of text.")
    docx = make_docx("Mutation corpus paragraph one.", "And a second paragraph of text.")
    tried = outcomes_error = 0
    for source, name in ((pdf, "m.pdf"), (docx, "m.docx")):
        for data in _mutations(source, CORPUS_SIZE, seed=len(source)):
            started = time.monotonic()
            try:
                extract_text(data, filename=name)
            except IngestError:
                outcomes_error += 1
            assert time.monotonic() - started < SECONDS
            tried += 1
    assert tried == 2 * CORPUS_SIZE
    assert outcomes_error > 0  # the corpus does hit the error paths


# Counted by hand for the report: the named cases above plus the mutation corpus.
HOSTILE_COUNT = 2 * CORPUS_SIZE + 20
