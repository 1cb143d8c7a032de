"""Forms of the calendar."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Organization
from nethub.events.models import Audience, Event, EventKind
from nethub.library.models import Document

COMMON_ZONES = [
    "UTC", "Europe/Zurich", "America/New_York", "Africa/Nairobi", "Africa/Addis_Ababa",
    "Asia/Bangkok", "America/Santiago", "Asia/Beirut", "Europe/Vienna",
]  # fmt: skip


class CalendarFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Any"))] + EventKind.choices, required=False
    )
    audience = forms.ChoiceField(
        label=_("Audience"), choices=[("", _("Any"))] + Audience.choices, required=False
    )
    language = forms.CharField(label=_("Language"), required=False, max_length=40)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All dates"))],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {"when": "upcoming"}
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "kind": data.get("kind") or "",
            "audience": data.get("audience") or "",
            "language": data.get("language") or "",
            "when": data.get("when") or "upcoming",
        }


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends = forms.DateTimeField(
        label=_("Ends"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    tz = forms.CharField(
        label=_("Time zone"),
        initial="Europe/Zurich",
        max_length=64,
        help_text=_("e.g. Europe/Zurich (Geneva), America/New_York, UTC"),
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=300)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    languages = forms.CharField(label=_("Languages"), required=False, max_length=100)
    interpretation = forms.BooleanField(label=_("Interpretation"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"), queryset=Organization.objects.all(), required=False
    )
    registration_open = forms.BooleanField(label=_("Registration open"), required=False)
    capacity = forms.IntegerField(label=_("Places"), required=False, min_value=1)

    def clean_tz(self):
        name = self.cleaned_data["tz"].strip()
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise forms.ValidationError(
                _("Unknown time zone: %(zone)s.") % {"zone": name}
            ) from error
        return name

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The event must end after it starts."))
        return data


class EventChangeForm(forms.Form):
    """What the secretariat changes after scheduling: registration, places, cancelling, and
    afterwards the recording and the summary (documents of the library)."""

    registration_open = forms.BooleanField(label=_("Registration open"), required=False)
    capacity = forms.IntegerField(label=_("Places"), required=False, min_value=1)
    status = forms.ChoiceField(label=_("Status"), choices=Event.Status.choices)
    recording = forms.ModelChoiceField(
        label=_("Recording"),
        queryset=Document.objects.filter(status=Document.Status.READY),
        required=False,
    )
    summary_document = forms.ModelChoiceField(
        label=_("Summary"),
        queryset=Document.objects.filter(status=Document.Status.READY),
        required=False,
    )
