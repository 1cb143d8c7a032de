"""The one check every upload form makes before anything is stored: not too large, not empty,
and a type ingest reads, judged by the bytes (the name and the browser's content type are not
trusted). Reading the text can then run in the background without surprising the uploader."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from nethub.ingest.extract import IngestError, detect_type


def read_upload(upload, *, allowed: set[str] | None = None) -> tuple[bytes, str]:
    """The upload's bytes and name; raises ValidationError with the reason for the form."""
    if upload.size > settings.MAX_UPLOAD_SIZE:
        raise forms.ValidationError(
            _("The file is larger than the %(limit)d MB allowed.")
            % {"limit": settings.MAX_UPLOAD_SIZE // (1024 * 1024)}
        )
    data = upload.read()
    if not data:
        raise forms.ValidationError(_("The file is empty."))
    try:
        mime_type = detect_type(data, upload.name)
    except IngestError as error:
        raise forms.ValidationError(str(error)) from error
    if allowed is not None and mime_type not in allowed:
        raise forms.ValidationError(_("Please attach a PDF file."))
    return data, upload.name
