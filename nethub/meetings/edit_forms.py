"""Forms for planning a meeting and editing a saved one: the meeting's fields and one formset
each for participants, agenda items, decisions and action points (rows added and removed).

Organisations are chosen from the directory from one list built once per page (not one query
per row); a free-text "as written" name stays possible beside it."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Organization, Person
from nethub.directory.selectors import OrganizationResolver
from nethub.library.models import Document
from nethub.meetings.forms import MoreParticipantsForm
from nethub.meetings.models import AgendaItem, Meeting, MeetingSeries, Participant

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def timezone_choices() -> list[tuple[str, str]]:
    return [("", _("Not stated"))] + [
        (zone, zone) for zone in sorted(zoneinfo.available_timezones()) if "/" in zone
    ]


def organization_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [
        (str(pk), f"{name} ({acronym})" if acronym else name)
        for pk, name, acronym in Organization.objects.order_by("name").values_list(
            "pk", "name", "acronym"
        )
    ]


class MeetingFieldsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        help_text=_("As the invitation or summary states it; leave empty when it says none."),
    )
    is_virtual = forms.BooleanField(label=_("Virtual meeting"), required=False)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=300)
    background_documents = forms.ModelMultipleChoiceField(
        label=_("Background documents"),
        required=False,
        queryset=Document.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Documents from the library that prepare this meeting."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = timezone_choices()
        self.fields["background_documents"].queryset = Document.objects.filter(
            status=Document.Status.READY
        ).order_by("-date", "title")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        return data


class PlanForm(MeetingFieldsForm):
    series = forms.ModelChoiceField(
        label=_("Series"), required=False, queryset=MeetingSeries.objects.all()
    )
    new_series = forms.CharField(label=_("Or a new series"), required=False, max_length=200)
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One agenda item a line."),
    )
    invited_people = forms.ModelMultipleChoiceField(
        label=_("People invited from the directory"),
        required=False,
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    invited_others = forms.CharField(
        label=_("Other people invited"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: name | organisation."),
    )
    field_order = ["series", "new_series", "title", "date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the series name.")
        self.fields["invited_people"].queryset = Person.objects.select_related(
            "organization"
        ).order_by("name")

    def clean(self):
        data = super().clean()
        if not data.get("series") and not (data.get("new_series") or "").strip():
            self.add_error("series", _("Choose a series or name a new one."))
        return data

    def invitees(self) -> list[dict]:
        rows = [
            {"name": person.name, "title": person.title, "organization": person.organization}
            for person in self.cleaned_data["invited_people"]
        ]
        for line in (self.cleaned_data.get("invited_others") or "").splitlines():
            name, _sep, organization = (part.strip() for part in line.partition("|"))
            if name:
                rows.append({"name": name, "organization_as_written": organization})
        return rows


class _RowForm(forms.Form):
    """A formset row: `id` names an existing row of the meeting (empty for a new one)."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    required_when_filled: tuple[str, ...] = ()

    def __init__(self, *args, choices: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for field, options in (choices or {}).items():
            if field in self.fields:
                self.fields[field].choices = options

    def has_content(self) -> bool:
        return any(self.cleaned_data.get(field) for field in self.required_when_filled)


class ParticipantForm(_RowForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    organization = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    organization_as_written = forms.CharField(
        label=_("Organisation as written"), max_length=200, required=False
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=Participant.Attendance.choices,
        required=False,
        initial=Participant.Attendance.PRESENT,
    )
    required_when_filled = ("name",)


class AgendaItemForm(_RowForm):
    title = forms.CharField(label=_("Agenda item title"), max_length=500, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=AgendaItem.Kind.choices,
        required=False,
        initial=AgendaItem.Kind.ITEM,
    )
    discussion = forms.CharField(
        label=_("Discussion"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    required_when_filled = ("title",)


class DecisionForm(_RowForm):
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )
    text = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    required_when_filled = ("text",)


class ActionPointForm(_RowForm):
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"), required=False, coerce=int, empty_value=None
    )
    text = forms.CharField(
        label=_("Action point"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner_organization = forms.TypedChoiceField(
        label=_("Owner organisation"), required=False, coerce=int, empty_value=None
    )
    owner = forms.CharField(
        label=_("Owner as written"),
        required=False,
        max_length=200,
        help_text=_('Free text: "EC working level", "Coordinator".'),
    )
    due_date = forms.DateField(label=_("Due"), required=False, widget=DATE)
    required_when_filled = ("text",)


FORMSETS = {
    "participants": ParticipantForm,
    "agenda_items": AgendaItemForm,
    "decisions": DecisionForm,
    "action_points": ActionPointForm,
}


def _formset_class(form):
    return formset_factory(form, extra=1, can_delete=True)


class MeetingEditForms:
    """The meeting's fields and its four formsets, bound together; `is_valid()` checks all,
    `service_arguments()` gives what `meeting_edit` takes."""

    def __init__(self, meeting: Meeting, data=None):
        self.meeting = meeting
        self.fields = MeetingFieldsForm(
            data,
            prefix="meeting",
            initial={
                **{
                    name: getattr(meeting, name)
                    for name in (
                        "title",
                        "date",
                        "start_time",
                        "end_time",
                        "timezone",
                        "is_virtual",
                        "venue",
                    )
                },
                "background_documents": list(meeting.background_documents.all()),
            },
        )
        org_choices = organization_choices()
        self.agenda_items = list(meeting.agenda_items.all())
        item_choices = [("", "—")] + [
            (str(item.pk), f"{n}. {item.title[:80]}")
            for n, item in enumerate(self.agenda_items, start=1)
        ]
        initial = {
            "participants": [
                {
                    "id": p.pk,
                    "name": p.name,
                    "title": p.title,
                    "organization": p.organization_id,
                    "organization_as_written": p.organization_as_written,
                    "attendance": p.attendance,
                }
                for p in meeting.participants.all()
            ],
            "agenda_items": [
                {"id": i.pk, "title": i.title, "kind": i.kind, "discussion": i.discussion}
                for i in self.agenda_items
            ],
            "decisions": [
                {"id": d.pk, "agenda_item": d.agenda_item_id, "text": d.text}
                for d in meeting.decisions.all()
            ],
            "action_points": [
                {
                    "id": a.pk,
                    "agenda_item": a.agenda_item_id,
                    "text": a.text,
                    "owner_organization": a.owner_organization_id,
                    "owner": a.owner,
                    "due_date": a.due_date,
                }
                for a in meeting.action_points.order_by("position", "id")
            ],
        }
        self.more = MoreParticipantsForm(data, prefix="more")
        self.formsets = {}
        for name, form in FORMSETS.items():
            self.formsets[name] = _formset_class(form)(
                data,
                prefix=name,
                initial=initial[name],
                form_kwargs={
                    "choices": {
                        "organization": org_choices,
                        "owner_organization": org_choices,
                        "agenda_item": item_choices,
                    }
                },
            )

    def __iter__(self):
        return iter(self.formsets.items())

    def is_valid(self) -> bool:
        valid = self.fields.is_valid()
        valid = self.more.is_valid() and valid
        for formset in self.formsets.values():
            valid = formset.is_valid() and valid
        return valid

    def service_arguments(self) -> dict:
        data = self.fields.cleaned_data
        fields = {
            key: data[key]
            for key in ("title", "date", "start_time", "end_time", "timezone", "is_virtual")
        }
        fields["venue"] = data["venue"]
        organizations = Organization.objects.in_bulk(
            {
                row.cleaned_data.get(field)
                for name in ("participants", "action_points")
                for row in self.formsets[name].forms
                for field in ("organization", "owner_organization")
                if row.cleaned_data.get(field)
            }
        )
        items = {item.pk: item for item in self.agenda_items}
        existing = {
            "participants": {p.pk: p for p in self.meeting.participants.all()},
            "agenda_items": items,
            "decisions": {d.pk: d for d in self.meeting.decisions.all()},
            "action_points": {a.pk: a for a in self.meeting.action_points.all()},
        }
        arguments = {"fields": fields, "background_documents": data["background_documents"]}
        for name, formset in self.formsets.items():
            rows = []
            for row in formset.forms:
                cleaned = dict(row.cleaned_data)
                instance = existing[name].get(cleaned.pop("id", None))
                delete = cleaned.pop("DELETE", False)
                if instance is None and (delete or not row.has_content()):
                    continue  # an empty extra row
                if instance is not None and not row.has_content():
                    delete = True  # a row emptied of its required text is removed
                for field in ("organization", "owner_organization"):
                    if field in cleaned:
                        cleaned[field] = organizations.get(cleaned[field])
                if "agenda_item" in cleaned:
                    cleaned["agenda_item"] = items.get(cleaned["agenda_item"])
                if name == "agenda_items" and not cleaned.get("kind"):
                    cleaned["kind"] = AgendaItem.Kind.ITEM
                if name == "participants" and not cleaned.get("attendance"):
                    cleaned["attendance"] = Participant.Attendance.PRESENT
                rows.append({**cleaned, "instance": instance, "delete": delete})
            arguments[name] = rows
        arguments["participants"] += self._pasted(arguments["participants"])
        return arguments

    def _pasted(self, rows: list[dict]) -> list[dict]:
        """New participant rows for the people pasted at once, none already a row."""
        kept = [row["name"] for row in rows if not row["delete"]]
        resolver = OrganizationResolver()  # one for reading and linking
        pasted = []
        for person in self.more.people(kept, resolver):
            organization = resolver.resolve(person.organization) if person.organization else None
            pasted.append(
                {
                    "name": person.name,
                    "title": person.title or "",
                    "organization": organization,
                    "organization_as_written": "" if organization else person.organization or "",
                    "attendance": Participant.Attendance.PRESENT,
                    "instance": None,
                    "delete": False,
                }
            )
        return pasted
