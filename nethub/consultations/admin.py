"""Back office: the secretariat sets up consultations (dates, questions, document versions,
priorities). Comments are read here; moderation happens on the site, through the services,
so that every decision is audited and the author told."""

from django.contrib import admin

from nethub.consultations.models import (
    Comment,
    Consultation,
    DocumentVersion,
    ExpressionOfInterest,
    Question,
)
from nethub.consultations.sanitize import sanitize_html
from nethub.core.files import KeepsUploadName


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 1


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    form = KeepsUploadName
    readonly_fields = ["filename"]
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "participation", "moderation", "moderator"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]
    inlines = [QuestionInline, DocumentVersionInline]
    raw_id_fields = ["moderator"]

    def save_model(self, request, obj, form, change):
        obj.welcome = sanitize_html(obj.welcome) if obj.welcome else ""
        super().save_model(request, obj, form, change)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "consultation", "organization", "status", "created_at"]
    list_filter = ["status", "consultation"]
    search_fields = ["text", "organization__name"]
    list_select_related = ["consultation", "organization"]
    fields = [
        "consultation",
        "question",
        "parent",
        "author",
        "organization",
        "byline",
        "reply_to_label",
        "body",
        "status",
        "hidden_reason",
        "created_at",
        "edited_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(admin.ModelAdmin):
    list_display = ["organization", "target", "engagement", "consultation"]
    list_filter = ["consultation", "engagement"]
    list_select_related = ["organization", "consultation"]
