"""Form widgets for list pages' filters."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    """A single-choice select written in Python: the same HTML as Django's, without a template
    include for every option (a filter box of a few dozen options otherwise costs more than
    the list it filters)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        if isinstance(value, list | tuple):
            chosen = str(value[0]) if value else ""
        final = self.build_attrs(self.attrs, attrs)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) == chosen else "", label)
                for key, label in (
                    ("" if k is None else str(k), v) for k, v in self._plain_choices()
                )
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final), options)

    def _plain_choices(self):
        for key, label in self.choices:
            yield getattr(key, "value", key), label
