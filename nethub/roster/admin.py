from django.contrib import admin

from nethub.roster.models import ExpertApplication, ReviewAssignment, SupportRequest


@admin.register(ExpertApplication)
class ExpertApplicationAdmin(admin.ModelAdmin):
    list_display = ("full_name", "organization", "status", "language", "renewal_due")
    list_filter = ("status", "language")
    search_fields = ("full_name", "biography")
    readonly_fields = ("cv_text", "status")


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ("expert", "content_type", "object_id", "seat", "status", "verdict")
    list_filter = ("status", "seat")


@admin.register(SupportRequest)
class SupportRequestAdmin(admin.ModelAdmin):
    list_display = ("topic", "country", "status", "created_at")
    list_filter = ("status",)
