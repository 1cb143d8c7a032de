"""The audit trail in the back office: read-only, as history must not be rewritten."""

from django.contrib import admin

from nethub.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = [
        "occurred_at",
        "actor",
        "action",
        "content_type",
        "object_id",
        "field",
        "old_value",
        "new_value",
    ]
    list_filter = ["action", "content_type"]
    search_fields = ["action", "field", "old_value", "new_value", "comment", "actor__username"]
    list_select_related = ["actor", "content_type"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
