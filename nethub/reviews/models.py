"""The GCM review cycle: voluntary reviews by Member States, regional reviews and the IMRF,
the Secretary-General's reports, pledges, and the figures documents state over time (facts)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument
from nethub.ingest.storage import StoredFileField
from nethub.library.models import LanguageChoices


def _confirmed_objectives(obj) -> list[int]:
    return sorted(
        int(tagging.element.code)
        for tagging in obj.taggings.all()
        if tagging.status == "confirmed" and tagging.element.kind == "objective"
    )


# Kept for the migrations that name it; new files are named by ingest.storage.RandomName.
def review_upload_to(instance: VoluntaryReview, filename: str) -> str:
    # A random folder: files are served through a view that checks permissions.
    return f"reviews/voluntary/{uuid.uuid4().hex}/{filename}"


class VoluntaryReview(TimeStampedModel):
    """A Member State's voluntary GCM review (report), submitted by its representative or by
    the secretariat for it. Public once the secretariat publishes it; a featured review is
    also shown first on the dashboard and the review pages."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        FEATURED = "featured", _("Featured")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.FEATURED)

    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="voluntary_reviews",
    )
    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language"), max_length=8, choices=LanguageChoices.choices, blank=True
    )
    detected_language = models.CharField(_("detected language"), max_length=8, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = StoredFileField(_("document"), folder="reviews/voluntary", max_length=255)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    mime_type = models.CharField(_("file type"), max_length=100, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.SUBMITTED,
        db_index=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="voluntary_reviews",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    featured_at = models.DateTimeField(_("featured"), null=True, blank=True)
    taggings = GenericRelation("framework.Tagging")
    tag_permission = "reviews.tag_review"

    class Meta:
        ordering = ["-year", "country__name", "-id"]
        verbose_name = _("voluntary GCM review")
        verbose_name_plural = _("voluntary GCM reviews")
        indexes = [models.Index(fields=["status", "-year"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:review_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    def tag_suggestion_text(self) -> str:
        return "\n\n".join(part for part in (self.title, self.summary, self.text) if part)

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("country__region").prefetch_related("taggings__element")

    def search_document(self) -> SearchDocument | None:
        if not self.is_public:
            return None
        region = self.country.region
        return SearchDocument(
            kind="voluntary_review",
            title=self.title,
            text=self.tag_suggestion_text(),
            url=self.get_absolute_url(),
            language=self.language,
            date=self.published_at.date() if self.published_at else None,
            countries=[self.country.iso2],
            regions=[region.slug] if region else [],
            objectives=_confirmed_objectives(self),
            suggest_tags=False,  # suggested when submitted, confirmed by people
        )


class Forum(TimeStampedModel):
    """Where the GCM is reviewed between States: a regional review, or the International
    Migration Review Forum (IMRF) with its roundtables, co-facilitators and declaration."""

    class Kind(models.TextChoices):
        REGIONAL_REVIEW = "regional_review", _("Regional review")
        IMRF = "imrf", _("International Migration Review Forum")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gcm_forums",
    )
    start_date = models.DateField(_("starts"), null=True, blank=True)
    end_date = models.DateField(_("ends"), null=True, blank=True)
    date_is_approximate = models.BooleanField(
        _("month only"), default=False, help_text=_("The source gives the month, not the day.")
    )
    host = models.CharField(_("host"), max_length=300, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    documents = models.ManyToManyField(
        "library.Document", verbose_name=_("documents"), blank=True, related_name="+"
    )
    outcome_document = models.ForeignKey(
        "library.Document",
        verbose_name=_("outcome document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For the IMRF: the Progress Declaration."),
    )
    co_facilitators = models.ManyToManyField(
        "directory.Country", verbose_name=_("co-facilitators"), blank=True, related_name="+"
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("review forum")
        verbose_name_plural = _("review forums")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:forum_detail", args=[self.pk])

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("region").prefetch_related("roundtables")

    def search_document(self) -> SearchDocument | None:
        roundtables = "\n".join(f"{r.number}. {r.title}" for r in self.roundtables.all())
        return SearchDocument(
            kind="review_forum",
            title=self.title,
            text="\n\n".join(p for p in (self.title, self.host, self.outcome, roundtables) if p),
            url=self.get_absolute_url(),
            date=self.start_date,
            regions=[self.region.slug] if self.region else [],
        )


class Roundtable(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="roundtables")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    objectives = models.ManyToManyField(
        "framework.FrameworkElement", verbose_name=_("GCM objectives"), blank=True
    )

    class Meta:
        ordering = ["forum", "number"]
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        constraints = [
            models.UniqueConstraint(fields=["forum", "number"], name="roundtable_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SGReport(TimeStampedModel):
    """A report of the Secretary-General on the GCM, and the inputs collected for it."""

    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), null=True, blank=True)
    date_is_approximate = models.BooleanField(_("month only"), default=False)
    document = models.ForeignKey(
        "library.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    inputs = models.ManyToManyField(
        "library.Document", verbose_name=_("inputs collected"), blank=True, related_name="+"
    )
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("prepared for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sg_reports",
    )
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("Secretary-General's report")
        verbose_name_plural = _("Secretary-General's reports")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:sg_report_detail", args=[self.pk])

    @classmethod
    def search_queryset(cls):
        return cls.objects.all()

    def search_document(self) -> SearchDocument | None:
        return SearchDocument(
            kind="sg_report",
            title=self.title,
            text="\n\n".join(p for p in (self.title, self.notes) if p),
            url=self.get_absolute_url(),
            date=self.date,
        )


class Pledge(TimeStampedModel):
    """A pledge to act on the GCM by a UN entity, a Member State or a stakeholder, made at a
    forum; a joint pledge (the UN system's) lists the entities that opted in."""

    class Status(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        UNDER_WAY = "under_way", _("Under way")
        FULFILLED = "fulfilled", _("Fulfilled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    pledger = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("pledger"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gcm_pledges",
        help_text=_("Empty for a joint pledge."),
    )
    is_joint = models.BooleanField(_("joint pledge"), default=False)
    opted_in = models.ManyToManyField(
        "directory.Organization",
        verbose_name=_("entities that opted in"),
        blank=True,
        related_name="joint_pledges",
    )
    date = models.DateField(_("date"), null=True, blank=True)
    forum = models.ForeignKey(
        Forum,
        verbose_name=_("made at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ANNOUNCED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    taggings = GenericRelation("framework.Tagging")
    tag_permission = "reviews.change_pledge"

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:pledge_detail", args=[self.pk])

    @property
    def owner_organization_id(self) -> int | None:
        return self.pledger_id

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("pledger").prefetch_related("taggings__element")

    def search_document(self) -> SearchDocument | None:
        return SearchDocument(
            kind="pledge",
            title=self.title,
            text="\n\n".join((self.title, self.text)),
            url=self.get_absolute_url(),
            date=self.date,
            organizations=[self.pledger.slug] if self.pledger else [],
            objectives=_confirmed_objectives(self),
        )


class PledgeUpdate(models.Model):
    """Progress reported on a pledge, by its pledger or the secretariat."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(_("progress"))
    status = models.CharField(_("status"), max_length=16, choices=Pledge.Status.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pledge update")
        verbose_name_plural = _("pledge updates")

    def __str__(self) -> str:
        return f"{self.pledge}: {self.get_status_display()}"


class Fact(TimeStampedModel):
    """A figure a document states ("48 country-level Networks"): what is counted, its value,
    unit and date, and the sentence it comes from. Extracted as a candidate; it feeds the time
    series and the headline figures once the secretariat confirms it."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    series = models.SlugField(
        _("what is counted"),
        max_length=80,
        db_index=True,
        help_text=_("The series this figure belongs to, e.g. country-networks."),
    )
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    date = models.DateField(_("date"))
    sentence = models.TextField(_("source sentence"))
    start = models.PositiveIntegerField(_("start offset"), default=0)
    end = models.PositiveIntegerField(_("end offset"), default=0)
    document = models.ForeignKey(
        "library.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="facts",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="facts",
    )
    source_title = models.CharField(_("source"), max_length=300, blank=True)
    rule = models.CharField(_("rule"), max_length=60, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.CANDIDATE,
        db_index=True,
    )
    is_headline = models.BooleanField(_("headline figure"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["series", "date", "id"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "meeting", "series", "start"], name="fact_unique_per_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.display_value}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:fact_detail", args=[self.pk])

    @property
    def display_value(self) -> str:
        value = self.value.normalize()
        number = f"{value:,f}" if value == value.to_integral() else f"{value:,}"
        return f"{number} {self.unit}".strip() if self.unit else number

    @property
    def source_url(self) -> str:
        if self.document_id:
            return self.document.get_absolute_url()
        if self.meeting_id:
            return self.meeting.get_absolute_url()
        return ""
