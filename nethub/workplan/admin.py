"""Back office for the workplan: records are read and corrected here; pages and services do
the day-to-day work so that decisions are audited."""

from django.contrib import admin

from nethub.workplan.models import Activity, MembershipRequest, Priority, WorkingGroup, Workplan


@admin.register(Workplan)
class WorkplanAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "start_year", "end_year", "endorsed_on"]
    search_fields = ["title"]
    raw_id_fields = ["consultation", "endorsed_at", "endorsement_decision", "previous"]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["__str__", "workplan", "novelty", "status"]
    list_filter = ["workplan"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "workplan", "priority", "status"]
    list_filter = ["workplan", "kind"]
    raw_id_fields = ["terms_of_reference", "successor", "priority"]
    filter_horizontal = ["meetings", "documents"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "status", "progress", "due_date"]
    list_filter = ["status"]
    raw_id_fields = ["group", "lead"]


@admin.register(MembershipRequest)
class MembershipRequestAdmin(admin.ModelAdmin):
    list_display = ["organization", "group", "priority", "role", "status"]
    list_filter = ["status"]
    raw_id_fields = ["organization", "group", "priority", "interest"]
