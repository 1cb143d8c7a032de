"""Forms of the GCM review cycle."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Country, Organization, Region
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.ingest.forms import read_upload
from nethub.library.models import LanguageChoices
from nethub.reviews.models import Fact, Pledge, VoluntaryReview

LANGUAGES = [(code, label) for code, label in LanguageChoices.choices if code]


class ObjectiveField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: FrameworkElement) -> str:
        return f"{obj.code}. {obj.short_title or obj.title}"


def _objectives():
    return FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).order_by("position")


class ReviewSubmitForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Member State"), queryset=Country.objects.filter(is_un_member=True)
    )
    year = forms.IntegerField(label=_("Year"), min_value=2018)
    title = forms.CharField(label=_("Title"), max_length=300)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Detect automatically"))] + LANGUAGES, required=False
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(label=_("Document (PDF or DOCX)"))
    objectives = ObjectiveField(
        label=_("GCM objectives reported on"),
        queryset=_objectives(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Others are suggested from the text; you or the secretariat confirm them."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.now().year
        self.fields["year"].max_value = timezone.now().year + 1
        from nethub.core.predicates import is_secretariat

        if user is not None and not is_secretariat(user):
            own = getattr(getattr(user, "organization", None), "country_id", None)
            self.fields["country"].queryset = Country.objects.filter(pk=own)
            self.fields["country"].initial = own

    def clean_file(self):
        return read_upload(self.cleaned_data["file"])


class ReviewFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.filter(level="region"), required=False,
        to_field_name="slug",
    )  # fmt: skip
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2018, max_value=2100)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any"))] + LANGUAGES, required=False
    )
    objective = forms.ModelChoiceField(
        label=_("GCM objective"), queryset=_objectives(), required=False
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("country", _("Country")),
        ],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "region": data["region"].slug if data.get("region") else "",
            "year": data.get("year"),
            "language": data.get("language") or "",
            "objective": data["objective"].pk if data.get("objective") else None,
            "sort": data.get("sort") or "",
        }


class PledgeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("Pledge"), widget=forms.Textarea(attrs={"rows": 5}))
    pledger = forms.ModelChoiceField(
        label=_("Pledger"), queryset=Organization.objects.all(), required=False,
        help_text=_("The secretariat may record a pledge for another organisation."),
    )  # fmt: skip
    is_joint = forms.BooleanField(label=_("Joint pledge (entities opt in)"), required=False)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    objectives = ObjectiveField(label=_("GCM objectives"), queryset=_objectives(), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from nethub.core.predicates import is_secretariat
        from nethub.reviews.models import Forum

        self.fields["forum"] = forms.ModelChoiceField(
            label=_("Made at"), queryset=Forum.objects.order_by("-start_date"), required=False
        )
        if user is not None and not is_secretariat(user):
            del self.fields["pledger"]
            del self.fields["is_joint"]


class PledgeUpdateForm(forms.Form):
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label=_("Status"), choices=Pledge.Status.choices)


class FactDecisionForm(forms.Form):
    series = forms.SlugField(label=_("What is counted"), max_length=80, required=False)
    label = forms.CharField(label=_("Label"), max_length=200, required=False)
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=2, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    is_headline = forms.BooleanField(label=_("Headline figure"), required=False)
    status = forms.ChoiceField(
        choices=[(Fact.Status.CONFIRMED, _("Confirm")), (Fact.Status.REJECTED, _("Reject"))]
    )


REVIEW_STATUS_ACTIONS = {
    "publish": VoluntaryReview.Status.PUBLISHED,
    "feature": VoluntaryReview.Status.FEATURED,
    "unfeature": VoluntaryReview.Status.PUBLISHED,
    "withdraw": VoluntaryReview.Status.SUBMITTED,
}


def _ready_documents():
    from nethub.library.models import Document

    return Document.objects.filter(status=Document.Status.READY).order_by("-date", "title")


class ForumForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[])
    title = forms.CharField(label=_("Title"), max_length=300)
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.filter(level="region"), required=False
    )
    start_date = forms.DateField(
        label=_("Starts"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end_date = forms.DateField(
        label=_("Ends"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_is_approximate = forms.BooleanField(label=_("Month only"), required=False)
    host = forms.CharField(label=_("Host"), max_length=300, required=False)
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    co_facilitators = forms.ModelMultipleChoiceField(
        label=_("Co-facilitators"),
        queryset=Country.objects.filter(is_un_member=True),
        required=False,
    )
    roundtables = forms.CharField(
        label=_("Roundtables"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One title a line, in order."),
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        from nethub.reviews.models import Forum

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Forum.Kind.choices
        self.fields["documents"] = forms.ModelMultipleChoiceField(
            label=_("Documents"), queryset=_ready_documents(), required=False
        )
        self.fields["outcome_document"] = forms.ModelChoiceField(
            label=_("Outcome document"), queryset=_ready_documents(), required=False,
            help_text=_("For the IMRF: the Progress Declaration."),
        )  # fmt: skip

    def clean_roundtables(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["roundtables"].splitlines() if line.strip()
        ]


class SGReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_is_approximate = forms.BooleanField(label=_("Month only"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    source = forms.CharField(label=_("Source"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        from nethub.reviews.models import Forum

        super().__init__(*args, **kwargs)
        self.fields["document"] = forms.ModelChoiceField(
            label=_("Document"), queryset=_ready_documents(), required=False
        )
        self.fields["inputs"] = forms.ModelMultipleChoiceField(
            label=_("Inputs collected"), queryset=_ready_documents(), required=False
        )
        self.fields["forum"] = forms.ModelChoiceField(
            label=_("Prepared for"), queryset=Forum.objects.order_by("-start_date"), required=False
        )
