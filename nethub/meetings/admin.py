from django.contrib import admin

from nethub.core.files import KeepsUploadName
from nethub.meetings.models import (
    ActionPoint,
    AgendaItem,
    BackgroundDocument,
    Decision,
    Meeting,
    MeetingSeries,
    Participant,
    TrackerEmailOptOut,
)


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    prepopulated_fields = {"slug": ["name"]}


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields: list[str] = []
    raw_id_fields = ["person", "organization"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "series"]
    list_filter = ["series"]
    search_fields = ["title"]
    inlines = [ParticipantInline]
    readonly_fields = ["source_checksum", "source_text"]


class BackgroundDocumentInline(admin.TabularInline):
    model = BackgroundDocument
    form = KeepsUploadName
    readonly_fields = ["filename"]
    extra = 0


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "position"]
    inlines = [BackgroundDocumentInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["text", "meeting"]


@admin.register(ActionPoint)
class ActionPointAdmin(admin.ModelAdmin):
    """Status changes go through the tracker so they keep their history; here it is read-only."""

    list_display = ["text", "owner", "due_date", "status", "meeting"]
    list_filter = ["status", "meeting"]
    search_fields = ["text", "owner"]
    readonly_fields = ["status", "proposed_due_date", "proposed_due_date_by"]
    raw_id_fields = ["owner_organization", "agenda_item", "meeting"]
    filter_horizontal = ["reported_in"]


@admin.register(TrackerEmailOptOut)
class TrackerEmailOptOutAdmin(admin.ModelAdmin):
    """Who stopped action-point e-mails (they change it themselves from the link in each)."""

    list_display = ["user", "created_at"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]
