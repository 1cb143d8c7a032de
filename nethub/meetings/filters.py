"""The action tracker's filters (django-filter): owner, status, meeting, due dates, GCM
objective, overdue, and "my organisation"."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nethub.directory.models import Organization
from nethub.directory.selectors import OrganizationResolver
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.meetings.models import ActionPoint, ActionPointStatus, Meeting
from nethub.meetings.selectors import OPEN_STATUSES


class ActionPointFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label=_("Text"))
    owner = django_filters.CharFilter(
        method="filter_owner",
        label=_("Owner"),
        widget=forms.TextInput(attrs={"list": "owner-options", "autocomplete": "off"}),
    )
    status = django_filters.MultipleChoiceFilter(
        choices=ActionPointStatus.choices,
        label=_("Status"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-row"}),
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.select_related("series"), label=_("Meeting")
    )
    due_after = django_filters.DateFilter(
        field_name="due_date",
        lookup_expr="gte",
        label=_("Due from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    due_before = django_filters.DateFilter(
        field_name="due_date",
        lookup_expr="lte",
        label=_("Due until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    objective = django_filters.ModelChoiceFilter(
        queryset=FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).order_by("position"),
        method="filter_objective",
        label=_("GCM objective"),
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label=_("Overdue only"), widget=forms.CheckboxInput()
    )
    # Meetings a working group held (workplan's WorkingGroup.meetings; meetings imports nothing
    # of it). Linked from the group's page.
    working_group = django_filters.NumberFilter(
        field_name="meeting__working_groups", label=_("Working group"), widget=forms.HiddenInput
    )
    proposed = django_filters.BooleanFilter(
        method="filter_proposed", label=_("New due date proposed"), widget=forms.CheckboxInput()
    )
    mine = django_filters.BooleanFilter(
        method="filter_mine", label=_("My organisation's only"), widget=forms.CheckboxInput()
    )

    class Meta:
        model = ActionPoint
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._owners: dict[str, Organization | None] = {}
        self.owner_organization: Organization | None = None

    def filter_queryset_without(self, *names: str, queryset):
        """`queryset` with every filter applied but those named (the tracker's counts leave
        out status and overdue). Call after `.qs`; an invalid form filters nothing."""
        if not self.is_bound or not self.is_valid():
            return queryset
        for name, value in self.form.cleaned_data.items():
            if name not in names:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_owner(self, queryset, name, value):
        """An organisation by its slug, or by any name the directory knows for it, in any
        case ("UNHCR", "unhcr", "ACNUR"); else the owner as the summary wrote it."""
        value = value.strip()
        if value not in self._owners:
            organization = Organization.objects.filter(slug=value).first()
            if organization is None and value:
                resolver = OrganizationResolver()
                organization = resolver.resolve(value) or resolver.resolve(value.upper())
            self._owners[value] = organization
        organization = self._owners[value]
        self.owner_organization = organization
        if organization:
            return queryset.filter(owner_organization=organization)
        return queryset.filter(owner__icontains=value)

    def filter_objective(self, queryset, name, value):
        return queryset.filter(taggings__element=value, taggings__status="confirmed").distinct()

    def filter_overdue(self, queryset, name, value):
        if value:
            return queryset.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate())
        return queryset

    def filter_proposed(self, queryset, name, value):
        """Points whose new due date, proposed by a focal point, waits for the secretariat."""
        return queryset.filter(proposed_due_date__isnull=False) if value else queryset

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if value and user and user.is_authenticated and user.organization_id:
            return queryset.filter(owner_organization_id=user.organization_id)
        if value:
            return queryset.none()
        return queryset
