"""Forms of the fund's pages; each hands its cleaned data to a service."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.core.widgets import PlainSelect
from nethub.directory.models import Organization
from nethub.fund.models import (
    Contribution,
    FundingWindow,
    ImportBatch,
    Membership,
    Programme,
    Stage,
)

DATE = forms.DateInput(attrs={"type": "date"})


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "reference",
            "title",
            "summary",
            "window",
            "thematic_area",
            "countries",
            "region",
            "convening_organization",
            "participating_entities",
            "partners",
            "currency",
            "usd_rate",
            "requested_budget",
            "approved_budget",
            "duration_months",
            "start_date",
            "gender_marker",
            "human_rights_marker",
            "gcm_elements",
            "documents",
            "submitted_on",
            "is_published",
        ]
        widgets = {"start_date": DATE, "submitted_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        un = Organization.objects.filter(kind="un_entity")
        self.fields["convening_organization"].queryset = un
        self.fields["participating_entities"].queryset = un
        if self.instance.pk:
            self.fields["reference"].disabled = True

    def clean_currency(self):
        value = self.cleaned_data["currency"].strip().upper()
        if len(value) != 3 or not value.isalpha():
            raise forms.ValidationError(_("A three-letter currency code, e.g. USD."))
        return value


class TransitionForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    effective_on = forms.DateField(label=_("Effective"), required=False, widget=DATE)
    allocation_usd = forms.DecimalField(
        label=_("Allocation (USD)"),
        required=False,
        max_digits=16,
        decimal_places=2,
        min_value=0,
        help_text=_("When funding: the amount transferred; the approved budget if empty."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (stage, Stage(stage).label)
            for stage in programme.next_stages()
            if stage != Stage.SELECTED
        ]


class ProgressForm(forms.Form):
    progress = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 4}))
    progress_percent = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, required=False
    )


class ContributionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = [
            "reference",
            "donor",
            "kind",
            "date",
            "received_on",
            "amount",
            "currency",
            "usd_rate",
            "window",
            "earmarking",
            "earmarked_thematic_area",
            "note",
        ]
        widgets = {"date": DATE, "received_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def clean_currency(self):
        value = self.cleaned_data["currency"].strip().upper()
        if len(value) != 3 or not value.isalpha():
            raise forms.ValidationError(_("A three-letter currency code, e.g. USD."))
        return value


class SelectionForm(forms.Form):
    """A Steering Committee decision selecting programmes from the pipeline."""

    meeting_date = forms.DateField(label=_("Date of the Steering Committee meeting"), widget=DATE)
    text = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    programmes = forms.ModelMultipleChoiceField(
        label=_("Programmes selected"),
        queryset=Programme.objects.filter(stage=Stage.PIPELINE),
        widget=forms.CheckboxSelectMultiple,
    )


class TargetForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2018, max_value=2100)
    window = forms.ModelChoiceField(
        label=_("Funding window"),
        queryset=FundingWindow.objects.all(),
        required=False,
        empty_label=_("Whole fund"),
        widget=PlainSelect,  # on the dashboard of every visit by the secretariat
    )
    amount_usd = forms.DecimalField(
        label=_("Target (USD)"), max_digits=16, decimal_places=2, min_value=0
    )


class PositionForm(forms.Form):
    on = forms.DateField(label=_("Position on"), widget=DATE, required=False)

    def day(self) -> datetime.date:
        if self.is_valid() and self.cleaned_data.get("on"):
            return self.cleaned_data["on"]
        return datetime.date.today()


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_("The first row names the columns, as in the template."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class MembershipForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.order_by("name")
    )
    seat = forms.ChoiceField(label=_("Seat"), choices=Membership.Seat.choices)
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("To"), widget=DATE, required=False)


class RotationForm(forms.Form):
    date = forms.DateField(label=_("Date of the rotation"), widget=DATE)
    seat = forms.ChoiceField(label=_("Seat"), choices=Membership.Seat.choices)
    leaving = forms.ModelMultipleChoiceField(
        label=_("Leaving"),
        queryset=Organization.objects.filter(
            steering_committee_seats__end_date__isnull=True
        ).distinct(),
    )
    joining = forms.ModelMultipleChoiceField(
        label=_("Joining"), queryset=Organization.objects.order_by("name")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)


class AllocationForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    amount_usd = forms.DecimalField(
        label=_("Amount (USD)"), max_digits=16, decimal_places=2, min_value=Decimal("0.01")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)
