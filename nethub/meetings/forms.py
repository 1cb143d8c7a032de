"""Forms: uploading a summary, checking and correcting what was extracted, changing a status."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.ingest.forms import read_upload
from nethub.meetings.extract.learned import RULE as LEARNED_RULE
from nethub.meetings.extract.people.learned import RULE as LEARNED_PERSON_RULE
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


class ReviewForm(forms.Form):
    """The extracted structure as fields people can correct; `extraction()` gives it back in
    the shape `meeting_import` takes. The discussion text is not edited here: it stays as
    extracted."""

    title = forms.CharField(label=_("Title"), max_length=300)
    series = forms.CharField(label=_("Series"), max_length=200)
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Starts"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label=_("Ends"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    timezone = forms.CharField(label=_("Time zone"), required=False, max_length=64)
    is_virtual = forms.BooleanField(label=_("Virtual meeting"), required=False)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=300)

    def __init__(self, *args, extraction: dict, **kwargs):
        self.base = extraction
        initial = {
            key: extraction.get(key)
            for key in (
                "title",
                "series",
                "date",
                "start_time",
                "end_time",
                "timezone",
                "is_virtual",
                "venue",
            )
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.people = []
        for k, person in enumerate([*extraction.get("participants", []), {}]):
            prefix = f"p-{k}"
            for key, label in (
                ("name", _("Name")),
                ("title", _("Title")),
                ("organization", _("Organisation")),
            ):
                self.fields[f"{prefix}-{key}"] = forms.CharField(
                    label=label, required=False, max_length=300, initial=person.get(key) or ""
                )
            if person:
                self.fields[f"{prefix}-delete"] = forms.BooleanField(
                    label=_("Remove"), required=False
                )
            self.people.append({"prefix": prefix, "new": not person, "source": person})
        self.items = []
        for i, item in enumerate(extraction.get("agenda_items", [])):
            fields = {"title": f"item-{i}-title", "decisions": f"item-{i}-decisions"}
            self.fields[fields["title"]] = forms.CharField(
                label=_("Agenda item title"), max_length=500, initial=item.get("title", "")
            )
            self.fields[fields["decisions"]] = forms.CharField(
                label=_("Decisions (one a line)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial="\n".join(item.get("decisions", [])),
            )
            points = []
            for j, point in enumerate([*item.get("action_points", []), {}]):
                prefix = f"ap-{i}-{j}"
                new = not point
                self.fields[f"{prefix}-text"] = forms.CharField(
                    label=_("New action point") if new else _("Action point"),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=point.get("text", ""),
                )
                self.fields[f"{prefix}-owner"] = forms.CharField(
                    label=_("Owner"),
                    required=False,
                    max_length=200,
                    initial=point.get("owner") or "",
                    # Chosen from the directory's organisations and the network's bodies;
                    # another body can still be typed.
                    widget=forms.TextInput(attrs={"list": "owner-choices"}),
                )
                self.fields[f"{prefix}-due"] = forms.DateField(
                    label=_("Due"),
                    required=False,
                    initial=point.get("due_date"),
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                )
                if not new:
                    self.fields[f"{prefix}-delete"] = forms.BooleanField(
                        label=_("Remove"), required=False
                    )
                points.append({"prefix": prefix, "new": new, "source": point})
            self.items.append({"index": i, "fields": fields, "points": points, "source": item})

    MEETING_FIELDS = (
        "title",
        "series",
        "date",
        "start_time",
        "end_time",
        "timezone",
        "is_virtual",
        "venue",
    )

    def meeting_fields(self):
        return [self[name] for name in self.MEETING_FIELDS]

    def bound_people(self):
        """Participants as rows of fields (and one empty row to add someone)."""
        for person in self.people:
            prefix = person["prefix"]
            yield {
                "anchor": prefix,
                "new": person["new"],
                "name": self[f"{prefix}-name"],
                "title": self[f"{prefix}-title"],
                "organization": self[f"{prefix}-organization"],
                "delete": None if person["new"] else self[f"{prefix}-delete"],
                "rule": person["source"].get("rule", ""),
                "learned": person["source"].get("rule") == LEARNED_PERSON_RULE,
                "confidence": person["source"].get("confidence", 1.0),
            }

    def bound_items(self):
        """Agenda items with their bound fields, for the template."""
        for item in self.items:
            yield {
                "index": item["index"],
                "kind": item["source"].get("kind", "item"),
                "discussion": item["source"].get("discussion", ""),
                "title": self[item["fields"]["title"]],
                "decisions": self[item["fields"]["decisions"]],
                "points": [
                    {
                        "new": point["new"],
                        "text": self[f"{point['prefix']}-text"],
                        "owner": self[f"{point['prefix']}-owner"],
                        "due": self[f"{point['prefix']}-due"],
                        "delete": None if point["new"] else self[f"{point['prefix']}-delete"],
                        "source_sentence": point["source"].get("source_sentence", ""),
                        "anchor": point["prefix"],
                        "rule": point["source"].get("rule", ""),
                        "learned": point["source"].get("rule") == LEARNED_RULE,
                        "confidence": point["source"].get("confidence", 1.0),
                        "spanned": bool(point["source"].get("span")),
                    }
                    for point in item["points"]
                ],
            }

    def extraction(self) -> dict:
        data = self.cleaned_data
        result = dict(self.base)
        for key in ("title", "series", "timezone", "venue", "is_virtual"):
            result[key] = data.get(key)
        result["date"] = data["date"].isoformat()
        for key in ("start_time", "end_time"):
            result[key] = data[key].strftime("%H:%M") if data.get(key) else None
        participants = []
        for person in self.people:
            prefix = person["prefix"]
            name = (data.get(f"{prefix}-name") or "").strip()
            if not name or data.get(f"{prefix}-delete"):
                continue
            participants.append(
                {
                    **person["source"],
                    "name": name,
                    "title": (data.get(f"{prefix}-title") or "").strip(),
                    "organization": (data.get(f"{prefix}-organization") or "").strip() or None,
                }
            )
        result["participants"] = participants
        items = []
        for item in self.items:
            source = dict(item["source"])
            source["title"] = data[item["fields"]["title"]]
            source["decisions"] = [
                line.strip()
                for line in (data[item["fields"]["decisions"]] or "").splitlines()
                if line.strip()
            ]
            points = []
            for point in item["points"]:
                prefix = point["prefix"]
                text = (data.get(f"{prefix}-text") or "").strip()
                if not text or data.get(f"{prefix}-delete"):
                    continue
                due = data.get(f"{prefix}-due")
                points.append(
                    {
                        **point["source"],
                        "text": text,
                        "owner": (data.get(f"{prefix}-owner") or "").strip() or None,
                        "due_date": due.isoformat() if due else None,
                        "source_sentence": point["source"].get("source_sentence") or text,
                        "explicit": point["source"].get("explicit", True),
                    }
                )
            source["action_points"] = points
            items.append(source)
        result["agenda_items"] = items
        return result
