"""Meetings and what they produce: participants, agenda items, decisions and the action points
the tracker follows from one meeting to the next."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from nethub.core.background import BackgroundWork
from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument
from nethub.ingest.storage import StoredFileField


class MeetingSeries(models.Model):
    class Kind(models.TextChoices):
        EC_PRINCIPALS = "ec_principals", _("Executive Committee Principals")
        EC = "ec", _("Executive Committee")
        ANNUAL = "annual", _("Annual meeting")
        WORKING_GROUP = "working_group", _("Working group")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)

    class Meta:
        ordering = ["name"]
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")

    def __str__(self) -> str:
        return self.name


# Kept for the migrations that name it; new files are named by ingest.storage.RandomName.
def _source_path(instance, filename: str) -> str:
    return f"meetings/sources/{instance.source_checksum[:2]}/{instance.source_checksum}/{filename}"


class Meeting(TimeStampedModel):
    series = models.ForeignKey(
        MeetingSeries, verbose_name=_("series"), on_delete=models.PROTECT, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"), db_index=True)
    start_time = models.TimeField(_("starts"), null=True, blank=True)
    end_time = models.TimeField(_("ends"), null=True, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, blank=True)
    other_times = models.JSONField(_("the same times in other zones"), default=list, blank=True)
    is_virtual = models.BooleanField(_("virtual"), default=False)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    source_document = StoredFileField(
        _("source document"), folder="meetings/sources", max_length=300, blank=True
    )
    source_filename = models.CharField(_("source file name"), max_length=255, blank=True)
    source_checksum = models.CharField(
        _("source checksum"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("SHA-256 of the imported document; re-importing it updates this meeting."),
    )
    source_text = models.TextField(_("source text"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    background_documents = models.ManyToManyField(
        "library.Document",
        verbose_name=_("background documents"),
        blank=True,
        related_name="meetings",
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "date"], name="meeting_unique_per_series_date"
            )
        ]

    def __str__(self) -> str:
        # The date as the reader's language writes it ("5 May 2021", "5 de mayo de 2021").
        return f"{self.series}, {formats.date_format(self.date, 'DATE_FORMAT')}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def heading(self) -> str:
        """The title with the series and the date, so that meetings of one series that share a
        title ("EC Principals Meeting") tell themselves apart."""
        when = formats.date_format(self.date, "DATE_FORMAT")
        title = self.title.strip()
        series = str(self.series)
        if not title or title.lower() == series.lower():
            return f"{series}, {when}"
        if series.lower() in title.lower():
            return f"{title}, {when}"
        return f"{title} ({series}, {when})"

    @property
    def is_planned(self) -> bool:
        """Created ahead of the meeting; no summary has been imported into it yet."""
        return not self.source_checksum

    @classmethod
    def search_queryset(cls):
        """What re-indexing reads: the series is in every meeting's title."""
        return cls.objects.select_related("series")

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            kind="meeting",
            title=self.heading,
            text=self.source_text[:20000],
            url=self.get_absolute_url(),
            language=self.language,
            date=self.date,
        )


class Attendance(models.TextChoices):
    INVITED = "invited", _("Invited")
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Sent apologies")


class Participant(models.Model):
    Attendance = Attendance

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    person = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(_("honorific"), max_length=32, blank=True)
    title = models.CharField(_("title as written"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_participations",
    )
    organization_as_written = models.CharField(
        _("organisation as written"), max_length=200, blank=True
    )
    attendance = models.CharField(
        _("attendance"), max_length=16, choices=Attendance.choices, default=Attendance.PRESENT
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening update")
        ITEM = "item", _("Agenda item")
        AOB = "aob", _("Any other business")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ITEM)
    title = models.CharField(_("title"), max_length=500)
    discussion = models.TextField(_("discussion"), blank=True)
    taggings = GenericRelation("framework.Tagging")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#item-{self.pk}"

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("meeting__series")

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            kind="agenda_item",
            title=self.title,
            text=self.discussion,
            url=self.get_absolute_url(),
            language=self.meeting.language,
            date=self.meeting.date,
        )


class BackgroundDocument(models.Model):
    """A background note attached to an agenda item."""

    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="background_documents"
    )
    title = models.CharField(_("title"), max_length=300)
    file = StoredFileField(_("file"), folder="meetings/background", max_length=300)
    filename = models.CharField(_("file name"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("background note")
        verbose_name_plural = _("background notes")

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="decisions"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:80]


class ActionPointStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionPoint(TimeStampedModel):
    Status = ActionPointStatus

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_points")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_points"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))
    owner = models.CharField(
        _("owner"),
        max_length=200,
        blank=True,
        help_text=_('As the summary names it: an organisation, "EC working level", "Coordinator".'),
    )
    owner_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("owner organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    due_date = models.DateField(_("due"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ActionPointStatus.choices,
        default=ActionPointStatus.OPEN,
        db_index=True,
    )
    proposed_due_date = models.DateField(
        _("proposed due date"),
        null=True,
        blank=True,
        help_text=_("A new due date a focal point proposed, for the secretariat to accept."),
    )
    proposed_due_date_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_sentence = models.TextField(_("source sentence"), blank=True)
    explicit = models.BooleanField(
        _("listed as an action point"),
        default=True,
        help_text=_("False when found in the discussion rather than in a list."),
    )
    reported_in = models.ManyToManyField(
        Meeting,
        blank=True,
        related_name="reported_action_points",
        verbose_name=_("reported on in"),
    )
    taggings = GenericRelation("framework.Tagging")

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("meetings:action_point", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_date
            and self.status in (ActionPointStatus.OPEN, ActionPointStatus.IN_PROGRESS)
            and self.due_date < timezone.localdate()
        )

    @property
    def owner_label(self) -> str:
        return str(self.owner_organization) if self.owner_organization_id else self.owner

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("meeting__series", "owner_organization")

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            kind="action_point",
            title=self.text[:120],
            text=self.text,
            url=self.get_absolute_url(),
            date=self.due_date or self.meeting.date,
            organizations=[self.owner_organization.slug] if self.owner_organization_id else [],
        )


