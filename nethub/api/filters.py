"""Filter backends shared by every API endpoint."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from rest_framework.filters import OrderingFilter


def _orderable(model, path: str) -> bool:
    """True when `path` ("country__name") names concrete, single-valued model fields."""
    for part in path.split("__"):
        if model is None:
            return False
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return False
        if not field.concrete or field.many_to_many or field.one_to_many:
            return False
        model = field.related_model if field.is_relation else None
    return True


class ModelOrderingFilter(OrderingFilter):
    """DRF's OrderingFilter, except that a view without `ordering_fields` may be ordered only by
    the serializer fields that are database columns: DRF's default also offers a source that is
    a method (`get_absolute_url`), and `?ordering=` on it was a 500 (found by schemathesis)."""

    def get_default_valid_fields(self, queryset, view, context=None):
        fields = super().get_default_valid_fields(queryset, view, context)
        return [(name, label) for name, label in fields if _orderable(queryset.model, name)]
