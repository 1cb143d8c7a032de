"""The errors every API operation can answer, described once for the OpenAPI schema.

`add_error_responses` is a drf-spectacular postprocessing hook: it adds the shared `Error` and
`ValidationError` components (the bodies DRF and the edge middleware send) and, to each
operation that does not describe them itself, the 400, 403, 404 and 429 responses (and 413
where there is a request body). They are true of every operation: the edge middleware answers
400 to a NUL byte anywhere, a bad login or a missing permission is 403 (session authentication
comes first, so DRF never answers 401), a missing object or a page past the end is 404, and
throttling is on for everyone.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers
from rest_framework.settings import api_settings


def model_field_of(field: serializers.Field):
    """The model field a serializer field reads, or None when its source is not one."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    model_field = None
    for attr in field.source_attrs:
        if model is None:
            return None
        try:
            model_field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return None
        model = model_field.related_model if model_field.is_relation else None
    return model_field


class NethubAutoSchema(AutoSchema):
    """DRF drops `allow_blank` from a read-only field it builds, so a choice column that may be
    blank (a fund programme's `gender_marker`) was described without "", and the API sent a
    value its own schema refused (found by schemathesis). The model decides instead."""

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        if isinstance(field, serializers.ChoiceField) and field.read_only and not field.allow_blank:
            model_field = model_field_of(field)
            # A serializer instance built for schema generation: the flag changes nothing else.
            field.allow_blank = bool(model_field is not None and model_field.blank)
        return super()._map_serializer_field(field, direction, bypass_extensions)


# DRF's shape for every error that is not about the fields of a request body.
ERROR = {
    "type": "object",
    "description": "An error not tied to a field.",
    "properties": {"detail": build_basic_type(OpenApiTypes.STR)},
    "required": ["detail"],
}
_MESSAGES = {"type": "array", "items": build_basic_type(OpenApiTypes.STR)}
VALIDATION_ERROR = {
    "type": "object",
    "description": (
        "A refused request: `detail` for a request refused as a whole (a NUL byte, a body that "
        f"is not JSON), `{api_settings.NON_FIELD_ERRORS_KEY}` for an invalid combination, and "
        "one list of messages for each invalid field or query parameter."
    ),
    "properties": {
        "detail": build_basic_type(OpenApiTypes.STR),
        api_settings.NON_FIELD_ERRORS_KEY: _MESSAGES,
    },
    "additionalProperties": _MESSAGES,
}

_WHY = {
    "400": ("ValidationError", "Invalid parameters or body, or characters that cannot be stored."),
    "403": ("Error", "Not authenticated, wrong credentials or not allowed."),
    "404": ("Error", "No such record (or not visible to you), or a page past the end."),
    "413": ("Error", "The request body is too large."),
    "429": ("Error", "Too many requests; retry after the number of seconds in Retry-After."),
}
_RETRY_AFTER = {
    "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."},
}


def _error_response(code: str) -> dict:
    component, description = _WHY[code]
    response = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }
    if code == "429":
        response["headers"] = _RETRY_AFTER
    return response


def add_error_responses(result, generator, **kwargs):
    """Postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("ValidationError", VALIDATION_ERROR)
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            codes = ["400", "403", "404", "429"]
            if method in ("post", "put", "patch"):
                codes.append("413")
            for code in codes:
                operation["responses"].setdefault(code, _error_response(code))
    return result
