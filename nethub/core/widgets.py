"""Form widgets for list pages' filters."""

from __future__ import annotations

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class PlainSelect(forms.Select):
    """A single-choice select written in Python: the same HTML as Django's, without a template
    include for every option (a filter box of a few dozen options otherwise costs more than
    the list it filters)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        if isinstance(value, list | tuple):
            chosen = str(value[0]) if value else ""
        final = self.build_attrs(self.attrs, attrs)
        # html.escape, not format_html: a country box has 250 options, and format_html's
        # lazy-string checks cost more than the markup.
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if key == chosen else ""}>'
            f"{_text(label)}</option>"
            for key, label in (("" if k is None else str(k), v) for k, v in self._plain_choices())
        )
        return mark_safe(  # noqa: S308 — every value is escaped above, flatatt escapes attrs
            f'<select name="{escape(name)}"{flatatt(final)}>{options}</select>'
        )

    def _plain_choices(self):
        for key, label in self.choices:
            yield getattr(key, "value", key), label


def _text(label) -> str:
    """As conditional_escape: a label already marked safe is written as it is."""
    return label.__html__() if hasattr(label, "__html__") else escape(str(label))
