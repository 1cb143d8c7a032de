"""Back office: the fund's records to look up. Writes that carry rules (stages, money) go
through the fund's pages and services, so these are read-only here."""

from django.contrib import admin

from nethub.fund.models import (
    Allocation,
    Contribution,
    FundingTarget,
    FundingWindow,
    Membership,
    Programme,
    Rotation,
    Transition,
)


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Programme)
class ProgrammeAdmin(ReadOnly):
    list_display = ["reference", "title", "stage", "thematic_area", "requested_usd"]
    list_filter = ["stage", "thematic_area", "is_published"]
    search_fields = ["reference", "title"]


@admin.register(Contribution)
class ContributionAdmin(ReadOnly):
    list_display = ["reference", "donor", "kind", "date", "amount", "currency", "amount_usd"]
    list_filter = ["kind", "currency"]
    search_fields = ["reference", "donor__name"]


for model in (Allocation, FundingTarget, FundingWindow, Membership, Rotation, Transition):
    admin.site.register(model, ReadOnly)
