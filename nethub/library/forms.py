"""Forms of the Knowledge Platform: uploading and describing documents, submitting practices."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.core.widgets import PlainSelect
from nethub.directory.models import Country, Organization, OrganizationKind, Region
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.ingest.extract import PDF
from nethub.ingest.forms import read_upload
from nethub.library.models import Document, DocumentKind, LanguageChoices, Practice
from nethub.library.services import PRACTICE_FIELDS

LANGUAGE_CHOICES = [("", _("Detect automatically"))] + [
    (code, label) for code, label in LanguageChoices.choices if code
]


def _elements(kind: str):
    return FrameworkElement.objects.filter(kind=kind).order_by("position")


class ElementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: FrameworkElement) -> str:
        return f"{obj.code}. {obj.short_title or obj.title}"


class ElementSingleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: FrameworkElement) -> str:
        return f"{obj.code}. {obj.short_title or obj.title}"


class DocumentDescriptionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    date = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)
    organizations = forms.ModelMultipleChoiceField(
        label=_("Organisations"), queryset=Organization.objects.all(), required=False
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.all(), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.all(), required=False
    )


class DocumentUploadForm(DocumentDescriptionForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (DOCX), HTML or text. The text is read from the file."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("Leave on automatic to detect it from the text."),
    )
    field_order = ["file", "title", "kind", "date", "language", "summary"]

    def clean_file(self):
        return read_upload(self.cleaned_data["file"])


class DocumentEditForm(DocumentDescriptionForm):
    language = forms.ChoiceField(
        label=_("Language"), choices=LanguageChoices.choices, required=False
    )
    objectives = ElementChoiceField(
        label=_("GCM objectives"), queryset=_elements(ElementKind.OBJECTIVE), required=False
    )
    principles = ElementChoiceField(
        label=_("Guiding principles"), queryset=_elements(ElementKind.PRINCIPLE), required=False
    )

    @classmethod
    def initial_for(cls, document: Document) -> dict:
        confirmed = [t.element for t in document.taggings.all() if t.status == "confirmed"]
        return {
            "title": document.title,
            "kind": document.kind,
            "date": document.date,
            "summary": document.summary,
            "language": document.language,
            "organizations": list(document.organizations.all()),
            "countries": list(document.countries.all()),
            "regions": list(document.regions.all()),
            "objectives": [e for e in confirmed if e.kind == ElementKind.OBJECTIVE],
            "principles": [e for e in confirmed if e.kind == ElementKind.PRINCIPLE],
        }


class PracticeForm(forms.Form):
    """A practice, following the network's criteria: linked to GCM objectives and guiding
    principles, completed or under way, replicable."""

    title = forms.CharField(label=_("Title"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences."),
    )
    description = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea,
        help_text=_("Who did what, where, with whom, and for which migrants."),
    )
    results = forms.CharField(
        label=_("Results"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("What changed for migrants and communities; evidence if there is any."),
    )
    replicability = forms.CharField(
        label=_("How it can be replicated"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What another country or organisation needs to do the same."),
    )
    implementation = forms.ChoiceField(
        label=_("Implementation"),
        choices=Practice.Implementation.choices,
        widget=forms.RadioSelect,
        help_text=_("Only practices that are completed or under way are accepted."),
    )
    start_year = forms.IntegerField(
        label=_("Started in (year)"), min_value=1950, max_value=2100, required=False
    )
    objectives = ElementChoiceField(
        label=_("GCM objectives"),
        queryset=_elements(ElementKind.OBJECTIVE),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one: the objectives the practice helps implement."),
    )
    principles = ElementChoiceField(
        label=_("Guiding principles"),
        queryset=_elements(ElementKind.PRINCIPLE),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least one: the guiding principles the practice applies."),
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.all(),
        required=False,
        help_text=_("The organisation that carried out the practice (yours by default)."),
    )
    partners = forms.CharField(label=_("Partners"), max_length=500, required=False)
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.all(), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.all(), required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    attachment = forms.FileField(
        label=_("Attachment (PDF)"),
        required=False,
        help_text=_("A PDF describing the practice; its text is searchable."),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return read_upload(upload, allowed={PDF})

    def clean(self):
        cleaned = super().clean()
        countries, regions = cleaned.get("countries"), cleaned.get("regions")
        if countries is not None and regions is not None and not countries and not regions:
            self.add_error("countries", _("Say in which countries or regions it took place."))
        return cleaned

    @classmethod
    def initial_for(cls, practice: Practice) -> dict:
        confirmed = [t.element for t in practice.taggings.all() if t.status == "confirmed"]
        return {
            **{name: getattr(practice, name) for name in PRACTICE_FIELDS},
            "countries": list(practice.countries.all()),
            "regions": list(practice.regions.all()),
            "objectives": [e for e in confirmed if e.kind == ElementKind.OBJECTIVE],
            "principles": [e for e in confirmed if e.kind == ElementKind.PRINCIPLE],
        }


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("start", _("Start review")),
            ("request_changes", _("Request changes")),
            ("publish", _("Approve and publish")),
            ("decline", _("Decline")),
        ]
    )
    note = forms.CharField(
        label=_("Note to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# The filter forms' boxes are PlainSelect: the country box alone holds about 250 options, and
# Django's select renders a template include for each (half the list page's time).
class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False)
    objective = ElementSingleChoiceField(
        widget=PlainSelect,
        label=_("GCM objective"),
        queryset=_elements(ElementKind.OBJECTIVE),
        required=False,
    )
    principle = ElementSingleChoiceField(
        widget=PlainSelect,
        label=_("Guiding principle"),
        queryset=_elements(ElementKind.PRINCIPLE),
        required=False,
    )
    region = forms.ModelChoiceField(
        widget=PlainSelect,
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
    )
    country = forms.ModelChoiceField(
        widget=PlainSelect,
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso2",
        required=False,
    )
    organization_kind = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Kind of organisation"),
        choices=[("", _("Any"))] + list(OrganizationKind.choices),
        required=False,
    )
    implementation = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Implementation"),
        choices=[("", _("Any"))] + list(Practice.Implementation.choices),
        required=False,
    )
    sort = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Sort by"),
        choices=[("newest", _("Newest first")), ("title", _("Title"))],
        required=False,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q"),
            "objective": data["objective"].pk if data.get("objective") else None,
            "principle": data["principle"].pk if data.get("principle") else None,
            "region": data["region"].slug if data.get("region") else None,
            "country": data["country"].iso2 if data.get("country") else None,
            "organization_kind": data.get("organization_kind"),
            "implementation": data.get("implementation"),
            "sort": data.get("sort"),
        }


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Words in the title"), required=False)
    kind = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Kind"),
        choices=[("", _("Any"))] + list(DocumentKind.choices),
        required=False,
    )
    language = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Language"),
        choices=[("", _("Any"))] + [(c, lbl) for c, lbl in LanguageChoices.choices if c],
        required=False,
    )
    objective = ElementSingleChoiceField(
        widget=PlainSelect,
        label=_("GCM objective"),
        queryset=_elements(ElementKind.OBJECTIVE),
        required=False,
    )
    region = forms.ModelChoiceField(
        widget=PlainSelect,
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        required=False,
    )
    country = forms.ModelChoiceField(
        widget=PlainSelect,
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso2",
        required=False,
    )
    sort = forms.ChoiceField(
        widget=PlainSelect,
        label=_("Sort by"),
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("title", _("Title")),
        ],
        required=False,
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q"),
            "sort": data.get("sort"),
            "kind": data.get("kind"),
            "language": data.get("language"),
            "objective": data["objective"].pk if data.get("objective") else None,
            "region": data["region"].slug if data.get("region") else None,
            "country": data["country"].iso2 if data.get("country") else None,
        }
