"""Forms of Discussion Spaces. They parse input; the services decide and write."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Paragraphs, bold, italics, lists, quotes and links are kept."),
        max_length=50_000,
    )
    question = forms.TypedChoiceField(
        label=_("Question"), coerce=int, required=False, empty_value=None
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # A one-time token: the same form sent twice (a double click) posts one comment.
    submission_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    attachments = MultipleFileField(
        label=_("Attachments (PDF or Word, optional)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.docx"}),
    )

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_key"].initial = uuid.uuid4().hex
        self.fields["question"].choices = [("", _("General comment"))] + [
            (q.pk, f"{q.position}. {q.text}") for q in questions
        ]


class CommentEditForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), widget=forms.Textarea, max_length=50_000)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the author sees it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
