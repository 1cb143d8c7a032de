from django.contrib import admin

from nethub.library.models import Document, Practice, PracticeReviewEvent


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "date", "language", "status")
    list_filter = ("kind", "status", "language")
    search_fields = ("title", "summary")
    readonly_fields = ("text", "status", "progress", "progress_step", "error", "mime_type")
    filter_horizontal = ("organizations", "countries", "regions")


class ReviewEventInline(admin.TabularInline):
    model = PracticeReviewEvent
    extra = 0
    readonly_fields = ("actor", "from_status", "to_status", "note", "occurred_at")
    can_delete = False


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ("title", "organization", "status", "implementation", "published_at")
    list_filter = ("status", "implementation")
    search_fields = ("title", "summary")
    readonly_fields = ("status", "published_at", "attachment_text")
    inlines = [ReviewEventInline]
