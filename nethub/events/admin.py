"""Back office for the calendar."""

from django.contrib import admin

from nethub.events.models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    readonly_fields = ("user", "status", "created_at", "reminded_at")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "starts_at", "timezone", "audience", "status")
    list_filter = ("kind", "audience", "status")
    search_fields = ("title",)
    inlines = [RegistrationInline]
