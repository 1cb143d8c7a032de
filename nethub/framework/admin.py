"""Back office for the GCM framework and the tags on records."""

from django.contrib import admin

from nethub.framework.models import FrameworkElement, Tagging


@admin.register(FrameworkElement)
class FrameworkElementAdmin(admin.ModelAdmin):
    list_display = ["kind", "code", "short_title", "title", "position"]
    list_filter = ["kind"]
    search_fields = ["code", "title", "short_title", "description"]
    filter_horizontal = ["groups"]


@admin.register(Tagging)
class TaggingAdmin(admin.ModelAdmin):
    list_display = [
        "element",
        "content_type",
        "object_id",
        "status",
        "score",
        "tagged_by",
        "created_at",
    ]
    list_filter = ["status", "element__kind", "content_type"]
    list_select_related = ["element", "content_type", "tagged_by"]
    raw_id_fields = ["element", "tagged_by"]
