"""The import review page's forms: the extracted meeting as fields, and its participants, agenda
items, decisions and action points as formset rows people correct (add, remove, reorder).
`extraction()` gives the corrected meeting back in the shape `meeting_import` takes.

Each extracted row carries `source`, the key of the item it came from, so what the extraction
knew of it (its rule, confidence and span) is kept and the page can show it. Decisions and
action points name their agenda item by its key; an item added on this page can take them
once the meeting is saved (on its edit page). The discussion text is not edited here."""

from __future__ import annotations

import re
from functools import cached_property

from django import forms
from django.forms import formset_factory
from django.utils.dateparse import parse_date, parse_time
from django.utils.translation import gettext_lazy as _

from nethub.directory.selectors import OrganizationResolver
from nethub.meetings.extract.assemble import CHOSEN
from nethub.meetings.extract.assemble.provenance import REVIEW_BELOW
from nethub.meetings.extract.learned import RULE as LEARNED_RULE
from nethub.meetings.extract.people.learned import RULE as LEARNED_PERSON_RULE
from nethub.meetings.forms import MoreParticipantsForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# The directory's organisations and the network's bodies (`selectors.import_owner_choices`),
# offered as a datalist: another body can still be typed.
CHOICES_LIST = "owner-choices"


class ReviewMeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    series = forms.CharField(label=_("Series"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Starts"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("Ends"), required=False, widget=TIME)
    timezone = forms.CharField(label=_("Time zone"), required=False, max_length=64)
    is_virtual = forms.BooleanField(label=_("Virtual meeting"), required=False)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=300)


class _ReviewRow(forms.Form):
    source = forms.CharField(required=False, widget=forms.HiddenInput)
    required_when_filled = "text"

    def __init__(self, *args, item_choices: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if "agenda_item" in self.fields:
            self.fields["agenda_item"].choices = item_choices or []

    def has_content(self) -> bool:
        return bool((self.cleaned_data.get(self.required_when_filled) or "").strip())


class ReviewParticipantForm(_ReviewRow):
    name = forms.CharField(label=_("Name"), max_length=300, required=False)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    organization = forms.CharField(
        label=_("Organisation"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"list": CHOICES_LIST}),
    )
    required_when_filled = "name"


class ReviewAgendaItemForm(_ReviewRow):
    title = forms.CharField(label=_("Agenda item title"), max_length=500, required=False)
    required_when_filled = "title"


class ReviewDecisionForm(_ReviewRow):
    agenda_item = forms.ChoiceField(label=_("Agenda item"), required=False)
    # "start:end" of the text a row added from the document came from (`ReviewForms._chosen`).
    span = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewActionPointForm(_ReviewRow):
    agenda_item = forms.ChoiceField(label=_("Agenda item"), required=False)
    span = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Action point"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.CharField(
        label=_("Owner"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": CHOICES_LIST}),
    )
    due = forms.DateField(label=_("Due"), required=False, widget=DATE)


class SelectionForm(forms.Form):
    """The part of the document's text a person selected on the review or edit page, [start,
    end) in characters, and the meeting's date as the page has it (due dates are read against
    it)."""

    MAX_LENGTH = 3000

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    date = forms.DateField(required=False)

    def __init__(self, *args, length: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.length = length

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if not start < end <= self.length:
            raise forms.ValidationError(
                _("The selection is not in the document's text: select it again.")
            )
        if end - start > self.MAX_LENGTH:
            raise forms.ValidationError(
                _("Select at most %(count)s characters: one task or decision at a time.")
                % {"count": self.MAX_LENGTH}
            )
        return cleaned


TESTIDS = {
    "participants": "participant",
    "agenda_items": "agenda-item",
    "decisions": "decision",
    "action_points": "action-point",
}
ROWS = {
    "participants": ReviewParticipantForm,
    "agenda_items": ReviewAgendaItemForm,
    "decisions": ReviewDecisionForm,
    "action_points": ReviewActionPointForm,
}


def _sources(extraction: dict) -> dict[str, dict]:
    """Every extracted row by its key: participants "k", agenda items "i", decisions "i-n",
    action points "i-j"."""
    sources = {"participants": {}, "agenda_items": {}, "decisions": {}, "action_points": {}}
    for k, person in enumerate(extraction.get("participants", [])):
        sources["participants"][str(k)] = person
    for i, item in enumerate(extraction.get("agenda_items", [])):
        sources["agenda_items"][str(i)] = item
        spans = item.get("decision_spans") or []
        for n, text in enumerate(item.get("decisions", [])):
            span = spans[n] if n < len(spans) else None
            sources["decisions"][f"{i}-{n}"] = {"text": text, "agenda_item": str(i), "span": span}
        for j, point in enumerate(item.get("action_points", [])):
            sources["action_points"][f"{i}-{j}"] = {**point, "agenda_item": str(i)}
    return sources


def new_item_key(index: int) -> str:
    """The choice that names the agenda item added in row `index` (decisions and points can
    go under an item added on the page, before anything is saved)."""
    return f"new-{index}"


def _item_rows(data, sources: dict) -> int:
    """How many agenda-item rows the page has: as posted, else the extracted ones and the blank
    row the formset offers (capped as Django caps formsets)."""
    try:
        posted = int((data or {}).get("agenda_items-TOTAL_FORMS", ""))
    except ValueError:
        posted = 0
    return min(posted, 1000) if data else len(sources["agenda_items"]) + 1


def _initial(name: str, key: str, source: dict) -> dict:
    if name == "participants":
        return {
            "source": key,
            "name": source.get("name", ""),
            "title": source.get("title") or "",
            "organization": source.get("organization") or "",
        }
    if name == "agenda_items":
        return {"source": key, "title": source.get("title", "")}
    if name == "decisions":
        return {"source": key, "agenda_item": source["agenda_item"], "text": source["text"]}
    return {
        "source": key,
        "agenda_item": source["agenda_item"],
        "text": source.get("text", ""),
        "owner": source.get("owner") or "",
        # A date, not its ISO text, so that an unchanged due date is seen as unchanged.
        "due": parse_date(source.get("due_date") or ""),
    }


def _meeting_initial(extraction: dict) -> dict:
    """The meeting's fields as extracted; dates and times as such, not their ISO text, so that
    a field left as it was is seen as unchanged (`ReviewForms.outcome`)."""
    initial = {
        key: extraction.get(key) for key in (*ReviewForms.MEETING_KEYS, "is_virtual", "venue")
    }
    initial["date"] = parse_date(extraction.get("date") or "")
    for key in ("start_time", "end_time"):
        initial[key] = parse_time(extraction.get(key) or "")
    return initial


def _count_rules(kept, removed) -> dict[str, dict[str, int]]:
    """{rule: {"kept": n, "removed": m}} of a section's extracted rows (a row no rule read
    counts under "structure")."""
    counts: dict[str, dict[str, int]] = {}
    for column, rows in (("kept", kept), ("removed", removed)):
        for row in rows:
            rule = row.get("rule") or "structure"
            counts.setdefault(rule, {"kept": 0, "removed": 0})[column] += 1
    return counts


class ReviewForms:
    """The meeting's fields and its four formsets, bound together: `is_valid()` checks all,
    `extraction()` gives the corrected meeting, `rows(name)` the rows with what the
    extraction knew of each, for the page."""

    MEETING_KEYS = ("title", "series", "date", "start_time", "end_time", "timezone")

    def __init__(self, extraction: dict, data=None, *, text: str = ""):
        self.base = extraction
        self.text = text  # the document's, which rows added from a selection point into
        self.sources = _sources(extraction)
        self._resolver = None
        self.meeting = ReviewMeetingForm(
            data,
            initial=_meeting_initial(extraction),
        )
        item_choices = [
            (key, f"{int(key) + 1}. {(item.get('title') or '')[:80]}")
            for key, item in self.sources["agenda_items"].items()
        ] + [
            (new_item_key(index), _("New agenda item %(number)s") % {"number": index + 1})
            for index in range(len(self.sources["agenda_items"]), _item_rows(data, self.sources))
        ]
        self.more = MoreParticipantsForm(data)
        self.formsets = {
            name: formset_factory(form, extra=1, can_delete=True, can_order=True)(
                data,
                prefix=name,
                initial=[_initial(name, key, row) for key, row in self.sources[name].items()],
                form_kwargs={"item_choices": item_choices},
            )
            for name, form in ROWS.items()
        }

    def sections(self) -> list[dict]:
        """Each formset with its rows, for the page."""
        return [
            {
                "name": name,
                "testid": TESTIDS[name],
                "formset": formset,
                "rows": self.rows(name),
                "empty": {"form": formset.empty_form, "anchor": f"{name}-new-__prefix__"},
            }
            for name, formset in self.formsets.items()
        ]

    def is_valid(self) -> bool:
        valid = self.meeting.is_valid()
        valid = self.more.is_valid() and valid
        for formset in self.formsets.values():
            valid = formset.is_valid() and valid
        return valid and self._agenda_items_kept()

    def has_errors(self) -> bool:
        return bool(self.meeting.errors or self.more.errors) or any(
            formset.total_error_count() for formset in self.formsets.values()
        )

    def _kept(self, name: str) -> list[forms.Form]:
        """The rows kept, in the order people gave them (removed and blank rows left out)."""
        return [form for form in self.formsets[name].ordered_forms if form.has_content()]

    def _item_key(self, form: forms.Form) -> str:
        """An agenda item's key: its extracted row's, or "new-<row>" for a row added here."""
        return form.cleaned_data["source"] or new_item_key(
            self.formsets["agenda_items"].forms.index(form)
        )

    def _agenda_items_kept(self) -> bool:
        kept = {self._item_key(form) for form in self._kept("agenda_items")}
        valid = True
        for name in ("decisions", "action_points"):
            for form in self._kept(name):
                if form.cleaned_data.get("agenda_item") not in kept:
                    form.add_error(
                        "agenda_item",
                        _("Its agenda item was removed: choose another, or remove this row."),
                    )
                    valid = False
        return valid

    def _source(self, name: str, form: forms.Form) -> dict:
        return self.sources[name].get(form.cleaned_data.get("source") or "", {})

    def extraction(self) -> dict:
        data = self.meeting.cleaned_data
        result = dict(self.base)
        for key in ("title", "series", "timezone", "venue", "is_virtual"):
            result[key] = data.get(key)
        result["date"] = data["date"].isoformat()
        for key in ("start_time", "end_time"):
            result[key] = data[key].strftime("%H:%M") if data.get(key) else None
        rows, pasted = self._people
        result["participants"] = rows + pasted
        items, by_key = [], {}
        for form in self._kept("agenda_items"):
            source = self._source("agenda_items", form)
            item = {
                "discussion": "",
                "kind": "item",
                **source,
                "title": form.cleaned_data["title"].strip(),
                "decisions": [],
                "decision_spans": [],
                "action_points": [],
            }
            items.append(item)
            by_key[self._item_key(form)] = item
        for form in self._kept("decisions"):
            item = by_key[form.cleaned_data["agenda_item"]]
            item["decisions"].append(form.cleaned_data["text"].strip())
            item["decision_spans"].append(
                self._source("decisions", form).get("span") or self._chosen(form)
            )
        for form in self._kept("action_points"):
            by_key[form.cleaned_data["agenda_item"]]["action_points"].append(self._point(form))
        result["agenda_items"] = items
        return result

    def outcome(self) -> dict:
        """What the review changed of the extraction, section by section (after `is_valid`):
        how many rows were extracted, kept, removed and added (and of those added, how many
        from a selection in the text), which fields of the kept rows were corrected, and the
        rules of the rows kept and removed. It measures the extractor on the network's own
        documents; it quotes no text."""
        sections = {name: self._section_outcome(name) for name in ROWS}
        sections["participants"]["added"] += len(self._people[1])
        changed = [name for name in self.meeting.changed_data if name in self.MEETING_KEYS]
        return {"meeting_changed": changed, "sections": sections}

    def _section_outcome(self, name: str) -> dict:
        kept = self._kept(name)
        extracted = [form for form in kept if self._source(name, form)]
        changed: dict[str, int] = {}
        corrected = 0
        for form in extracted:
            fields = [f for f in form.changed_data if f not in ("ORDER", "DELETE", "span")]
            corrected += bool(fields)
            for field in fields:
                changed[field] = changed.get(field, 0) + 1
        kept_keys = {form.cleaned_data["source"] for form in extracted}
        removed = [row for key, row in self.sources[name].items() if key not in kept_keys]
        return {
            "extracted": len(self.sources[name]),
            "kept": len(extracted),
            "corrected": corrected,
            "removed": len(removed),
            "added": len(kept) - len(extracted),
            "from_text": sum(
                1 for form in kept if not self._source(name, form) and self._chosen(form)
            ),
            "changed": changed,
            "rules": _count_rules((self._source(name, form) for form in extracted), removed),
        }

    @cached_property
    def _people(self) -> tuple[list[dict], list[dict]]:
        """(the participants' rows kept, the people pasted in "Add several participants" not
        already among them); read once, as the pasted list runs the attendance readers."""
        rows = [
            {
                **self._source("participants", form),
                "name": form.cleaned_data["name"].strip(),
                "title": form.cleaned_data["title"].strip(),
                "organization": form.cleaned_data["organization"].strip() or None,
            }
            for form in self._kept("participants")
        ]
        pasted = self.more.people((row["name"] for row in rows), self._directory_resolver())
        return rows, [
            {"name": p.name, "title": p.title or "", "organization": p.organization} for p in pasted
        ]

    def _point(self, form: forms.Form) -> dict:
        source = {
            k: v for k, v in self._source("action_points", form).items() if k != "agenda_item"
        }
        span = None if source else self._chosen(form)
        if span:
            chosen = self.text[span[0] : span[1]].strip()
            source = {"span": span, "source_sentence": chosen, "rule": CHOSEN}
        text, due = form.cleaned_data["text"].strip(), form.cleaned_data.get("due")
        return {
            **source,
            "text": text,
            "owner": form.cleaned_data["owner"].strip() or None,
            "due_date": due.isoformat() if due else None,
            "source_sentence": source.get("source_sentence") or text,
            "explicit": source.get("explicit", True),
        }

    def _chosen(self, form: forms.Form) -> list[int] | None:
        """Where in the document a row added from a selection came from ("start:end"), kept as
        its source; a span that does not lie in the document is left out (it only records
        where the row came from)."""
        match = re.fullmatch(r"(\d{1,9}):(\d{1,9})", form.cleaned_data.get("span") or "")
        if not match:
            return None
        start, end = int(match[1]), int(match[2])
        return [start, end] if start < end <= len(self.text) else None

    def _directory(self, written: str | None) -> dict | None:
        """Whether an organisation or owner as written is one of the directory's (what saving
        will link it to), else that it will be kept as written."""
        if not (written or "").strip():
            return None
        return {"organization": self._directory_resolver().resolve(written)}

    def _directory_resolver(self) -> OrganizationResolver:
        if self._resolver is None:
            self._resolver = OrganizationResolver()  # two queries, once a page
        return self._resolver

    def rows(self, name: str) -> list[dict]:
        """The formset's rows for the page, each with its anchor (the id the source text's
        marks link to) and what the extraction knew of it."""
        prefix = {"participants": "p", "decisions": "d", "action_points": "ap"}.get(name, name)
        named = {"participants": "organization", "action_points": "owner"}.get(name)
        learned = LEARNED_PERSON_RULE if name == "participants" else LEARNED_RULE
        rows = []
        for index, form in enumerate(self.formsets[name].forms):
            key = form["source"].value() or ""
            source = self.sources[name].get(key)
            confidence = (source or {}).get("confidence", 1.0)
            rows.append(
                {
                    "form": form,
                    "anchor": f"{prefix}-{key}" if source else f"{name}-new-{index}",
                    "new": source is None,
                    "rule": (source or {}).get("rule", ""),
                    "learned": (source or {}).get("rule") == learned,
                    "confidence": confidence,
                    "low": source is not None and confidence < REVIEW_BELOW,
                    "spanned": bool((source or {}).get("span")),
                    "directory": self._directory(form[named].value()) if named else None,
                }
            )
        return rows