class ImportDraft(BackgroundWork, models.Model):
    """An uploaded summary, read in the background ("reading", with its progress; or
    "unreadable" with the reason), then waiting for the secretariat to check what was extracted
    from it. Once checked it is "saving" until the import task saves its meeting (and deletes
    it), or "failed" with the reason, shown on its review page to try again."""

    class Status(models.TextChoices):
        READING = "reading", _("Being read")
        UNREADABLE = "unreadable", _("Could not be read")
        REVIEW = "review", _("To check")
        SAVING = "saving", _("Saving")
        FAILED = "failed", _("Failed")

    file = StoredFileField(folder="meetings/drafts", max_length=300)
    filename = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)
    text = models.TextField()
    extraction = models.JSONField(default=dict)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("planned meeting it fills"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REVIEW
    )
    error = models.TextField(_("error"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    progress_step = models.CharField(_("step"), max_length=120, blank=True)
    # What the review changed of the extraction (`review_forms.ReviewForms.outcome`), kept
    # as an ImportOutcome when the meeting is saved.
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("import draft")
        verbose_name_plural = _("import drafts")
        constraints = [
            # One import of a file at a time: a double click or a second upload of the same
            # file finds the import under way (a file that could not be read may be retried).
            models.UniqueConstraint(
                fields=["checksum"],
                condition=~models.Q(status="unreadable"),
                name="meetings_one_import_draft_per_file",
            )
        ]

    def __str__(self) -> str:
        return self.filename


class TrackerEmailOptOut(models.Model):
    """Someone who asked for no more action-point e-mails (assignments, reminders, digest)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_email_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action-point e-mail opt-out")
        verbose_name_plural = _("action-point e-mail opt-outs")

    def __str__(self) -> str:
        return str(self.user)


class ImportOutcome(models.Model):
    """What the secretariat changed of an extraction when checking an import: for each kind
    of row (`ImportOutcomeSection`) how many were extracted, kept, corrected, removed and added,
    and each rule's rows kept and removed (`ImportOutcomeRule`). Counts only, no text: the
    extractor measured on the network's own documents (`selectors.import_outcome_totals`)."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="import_outcomes",
    )
    filename = models.CharField(_("file"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("checked on"), auto_now_add=True, db_index=True)
    # The meeting's fields the check corrected ("date", "title", ...).
    meeting_changed = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("import outcome")
        verbose_name_plural = _("import outcomes")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.filename

    def section_counts(self) -> dict[str, ImportOutcomeSection]:
        """Its sections by name (from `sections.all()`, prefetched by the list)."""
        return {section.section: section for section in self.sections.all()}


class OutcomeSection(models.TextChoices):
    PARTICIPANTS = "participants", _("Participants")
    AGENDA_ITEMS = "agenda_items", _("Agenda items")
    DECISIONS = "decisions", _("Decisions")
    ACTION_POINTS = "action_points", _("Action points")


class ImportOutcomeSection(models.Model):
    """One kind of row of a checked import: extracted, kept (of which corrected), removed, and
    added by hand (of which from a selection in the text)."""

    COUNTS = ("extracted", "kept", "corrected", "removed", "added", "from_text")

    outcome = models.ForeignKey(ImportOutcome, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(max_length=20, choices=OutcomeSection.choices)
    extracted = models.PositiveIntegerField(default=0)
    kept = models.PositiveIntegerField(default=0)
    corrected = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    added = models.PositiveIntegerField(default=0)
    from_text = models.PositiveIntegerField(default=0)
    # How many kept rows had each field corrected ({"owner": 2, "due": 1}).
    changed = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "section"], name="meetings_one_count_per_outcome_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_section_display()}: {self.kept} of {self.extracted} kept"


class ImportOutcomeRule(models.Model):
    """The rows one extraction rule found in a checked import: how many the check kept and how
    many it removed (the rule's precision on the network's own documents)."""

    outcome = models.ForeignKey(ImportOutcome, on_delete=models.CASCADE, related_name="rules")
    section = models.CharField(max_length=20, choices=OutcomeSection.choices)
    rule = models.CharField(max_length=100)
    kept = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["outcome", "section", "rule"], name="meetings_one_count_per_outcome_rule"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.kept} kept, {self.removed} removed"
