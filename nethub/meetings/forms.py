"""Forms: uploading a summary, changing an action point's status or due date. Checking what was
extracted from a summary is `review_forms`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.ingest.forms import read_upload
from nethub.meetings.models import ActionPointStatus

ACCEPT = ".txt,.md,.markdown,.pdf,.docx,.html,.htm"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Meeting summary"),
        help_text=_("PDF, Word (DOCX), HTML, Markdown or plain text."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def clean_file(self) -> tuple[bytes, str]:
        # The type is judged here by content, so a wrong file is refused on this form; reading
        # its text runs in the background.
        return read_upload(self.cleaned_data["file"])


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionPointStatus.choices)
    comment = forms.CharField(
        label=_("Progress note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was done, what is next. Kept in the history."),
    )


class DueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    note = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
