"""Forms of the roster: the application, the secretariat's decision, a peer review, a support
request and the roster's filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Country, Organization, OrganizationKind, Region
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.roster.models import (
    APPLICATION_LANGUAGES,
    LANGUAGE_CHOICES,
    PUBLIC_FIELD_CHOICES,
    ExpertApplication,
    ExpertLanguage,
    ReviewAssignment,
    SupportRequest,
)

LANGUAGE_ROWS = 4
SCORES = [(n, str(n)) for n in range(1, 6)]
CRITERIA = ("relevance", "principles", "results", "replicability")


class ElementField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: FrameworkElement) -> str:
        return f"{obj.label}: {obj.short_title or obj.title}"


def _expertise_elements():
    return FrameworkElement.objects.filter(
        kind__in=[ElementKind.OBJECTIVE, ElementKind.PRINCIPLE]
    ).order_by("kind", "position")


class ApplicationForm(forms.Form):
    """An application to the roster; a draft may be saved incomplete, a submission may not."""

    language = forms.ChoiceField(
        label=_("Language of your application"), choices=APPLICATION_LANGUAGES
    )
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.all(), required=False
    )
    organization_name = forms.CharField(
        label=_("Organisation, if not in the list"), max_length=255, required=False
    )
    expertise = ElementField(
        label=_("Expertise"),
        queryset=_expertise_elements(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The GCM objectives and guiding principles you know well."),
    )
    themes = forms.CharField(
        label=_("Cross-cutting themes"),
        max_length=500,
        required=False,
        help_text=_("For example: gender, children, climate, data. Separate them with commas."),
    )
    biography = forms.CharField(
        label=_("Summary of expertise"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    years_of_experience = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=70, required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions of experience"), queryset=Region.objects.all(), required=False
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries of experience"), queryset=Country.objects.all(), required=False
    )
    cv = forms.FileField(
        label=_("CV (PDF or Word)"),
        required=False,
        help_text=_("Its text is read so that the secretariat can search it."),
    )
    conflict_organizations = forms.ModelMultipleChoiceField(
        label=_("Conflicts of interest: organisations"),
        queryset=Organization.objects.all(),
        required=False,
    )
    conflict_countries = forms.ModelMultipleChoiceField(
        label=_("Conflicts of interest: countries"), queryset=Country.objects.all(), required=False
    )
    conflict_topics = forms.CharField(
        label=_("Conflicts of interest: topics"),
        max_length=500,
        required=False,
        help_text=_("Topics you should not review. Separate them with commas."),
    )
    available = forms.BooleanField(
        label=_("Available for assignments"), required=False, initial=True
    )
    public_fields = forms.MultipleChoiceField(
        label=_("What the public may see"),
        choices=PUBLIC_FIELD_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Network members see your whole entry; the public only what you tick."),
    )
    consent_to_be_listed = forms.BooleanField(
        label=_("I agree to be listed on the roster"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for row in range(LANGUAGE_ROWS):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Language spoken"),
                choices=[("", "—"), *LANGUAGE_CHOICES],
                required=False,
            )
            self.fields[f"level_{row}"] = forms.ChoiceField(
                label=_("Level"),
                choices=[("", "—"), *ExpertLanguage.Level.choices],
                required=False,
            )

    @classmethod
    def initial_for(cls, application: ExpertApplication | None, user) -> dict:
        if application is None:
            return {
                "full_name": user.get_full_name(),
                "organization": user.organization_id,
                "language": getattr(user, "preferred_language", "")[:2] or "en",
                "available": True,
            }
        initial = {
            name: getattr(application, name)
            for name in (
                "language", "full_name", "organization_name", "themes", "biography",
                "years_of_experience", "conflict_topics", "available", "public_fields",
                "consent_to_be_listed",
            )
        }  # fmt: skip
        initial["organization"] = application.organization_id
        for name in ("expertise", "regions", "countries", "conflict_organizations",
                     "conflict_countries"):  # fmt: skip
            initial[name] = list(getattr(application, name).values_list("pk", flat=True))
        for row, spoken in enumerate(application.languages.all()[:LANGUAGE_ROWS]):
            initial[f"language_{row}"], initial[f"level_{row}"] = spoken.code, spoken.level
        return initial

    def clean(self):
        data = super().clean()
        for row in range(LANGUAGE_ROWS):
            code, level = data.get(f"language_{row}"), data.get(f"level_{row}")
            if bool(code) != bool(level):
                self.add_error(f"level_{row}", _("Give both the language and your level."))
        return data

    def languages(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data[f"language_{row}"], data[f"level_{row}"])
            for row in range(LANGUAGE_ROWS)
            if data.get(f"language_{row}") and data.get(f"level_{row}")
        ]

    def values(self) -> dict:
        data = self.cleaned_data
        names = (
            "language", "full_name", "organization", "organization_name", "themes", "biography",
            "years_of_experience", "conflict_topics", "available", "public_fields",
            "consent_to_be_listed", "expertise", "regions", "countries",
            "conflict_organizations", "conflict_countries",
        )  # fmt: skip
        return {name: data[name] for name in names}

    def language_rows(self):
        return [(self[f"language_{row}"], self[f"level_{row}"]) for row in range(LANGUAGE_ROWS)]

    def main_fields(self):
        return [field for field in self if not field.name.startswith(("language_", "level_"))]


class DecisionForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ExpertApplication.Status.IN_REVIEW, _("Start the review")),
            (ExpertApplication.Status.MORE_INFO, _("Ask for more information")),
            (ExpertApplication.Status.ACCEPTED, _("Accept")),
            (ExpertApplication.Status.DECLINED, _("Decline")),
        ],
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )
    internal = forms.BooleanField(
        label=_("For reviewers only (the applicant does not see it)"), required=False
    )


class ReviewForm(forms.Form):
    verdict = forms.ChoiceField(
        label=_("Verdict"), choices=ReviewAssignment.Verdict.choices, widget=forms.RadioSelect
    )
    score_relevance = forms.TypedChoiceField(
        label=_("Relevance to the GCM"), choices=SCORES, coerce=int
    )
    score_principles = forms.TypedChoiceField(
        label=_("Applies the guiding principles"), choices=SCORES, coerce=int
    )
    score_results = forms.TypedChoiceField(
        label=_("Evidence of results"), choices=SCORES, coerce=int
    )
    score_replicability = forms.TypedChoiceField(
        label=_("Replicability"), choices=SCORES, coerce=int
    )
    comments = forms.CharField(
        label=_("Comments"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000
    )

    def scores(self) -> dict:
        return {name: self.cleaned_data[f"score_{name}"] for name in CRITERIA}


class SupportRequestForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=300)
    description = forms.CharField(
        label=_("What support is needed"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all())
    objectives = ElementField(
        label=_("GCM objectives"),
        queryset=FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGE_CHOICES, required=False
    )
    start_date = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("start_date")
            and data.get("end_date")
            and data["end_date"] < data["start_date"]
        ):
            self.add_error("end_date", _("The end comes before the start."))
        return data


class RequestStatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Move to"), choices=SupportRequest.Status.choices[1:])
    outcome = forms.CharField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


class ExpertFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    objective = forms.ModelChoiceField(
        label=_("GCM objective"),
        queryset=FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE),
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *LANGUAGE_CHOICES], required=False
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.all(), required=False
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False
    )
    organization_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Any")), *OrganizationKind.choices],
        required=False,
    )

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}
