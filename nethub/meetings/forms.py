"""Forms: uploading a summary, changing an action point's status or due date, participants pasted
at once (the import review and the edit page). Checking what was extracted from a summary is
`review_forms`."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.directory.selectors import OrganizationResolver
from nethub.ingest.forms import read_upload
from nethub.meetings.extract import ExtractedParticipant, read_attendance
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


class MoreParticipantsForm(forms.Form):
    """Participants pasted at once, as the minutes or an e-mail list them, read by the
    extractor's attendance readers (`extract.read_attendance`)."""

    names = forms.CharField(
        label=_("Add several participants"),
        help_text=_(
            "Paste them as the minutes list them: one a line, or separated by commas; "
            "“Name, Organisation” and “Name (ORG)” are read. They are added after the rows "
            "above, each person once."
        ),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["names"].widget.attrs["aria-describedby"] = f"{self['names'].auto_id}_help"

    def people(self, already, resolver: OrganizationResolver) -> list[ExtractedParticipant]:
        """The people pasted, each once, none of those named in `already`; `resolver` is the
        caller's, which also links what it reads to the directory."""
        text = self.cleaned_data.get("names") or ""
        if not text.strip():
            return []
        seen = {name.casefold() for name in already}
        added = []
        for person in read_attendance(text, resolver=resolver):
            if person.name.casefold() not in seen:
                seen.add(person.name.casefold())
                person.organization = person.organization or _written_after(person.name, text)
                added.append(person)
        return added


def _written_after(name: str, text: str) -> str | None:
    """A line pasted as "Carla Moss, Lyon Refugee Forum" names the person's organisation even
    when the directory does not know it (the minutes' readers take only known ones)."""
    for line in text.splitlines():
        match = re.match(
            rf"\s*{re.escape(name)}\s*(?:,|\s[-–]\s)\s*(?P<rest>[^,;]{{2,200}})$", line
        )
        if match:
            return match.group("rest").strip()
    return None
