"""The site's edge: one place that refuses what no view should have to handle.

`EdgeMiddleware` runs first on every request, for every app (new ones included, with nothing
to add): a NUL byte or other text the database cannot store (lone surrogates) in the path,
the query string, a form field, a JSON body or HTTP Basic credentials is answered with a 400
before any view, form, filter or authentication backend sees it; a request body over
`MAX_REQUEST_BODY` gets a 413. It also adds `Permissions-Policy` to every response.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


def unstorable(value: str) -> bool:
    """True when `value` holds text PostgreSQL cannot store (NUL, lone surrogates)."""
    return bool(_UNSTORABLE.search(value))


def _json_unstorable(value) -> bool:
    if isinstance(value, str):
        return unstorable(value)
    if isinstance(value, dict):
        return any(_json_unstorable(k) or _json_unstorable(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_json_unstorable(item) for item in value)
    return False


def _basic_credentials(request: HttpRequest) -> str:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "basic" or not token:
        return ""
    try:
        return base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return "\x00"  # credentials that cannot be read are refused like unstorable ones


class EdgeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = self._refusal(request)
        response = refusal if refusal is not None else self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY:
            return self._answer(request, 413, _("The request is too large."))
        if self._has_unstorable(request):
            return self._answer(
                request, 400, _("The request contains characters that cannot be stored.")
            )
        return None

    def _has_unstorable(self, request: HttpRequest) -> bool:
        if unstorable(request.path) or unstorable(request.path_info):
            return True
        raw_query = request.META.get("QUERY_STRING", "")
        if "%00" in raw_query or unstorable(raw_query):
            return True
        if any(unstorable(k) or unstorable(v) for k, values in request.GET.lists() for v in values):
            return True
        if unstorable(_basic_credentials(request)):
            return True
        if request.method in ("POST", "PUT", "PATCH", "DELETE"):
            content_type = request.content_type or ""
            if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                try:
                    fields = request.POST.lists()
                except Exception:  # noqa: BLE001 - a malformed body is the view's 400
                    return False
                return any(unstorable(k) or unstorable(v) for k, values in fields for v in values)
            if content_type.endswith("json"):
                try:
                    body = request.body
                except Exception:  # noqa: BLE001 - too large: Django answers 400 itself
                    return False
                if b"\x00" in body:
                    return True
                try:
                    return _json_unstorable(json.loads(body or b"null"))
                except (ValueError, UnicodeDecodeError):
                    return False
        return False

    def _answer(self, request: HttpRequest, status: int, message: str) -> HttpResponse:
        if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
            return JsonResponse({"detail": message}, status=status)
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
