"""The Knowledge Platform: documents (statements, briefs, reviews, summaries…) and practices."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.background import BackgroundWork
from nethub.core.models import StatusStep, TimeStampedModel
from nethub.core.searchable import SearchDocument
from nethub.ingest.storage import StoredFileField


class DocumentKind(models.TextChoices):
    STATEMENT = "statement", _("Statement")
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    POSITION_PAPER = "position_paper", _("Position paper")
    GCM_REVIEW = "gcm_review", _("Voluntary GCM review")
    MEETING_SUMMARY = "meeting_summary", _("Meeting summary")
    REPORT = "report", _("Report")
    PRACTICE = "practice", _("Practice")
    OTHER = "other", _("Other")


class LanguageChoices(models.TextChoices):
    """Languages a record may be written in; the interface itself is in en, fr and es."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    PORTUGUESE = "pt", _("Portuguese")
    GERMAN = "de", _("German")
    UNKNOWN = "", _("Unknown")


# Kept for the migrations that name it; new files are named by ingest.storage.RandomName.
def document_upload_to(instance: Document, filename: str) -> str:
    # A random folder: files are served through views that check permissions, and their
    # storage names must not be guessable.
    return f"library/documents/{uuid.uuid4().hex}/{filename}"


def practice_upload_to(instance: Practice, filename: str) -> str:
    return f"library/practices/{uuid.uuid4().hex}/{filename}"


class Document(BackgroundWork, TimeStampedModel):
    """A document of the library. It is created in state "processing" when its file is
    uploaded; a background task extracts its text and makes it "ready", or "failed" (then it
    keeps no text, no file and no tags, only the reason, and is shown to nobody but its
    uploader and the secretariat)."""

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(
        _("kind"), max_length=32, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=LanguageChoices.choices, blank=True
    )
    detected_language = models.CharField(_("detected language"), max_length=8, blank=True)
    organizations = models.ManyToManyField(
        "directory.Organization",
        verbose_name=_("organisations"),
        blank=True,
        related_name="library_documents",
    )
    countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )
    regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    file = StoredFileField(_("file"), folder="library/documents", max_length=255, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    mime_type = models.CharField(_("file type"), max_length=100, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    text = models.TextField(_("extracted text"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROCESSING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    progress_step = models.CharField(_("step"), max_length=120, blank=True)
    error = models.TextField(_("error"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_documents",
    )
    source_key = models.CharField(
        _("source key"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_("Identifies an imported document, so that importing it again updates it."),
    )
    taggings = GenericRelation("framework.Tagging")
    # Who may confirm, remove or add its GCM tags in the framework's tag editor.
    tag_permission = "library.tag_document"

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["status", "kind"]),
            # The library's list: ready documents, newest first.
            models.Index(fields=["status", "-date", "-created_at"], name="library_doc_list"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:document_detail", args=[self.pk])

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    def full_text(self) -> str:
        return "\n\n".join(part for part in (self.title, self.summary, self.text) if part)

    def tag_suggestion_text(self) -> str:
        return self.full_text() if self.status == self.Status.READY else ""

    @classmethod
    def search_queryset(cls):
        return cls.objects.prefetch_related(
            "organizations", "countries", "regions", "taggings__element"
        )

    def search_document(self) -> SearchDocument | None:
        if self.status != self.Status.READY:
            return None
        return SearchDocument(
            kind="document",
            title=self.title,
            text=self.full_text(),
            url=self.get_absolute_url(),
            language=self.language,
            date=self.date,
            organizations=[org.slug for org in self.organizations.all()],
            countries=[country.iso2 for country in self.countries.all()],
            regions=[region.slug for region in self.regions.all()],
            objectives=_confirmed_objectives(self),
            organization_kinds=sorted({org.kind for org in self.organizations.all()}),
        )


class Practice(TimeStampedModel):
    """A practice submitted by a registered user, following the network's criteria: linked to
    GCM objectives and guiding principles, completed or under way, replicable. It is public
    once the secretariat has published it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Approved and published")
        DECLINED = "declined", _("Declined")

    class Implementation(models.TextChoices):
        COMPLETED = "completed", _("Completed")
        ONGOING = "ongoing", _("Under way")

    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences."))
    description = models.TextField(
        _("what was done"), help_text=_("The practice: who did what, where, with whom.")
    )
    results = models.TextField(
        _("results"), blank=True, help_text=_("What changed for migrants and communities.")
    )
    replicability = models.TextField(
        _("how it can be replicated"),
        help_text=_("What another country or organisation needs to do the same."),
    )
    implementation = models.CharField(
        _("implementation"), max_length=16, choices=Implementation.choices
    )
    start_year = models.PositiveSmallIntegerField(_("started in"), null=True, blank=True)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="library_practices",
    )
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("countries"), blank=True, related_name="+"
    )
    regions = models.ManyToManyField(
        "directory.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )
    attachment = StoredFileField(
        _("attachment (PDF)"), folder="library/practices", max_length=255, blank=True
    )
    attachment_name = models.CharField(_("attachment name"), max_length=255, blank=True)
    attachment_text = models.TextField(_("attachment text"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=LanguageChoices.choices, blank=True
    )
    detected_language = models.CharField(_("detected language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="library_practices",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    source_key = models.CharField(_("source key"), max_length=200, blank=True, db_index=True)
    taggings = GenericRelation("framework.Tagging")
    # Who may confirm, remove or add its GCM tags in the framework's tag editor.
    tag_permission = "library.tag_practice"

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:practice_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def full_text(self) -> str:
        parts = (
            self.title,
            self.summary,
            self.description,
            self.results,
            self.replicability,
            self.attachment_text,
        )
        return "\n\n".join(part for part in parts if part)

    def tag_suggestion_text(self) -> str:
        # Suggested while in review too: reviewers confirm the tags before publishing.
        return "" if self.status == self.Status.DECLINED else self.full_text()

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("organization").prefetch_related(
            "countries", "regions", "taggings__element"
        )

    def search_document(self) -> SearchDocument | None:
        if self.status != self.Status.PUBLISHED:
            return None
        organizations = [self.organization] if self.organization else []
        return SearchDocument(
            kind="practice",
            title=self.title,
            text=self.full_text(),
            url=self.get_absolute_url(),
            language=self.language,
            date=self.published_at.date() if self.published_at else None,
            organizations=[org.slug for org in organizations],
            countries=[country.iso2 for country in self.countries.all()],
            regions=[region.slug for region in self.regions.all()],
            objectives=_confirmed_objectives(self),
            organization_kinds=[org.kind for org in organizations],
        )


class PracticeReviewEvent(StatusStep):
    """One step of a practice's review, with the note left for the submitter (or the
    secretariat)."""

    statuses = Practice.Status

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="review_events")

    class Meta(StatusStep.Meta):
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self) -> str:
        return f"{self.practice_id}: {self.from_status} → {self.to_status}"


def _confirmed_objectives(obj) -> list[int]:
    from nethub.framework.models import ElementKind, Tagging

    return sorted(
        int(tagging.element.code)
        for tagging in obj.taggings.all()
        if tagging.status == Tagging.Status.CONFIRMED
        and tagging.element.kind == ElementKind.OBJECTIVE
    )
