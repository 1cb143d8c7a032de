"""The form renderer (settings.FORM_RENDERER): Django's, with its commonest widget templates
written in Python.

Each `<input>` and `<label>` of a form is a template render of its own (with an include for
the attributes): about 0.1-0.2 ms each, so a filter form of a dozen fields costs more than the
rows it filters. The templates below are short and fixed; they are written here with the same
escaping, producing the same markup. A template that an installed app overrides, or a value
these functions do not handle as the template would, goes through the template as before.
"""

from __future__ import annotations

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe

_BUILTIN = Path(django.forms.__file__).parent / "templates"
_INPUT = "django/forms/widgets/input.html"
_INPUT_OPTION = "django/forms/widgets/input_option.html"
_LABEL = "django/forms/label.html"
# Templates that are `{% include "django/forms/widgets/input.html" %}` and nothing else.
_INPUT_ALIASES = {
    f"django/forms/widgets/{name}.html"
    for name in [
        *("input", "checkbox", "color", "date", "datetime", "email", "file", "hidden"),
        *("number", "password", "search", "tel", "text", "time", "url"),
    ]
}
# What each fast template includes: all must be Django's own for the shortcut to hold.
_USES = {
    _INPUT: (_INPUT, "django/forms/widgets/attrs.html"),
    _INPUT_OPTION: (_INPUT_OPTION, _INPUT, "django/forms/widgets/attrs.html"),
    _LABEL: (_LABEL, "django/forms/attrs.html"),
    **{name: (name, _INPUT, "django/forms/widgets/attrs.html") for name in _INPUT_ALIASES},
}


class _NotPlain(Exception):
    """A value the Python version does not write as the template would."""


def _text(value) -> str:
    """`{{ value }}` for the values these templates hold: strings (lazy or marked safe)."""
    if isinstance(value, str | Promise):
        return conditional_escape(value)
    raise _NotPlain


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}` (a safe value stays as it is, as the filter keeps it)."""
    if isinstance(value, tuple):
        value = str(value)
    try:
        text = "%s" % value  # noqa: UP031 — the filter's own formatting
    except (ValueError, TypeError):
        return ""
    return text if isinstance(value, SafeData) else escape(text)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html and django/forms/attrs.html."""
    return "".join(
        f" {_text(name)}" + ("" if value is True else f'="{_formatted(value)}"')
        for name, value in (attrs or {}).items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = widget["value"]
    value = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def _input_option(widget: dict) -> str:
    if not widget.get("wrap_label"):
        return _input(widget)
    attrs = widget["attrs"]
    target = f' for="{_text(attrs["id"])}"' if attrs.get("id") else ""
    return f"<label{target}>{_input(widget)} {_text(widget['label'])}</label>"


def _label(context: dict) -> str:
    if not context["use_tag"]:
        return _text(context["label"])
    tag = _text(context["tag"])
    return f"<{tag}{_attrs(context['attrs'])}>{_text(context['label'])}</{tag}>"


_WRITERS = {
    _INPUT: lambda context: _input(context["widget"]),
    _INPUT_OPTION: lambda context: _input_option(context["widget"]),
    _LABEL: _label,
    **{name: (lambda context: _input(context["widget"])) for name in _INPUT_ALIASES},
}


class FormRenderer(DjangoTemplates):
    def __init__(self) -> None:
        super().__init__()
        self._own: dict[str, bool] = {}

    def _is_builtin(self, template_name: str) -> bool:
        """Whether the template and what it includes are Django's (no app overrides them)."""
        if template_name not in self._own:
            self._own[template_name] = all(
                Path(self.get_template(name).origin.name).is_relative_to(_BUILTIN)
                for name in _USES[template_name]
            )
        return self._own[template_name]

    def render(self, template_name, context, request=None):
        writer = _WRITERS.get(template_name)
        if writer is not None and self._is_builtin(template_name):
            try:
                return mark_safe(writer(context))  # noqa: S308 — escaped as the template does
            except _NotPlain:
                pass
        return super().render(template_name, context, request=request)
