"""Where uploaded files are stored: a random name whose extension is decided by the file's
content, never by the name the uploader chose.

Every FileField of the project is a `StoredFileField`. Whatever saves a file (a service calling
`field.save(name, content)` or a ModelForm in the admin), the stored name is
`<folder>/<uuid4>.<ext>` with `<ext>` from `detect_type` (a PDF/HTML polyglot named `.html` is
stored as `.pdf`); a file of no type we read is stored as `.bin`. The uploader's name is kept in
a field of the model, for the download name only."""

from __future__ import annotations

import os
import uuid

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.deconstruct import deconstructible

from nethub.core.files import file_url
from nethub.ingest.extract import DOCX, HTML, MARKDOWN, PDF, TEXT, IngestError, detect_type

EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", HTML: ".html", MARKDOWN: ".md", TEXT: ".txt"}
UNKNOWN_EXTENSION = ".bin"


def stored_extension(data: bytes, filename: str = "") -> str:
    """The extension a file is stored with, from its bytes (the name only tells Markdown from
    plain text, as in `detect_type`)."""
    try:
        return EXTENSIONS.get(detect_type(data, filename), UNKNOWN_EXTENSION)
    except IngestError:
        return UNKNOWN_EXTENSION


def _read_all(content) -> bytes:
    # Uploads are capped by MAX_UPLOAD_SIZE before they get here; DOCX needs the whole zip.
    if hasattr(content, "seek"):
        content.seek(0)
    data = content.read()
    if hasattr(content, "seek"):
        content.seek(0)
    return data if isinstance(data, bytes) else data.encode()


class TypedFieldFile(FieldFile):
    """Renames what is saved to `upload<ext>`, the extension decided by content, before the
    field's `upload_to` gives it its random folder name."""

    def save(self, name, content, save=True):
        ext = stored_extension(_read_all(content), os.path.basename(name or ""))
        super().save(f"upload{ext}", content, save=save)

    @property
    def url(self) -> str:
        """core's permission-checked file view, never MEDIA_URL (the admin's "Currently:" link
        and any `{{ record.file.url }}` go there too)."""
        self._require_file()
        return file_url(self.instance, self.field.name)


@deconstructible
class RandomName:
    """`upload_to`: `<folder>/<uuid4 hex><ext>`, keeping only the extension TypedFieldFile
    chose."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        ext = os.path.splitext(filename)[1].lower()
        if ext not in {*EXTENSIONS.values(), UNKNOWN_EXTENSION}:
            ext = UNKNOWN_EXTENSION
        return f"{self.folder}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder


class StoredFileField(models.FileField):
    """A FileField stored under a random name with the extension of its detected type. Files
    are served only through `nethub.core.files` (register the field there)."""

    attr_class = TypedFieldFile

    def __init__(self, *args, folder: str = "", **kwargs):
        if folder:
            kwargs["upload_to"] = RandomName(folder)
        super().__init__(*args, **kwargs)
