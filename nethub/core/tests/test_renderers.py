"""The form renderer writes inputs and labels in Python: the same markup as Django's
templates, for every kind of value those templates see."""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from nethub.core.renderers import FormRenderer


class _Form(forms.Form):
    text = forms.CharField(label='Words & "quotes"', max_length=20)
    search = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"list": "options", "autocomplete": "off", "autofocus": True}),
    )
    day = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    count = forms.IntegerField(required=False, min_value=0)
    flag = forms.BooleanField(required=False, label=mark_safe("<b>Flag</b>"))
    kinds = forms.MultipleChoiceField(
        required=False,
        choices=[("a", "A & B"), ("b", "<B>")],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-row"}),
    )
    hidden = forms.CharField(required=False, widget=forms.HiddenInput, disabled=False)
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"readonly": False}))


DATA = {
    "text": "<script>alert('x')</script> & \"more\"",
    "search": "UNHCR",
    "day": "2025-05-05",
    "count": "3",
    "flag": "on",
    "kinds": ["b"],
    "hidden": "'quoted'",
}


def _render(form_data, renderer, *, auto_id="id_%s", initial=None):
    form = _Form(form_data, renderer=renderer, auto_id=auto_id, initial=initial)
    parts = []
    for field in form:
        parts += [str(field), field.label_tag(), field.label_tag(attrs={"class": "x"}, tag="span")]
        if field.name == "kinds":
            parts += [choice.tag() for choice in field] + [str(choice) for choice in field]
    return parts


@pytest.mark.parametrize(
    "data, auto_id, initial",
    [
        (DATA, "id_%s", None),
        (None, "id_%s", {"day": datetime.date(2021, 1, 2), "count": 0, "kinds": ["a"]}),
        (None, "", None),  # no ids: labels without a tag
        ({**DATA, "count": "x", "text": ""}, "f-%s", None),  # invalid values, shown again
    ],
)
def test_inputs_and_labels_are_written_as_djangos_templates_write_them(data, auto_id, initial):
    renderer = FormRenderer()
    fast = _render(data, renderer, auto_id=auto_id, initial=initial)
    django = _render(data, DjangoTemplates(), auto_id=auto_id, initial=initial)
    assert fast == django
    # and the Python versions were the ones used
    assert renderer._own and all(renderer._own.values())
    assert any("&lt;script&gt;" in part for part in fast) or data is not DATA


def test_a_template_an_app_overrides_keeps_its_template(settings, tmp_path):
    """The Python version stands in for Django's own templates only."""
    override = tmp_path / "templates" / "django" / "forms" / "widgets"
    override.mkdir(parents=True)
    (override / "text.html").write_text('<input class="mine" name="{{ widget.name }}">')

    class Renderer(FormRenderer):
        @property
        def engine(self):
            return self.backend(
                {"APP_DIRS": True, "DIRS": [tmp_path / "templates"], "NAME": "t", "OPTIONS": {}}
            )

    html = str(_Form(renderer=Renderer())["text"])
    assert html == '<input class="mine" name="text">'
