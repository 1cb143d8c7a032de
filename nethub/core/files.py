"""The one way an uploaded file leaves the server: `/files/<app>/<model>/<pk>/<field>/`.

Each app registers, in its AppConfig.ready(), every FileField it owns with the permission that
decides who may download it (checked on the record, or on what `permission_object` returns).
The view looks the record up, asks that permission, and sends the file as a download
(`Content-Disposition: attachment`, the uploader's name), with its stored type, `nosniff` and a
sandbox CSP. Nothing is served from MEDIA_URL. Core imports no app: the apps come to it."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.apps import apps
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import FileResponse, Http404, HttpRequest
from django.urls import reverse

SANDBOX_CSP = "sandbox; default-src 'none'"
# Types a browser would run rather than show: sent as bytes even though they are downloads
# (the attachment disposition and the sandbox already hold; this is one wall more).
ACTIVE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/xml",
    "application/xml",
    "text/javascript",
    "application/javascript",
}


@dataclass(frozen=True)
class FileRule:
    model: type[models.Model]
    field: str
    permission: str
    filename_attr: str | None = None
    content_type_attr: str | None = None
    permission_object: Callable | None = None

    def filename(self, obj) -> str:
        name = getattr(obj, self.filename_attr, "") if self.filename_attr else ""
        return name or getattr(obj, self.field).name.rsplit("/", 1)[-1]

    def content_type(self, obj) -> str:
        """The type recorded when the file was read, else the one its stored name says (the
        extension was decided from the content, see ingest.storage); active types as bytes."""
        stored = getattr(obj, self.content_type_attr, "") if self.content_type_attr else ""
        if not stored:
            stored, _encoding = mimetypes.guess_type(getattr(obj, self.field).name)
        stored = (stored or "").split(";")[0].strip().lower()
        if not stored or stored in ACTIVE_TYPES:
            return "application/octet-stream"
        return stored

    def may_download(self, user, obj) -> bool:
        target = self.permission_object(obj) if self.permission_object else obj
        return user.has_perm(self.permission, target)


_RULES: dict[tuple[str, str, str], FileRule] = {}


def register_file(
    model: type[models.Model],
    field: str,
    *,
    permission: str,
    filename: str | None = None,
    content_type: str | None = None,
    permission_object: Callable | None = None,
) -> None:
    """Declare who may download `model.field`: `permission` on the record (or on
    `permission_object(record)`); `filename` and `content_type` name the attributes holding the
    uploader's file name and the detected type."""
    if not isinstance(model._meta.get_field(field), models.FileField):
        raise TypeError(f"{model.__name__}.{field} is not a FileField")
    _RULES[(model._meta.app_label, model._meta.model_name, field)] = FileRule(
        model=model,
        field=field,
        permission=permission,
        filename_attr=filename,
        content_type_attr=content_type,
        permission_object=permission_object,
    )


def rule_for(model: type[models.Model], field: str) -> FileRule | None:
    return _RULES.get((model._meta.app_label, model._meta.model_name, field))


def file_fields() -> list[tuple[type[models.Model], str]]:
    """Every FileField (ImageField included) of every installed model."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def file_url(obj, field: str) -> str:
    """The address of `obj.field` ("" when there is no file). Raises LookupError for a field
    that was never registered, so an unchecked file cannot get a link."""
    if obj is None or not getattr(obj, field, None):
        return ""
    if rule_for(type(obj), field) is None:
        raise LookupError(f"{type(obj).__name__}.{field} is not registered in core.files")
    meta = obj._meta
    return reverse("file", args=[meta.app_label, meta.model_name, obj.pk, field])


def file_response(request: HttpRequest, obj, field: str) -> FileResponse:
    """The file of `obj.field` for this user, or Http404 (no file, not registered, or not
    theirs to see: a hidden comment's attachment does not say it exists)."""
    rule = rule_for(type(obj), field)
    stored = getattr(obj, field, None)
    if rule is None or not stored or not rule.may_download(request.user, obj):
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return sandboxed_download(
        handle, filename=rule.filename(obj), content_type=rule.content_type(obj)
    )


def sandboxed_download(handle, *, filename: str, content_type: str) -> FileResponse:
    """Always a download: a browser never renders an upload in the site's origin (and PDF
    viewers do not run under a sandbox CSP anyway)."""
    # Control characters (a line break in a stored name) would make the header invalid.
    filename = "".join(ch for ch in filename if ch.isprintable()).strip() or "download"
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def serve_file(request: HttpRequest, app_label: str, model_name: str, pk: int, field: str):
    """GET /files/<app>/<model>/<pk>/<field>/: a registered file, for whoever may see it."""
    rule = _RULES.get((app_label, model_name, field))
    if rule is None:
        raise Http404
    obj = rule.model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return file_response(request, obj, field)


class KeepsUploadName(forms.ModelForm):
    """For admin forms that upload a file: the uploader's file name goes into `name_field`
    (the stored name is random; the download keeps the uploader's)."""

    upload_field = "file"
    name_field = "filename"

    def clean(self):
        data = super().clean()
        upload = data.get(self.upload_field)
        if isinstance(upload, UploadedFile):
            setattr(self.instance, self.name_field, os.path.basename(upload.name)[:255])
        return data
