"""The Connection Hub roster: experts' applications, the peer reviews they do, and the support
requests Member States make of them.

An application that the secretariat accepts makes its applicant an expert: the roster is the list
of accepted applications (one record, no second model of an expert)."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.conf.global_settings import LANGUAGES as WORLD_LANGUAGES
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.models import StatusStep, TimeStampedModel
from nethub.ingest.storage import StoredFileField

# What an expert may show the public; the rest is for signed-in network members only.
PUBLIC_FIELD_CHOICES = [
    ("name", _("Name")),
    ("organization", _("Organisation")),
    ("expertise", _("Expertise (GCM objectives and principles)")),
    ("languages", _("Languages")),
    ("regions", _("Regions and countries of experience")),
    ("biography", _("Summary of expertise")),
]

# Languages an expert may speak: every language Django names (in the reader's language).
LANGUAGE_CHOICES = sorted(WORLD_LANGUAGES, key=lambda pair: pair[0])
APPLICATION_LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]


# Kept for the migrations that name it; new files are named by ingest.storage.RandomName.
def cv_upload_to(instance, filename: str) -> str:
    # A random name: the uploader's file name is kept apart and never used as a path.
    return f"roster/cv/{secrets.token_hex(16)}"


class ExpertApplication(TimeStampedModel):
    """One person's application to the roster, from draft to decision; accepted, it is their
    roster entry, which they keep up to date and confirm at each renewal."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        MORE_INFO = "more_info", _("More information requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    applicant = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="roster_application",
    )
    language = models.CharField(
        _("language of the application"), max_length=2, choices=APPLICATION_LANGUAGES, default="en"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roster_experts",
    )
    organization_name = models.CharField(
        _("organisation as written"),
        max_length=255,
        blank=True,
        help_text=_("Kept as the applicant wrote it when it is not in the directory."),
    )
    expertise = models.ManyToManyField(
        "framework.FrameworkElement",
        verbose_name=_("expertise"),
        blank=True,
        related_name="roster_experts",
    )
    themes = models.CharField(_("cross-cutting themes"), max_length=500, blank=True)
    biography = models.TextField(_("summary of expertise"), blank=True)
    regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("regions of experience"), blank=True, related_name="+"
    )
    countries = models.ManyToManyField(
        "directory.Country",
        verbose_name=_("countries of experience"),
        blank=True,
        related_name="roster_experts",
    )
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True
    )
    cv = StoredFileField(_("CV"), folder="roster/cv", max_length=255, blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=255, blank=True)
    cv_type = models.CharField(_("CV type"), max_length=100, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    # The meaning of summary, themes and CV as one sentence embedding (search.embeddings),
    # computed on the task worker; empty where semantic search is off.
    profile_vector = models.BinaryField(
        _("profile embedding"), null=True, blank=True, editable=False
    )
    conflict_organizations = models.ManyToManyField(
        "directory.Organization",
        verbose_name=_("conflicts of interest: organisations"),
        blank=True,
        related_name="+",
    )
    conflict_countries = models.ManyToManyField(
        "directory.Country",
        verbose_name=_("conflicts of interest: countries"),
        blank=True,
        related_name="+",
    )
    conflict_topics = models.CharField(
        _("conflicts of interest: topics"), max_length=500, blank=True
    )
    consent_to_be_listed = models.BooleanField(
        _("I agree to be listed on the roster"), default=False
    )
    public_fields = models.JSONField(_("shown to the public"), default=list, blank=True)
    available = models.BooleanField(_("available for assignments"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    renewal_due = models.DateField(_("details to be confirmed by"), null=True, blank=True)
    renewal_reminded_at = models.DateTimeField(_("renewal reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("expert application")
        verbose_name_plural = _("expert applications")
        indexes = [models.Index(fields=["status", "full_name"])]

    def __str__(self) -> str:
        return self.full_name or str(self.applicant)

    def get_absolute_url(self) -> str:
        return reverse("roster:expert_detail", args=[self.pk])

    @property
    def is_expert(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_internal(self) -> bool:
        """A UN entity's expert: the 'internal' reviewer of a peer review."""
        return bool(self.organization and self.organization.kind == "un_entity")

    @property
    def organization_label(self) -> str:
        return str(self.organization) if self.organization else self.organization_name

    def renewal_is_due(self, today: datetime.date | None = None) -> bool:
        today = today or datetime.date.today()
        return bool(self.is_expert and self.renewal_due and self.renewal_due <= today)

    def profile_text(self) -> str:
        return "\n".join(p for p in (self.biography, self.themes, self.cv_text[:4000]) if p)

    def shows_publicly(self, field: str) -> bool:
        return self.consent_to_be_listed and field in (self.public_fields or [])


class ExpertLanguage(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", _("Basic")
        WORKING = "working", _("Working knowledge")
        FLUENT = "fluent", _("Fluent")
        NATIVE = "native", _("Native")

    application = models.ForeignKey(
        ExpertApplication, on_delete=models.CASCADE, related_name="languages"
    )
    code = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)

    class Meta:
        ordering = ["application", "code"]
        constraints = [
            models.UniqueConstraint(fields=["application", "code"], name="roster_language_once")
        ]
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.get_level_display()})"


class ApplicationStep(StatusStep):
    """One step of an application's review, with the note to the applicant (or, `internal`,
    for reviewers only)."""

    statuses = ExpertApplication.Status

    application = models.ForeignKey(
        ExpertApplication, on_delete=models.CASCADE, related_name="steps"
    )
    internal = models.BooleanField(_("reviewers only"), default=False)

    class Meta(StatusStep.Meta):
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


class ReviewAssignment(TimeStampedModel):
    """An expert asked to peer-review one item (a practice, or a library document on request)
    against the network's criteria."""

    class Seat(models.TextChoices):
        INTERNAL = "internal", _("Internal (UN entity)")
        EXTERNAL = "external", _("External")
        THIRD = "third", _("Third reviewer")

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        SUBMITTED = "submitted", _("Review submitted")

    class Verdict(models.TextChoices):
        RECOMMEND = "recommend", _("Recommend publication")
        CHANGES = "changes", _("Recommend after changes")
        REJECT = "reject", _("Do not recommend")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    expert = models.ForeignKey(
        ExpertApplication,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    seat = models.CharField(_("seat"), max_length=10, choices=Seat.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    due_date = models.DateField(_("review due"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices, blank=True)
    # The network's criteria for practices, each scored 1 (weak) to 5 (strong).
    score_relevance = models.PositiveSmallIntegerField(_("relevance to the GCM"), null=True)
    score_principles = models.PositiveSmallIntegerField(
        _("applies the guiding principles"), null=True
    )
    score_results = models.PositiveSmallIntegerField(_("evidence of results"), null=True)
    score_replicability = models.PositiveSmallIntegerField(_("replicability"), null=True)
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "expert"], name="roster_review_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.expert} → {self.content_type.model} {self.object_id}"

    def get_absolute_url(self) -> str:
        return reverse("roster:assignment_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.INVITED, self.Status.ACCEPTED}

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or datetime.date.today()
        return bool(self.is_open and self.due_date and self.due_date < today)


class SupportRequest(TimeStampedModel):
    """A Member State's request for an expert's support, tracked to its end."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PROPOSED = "proposed", _("Experts proposed")
        ACCEPTED = "accepted", _("Expert accepted")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        CLOSED = "closed", _("Closed without support")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="roster_requests",
    )
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("what support is needed"), blank=True)
    objectives = models.ManyToManyField(
        "framework.FrameworkElement", verbose_name=_("GCM objectives"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        return reverse("roster:request_detail", args=[self.pk])


class Proposal(models.Model):
    """An expert the secretariat proposed for a support request, with why they fit."""

    request = models.ForeignKey(SupportRequest, on_delete=models.CASCADE, related_name="proposals")
    expert = models.ForeignKey(ExpertApplication, on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(_("match score"), default=0)
    explanation = models.JSONField(_("why"), default=list, blank=True)
    accepted = models.BooleanField(_("accepted by the requester"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="roster_propose_once")
        ]
        verbose_name = _("proposed expert")
        verbose_name_plural = _("proposed experts")

    def __str__(self) -> str:
        return f"{self.expert} for {self.request}"
