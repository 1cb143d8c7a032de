"""Forms of the workplan pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Organization
from nethub.library.models import Document
from nethub.meetings.models import Decision, Meeting
from nethub.workplan.models import Activity, AskUptake, Membership, Novelty, WorkingGroup

_DATE = forms.DateInput(attrs={"type": "date"})


class WorkplanForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=255)
    start_year = forms.IntegerField(
        label=_("from (year)"), min_value=2000, max_value=2100, required=False
    )
    end_year = forms.IntegerField(
        label=_("to (year)"), min_value=2000, max_value=2100, required=False
    )
    summary = forms.CharField(label=_("summary"), widget=forms.Textarea, required=False)


class PriorityForm(forms.Form):
    number = forms.CharField(label=_("number"), max_length=16)
    title = forms.CharField(label=_("title"), max_length=255)
    novelty = forms.ChoiceField(label=_("ongoing or new"), choices=Novelty.choices, required=False)
    description = forms.CharField(label=_("description"), widget=forms.Textarea, required=False)


class GroupForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=255)
    kind = forms.ChoiceField(label=_("kind"), choices=WorkingGroup.Kind.choices)
    priority = forms.ModelChoiceField(label=_("priority"), queryset=None, required=False)

    def __init__(self, *args, workplan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = workplan.priorities.all()


class OpenConsultationForm(forms.Form):
    opens_at = forms.DateTimeField(
        label=_("opens"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("closes"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class EndorseForm(forms.Form):
    endorsed_on = forms.DateField(label=_("endorsed on"), widget=_DATE)
    meeting = forms.ModelChoiceField(
        label=_("endorsed at"), queryset=Meeting.objects.select_related("series"), required=False
    )
    decision = forms.ModelChoiceField(
        label=_("decision"), queryset=Decision.objects.select_related("meeting"), required=False
    )
    note = forms.CharField(label=_("endorsement note"), widget=forms.Textarea, required=False)


class RequestForm(forms.Form):
    role = forms.ChoiceField(label=_("asks to be"), choices=Membership.Role.choices)
    note = forms.CharField(
        label=_("note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DecideForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("1", _("Accept")), ("0", _("Decline"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label=_("decision note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    group = forms.ModelChoiceField(
        label=_("working group or workstream"), queryset=WorkingGroup.objects.all(), required=False
    )


class MemberForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organization.objects.all()
    )
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role.choices)


class ActivityForm(forms.Form):
    title = forms.CharField(label=_("deliverable"), max_length=300)
    description = forms.CharField(
        label=_("description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    lead = forms.ModelChoiceField(
        label=_("lead"), queryset=Organization.objects.all(), required=False
    )
    contributors = forms.ModelMultipleChoiceField(
        label=_("contributors"), queryset=Organization.objects.all(), required=False
    )
    start_date = forms.DateField(label=_("start"), widget=_DATE, required=False)
    due_date = forms.DateField(label=_("due"), widget=_DATE, required=False)


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("progress note"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label=_("status"), choices=Activity.Status.choices)
    progress = forms.IntegerField(label=_("progress (%)"), min_value=0, max_value=100)


class MeetingLinkForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("meeting"), queryset=Meeting.objects.select_related("series")
    )


class DropForm(forms.Form):
    successor = forms.ModelChoiceField(label=_("continued as"), queryset=None, required=False)
    note = forms.CharField(label=_("note"), required=False, max_length=2000)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = (
            type(item)
            .objects.exclude(pk=item.pk)
            .exclude(status="dropped")
            .select_related("workplan")
        )


class DocumentLinkForm(forms.Form):
    document = forms.ModelChoiceField(
        label=_("document"), queryset=Document.objects.filter(status="ready")
    )


class GroupDocumentForm(DocumentLinkForm):
    terms_of_reference = forms.BooleanField(label=_("terms of reference"), required=False)


class UptakeForm(forms.Form):
    comment = forms.IntegerField(widget=forms.HiddenInput)
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)
    state = forms.ChoiceField(label=_("taken up?"), choices=AskUptake.State.choices, required=False)
    note = forms.CharField(label=_("where, or why not"), required=False, max_length=2000)
