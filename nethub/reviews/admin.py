"""Back office for the review cycle: read and correct; state changes go through the pages
(services), which keep the audit trail."""

from django.contrib import admin

from nethub.reviews.models import Fact, Forum, Pledge, Roundtable, SGReport, VoluntaryReview


@admin.register(VoluntaryReview)
class VoluntaryReviewAdmin(admin.ModelAdmin):
    list_display = ("title", "country", "year", "language", "status")
    list_filter = ("status", "year", "language")
    search_fields = ("title", "country__name")
    readonly_fields = ("status", "published_at", "featured_at", "text", "submitted_by")
    list_select_related = ("country",)


class RoundtableInline(admin.TabularInline):
    model = Roundtable
    extra = 0


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "start_date", "region")
    list_filter = ("kind",)
    inlines = [RoundtableInline]
    autocomplete_fields = ()


@admin.register(SGReport)
class SGReportAdmin(admin.ModelAdmin):
    list_display = ("title", "date")


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = ("title", "pledger", "is_joint", "status", "date")
    list_filter = ("status", "is_joint")


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ("label", "value", "unit", "date", "status", "is_headline", "source_title")
    list_filter = ("status", "series", "is_headline")
    readonly_fields = ("status", "decided_by", "sentence", "start", "end", "rule")
