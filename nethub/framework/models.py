"""The GCM reference framework, and the one generic way any record is tagged with it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.i18n import translated


class ElementKind(models.TextChoices):
    OBJECTIVE = "objective", _("GCM objective")
    PRINCIPLE = "principle", _("Guiding principle")
    THEMATIC_AREA = "thematic_area", _("Migration MPTF thematic area")
    SDG_TARGET = "sdg_target", _("SDG target")


class FrameworkElement(models.Model):
    """One element of the framework: a GCM objective, a guiding principle, an MPTF thematic
    area or an SDG target. One table, so that tagging works the same for each kind."""

    kind = models.CharField(_("kind"), max_length=16, choices=ElementKind.choices)
    code = models.CharField(
        _("code"), max_length=16, help_text=_("Objective or principle number, SDG target code.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    translations = models.JSONField(
        _("titles in other languages"),
        default=dict,
        blank=True,
        help_text=_('By language: {"fr": {"title": "…", "short_title": "…"}}.'),
    )
    groups = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="grouped_in",
        help_text=_("For a thematic area: the GCM objectives it groups."),
    )

    class Meta:
        ordering = ["kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="framework_element_unique_code")
        ]
        verbose_name = _("framework element")
        verbose_name_plural = _("framework elements")

    def __str__(self) -> str:
        return f"{self.label}: {self.local_short_title or self.local_title}"

    def get_absolute_url(self) -> str:
        return reverse("framework:element_detail", args=[self.kind, self.code])

    @property
    def local_title(self) -> str:
        """The title in the reader's language (the official GCM wording where there is one)."""
        return translated(self.translations, "title", self.title)

    @property
    def local_short_title(self) -> str:
        return translated(self.translations, "short_title", self.short_title)

    @property
    def label(self) -> str:
        prefix = {
            ElementKind.OBJECTIVE: _("Objective"),
            ElementKind.PRINCIPLE: _("Principle"),
            ElementKind.THEMATIC_AREA: _("Thematic area"),
            ElementKind.SDG_TARGET: _("SDG"),
        }[self.kind]
        return f"{prefix} {self.code}"


class Tagging(models.Model):
    """A record tagged with a framework element: suggested by nethub (with a score) or
    confirmed by a person."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")

    element = models.ForeignKey(FrameworkElement, on_delete=models.CASCADE, related_name="taggings")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    tagged = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED
    )
    score = models.FloatField(_("score"), null=True, blank=True)
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["element__kind", "element__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["element", "content_type", "object_id"], name="tagging_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("tagging")
        verbose_name_plural = _("taggings")

    def __str__(self) -> str:
        return f"{self.element.label} on {self.content_type.model} #{self.object_id}"
