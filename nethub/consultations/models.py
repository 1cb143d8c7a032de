"""Discussion Spaces: a consultation on a draft document, its questions, the comments that
organisations post (threaded, with attachments, supports and moderation), the workplan
priorities they say they want to work on, and who follows it for the daily digest."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nethub.consultations import targets as target_registry
from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument
from nethub.ingest.storage import StoredFileField


class Consultation(TimeStampedModel):
    class Participation(models.TextChoices):
        REGISTERED = "registered", _("Any registered organisation")
        MEMBERS = "members", _("Network members only")

    class Moderation(models.TextChoices):
        POST = "post", _("Post-moderation (published at once, reviewed after)")
        PRE = "pre", _("Pre-moderation (published once a moderator approves)")

    class Phase(models.TextChoices):
        DRAFT = "draft", _("Not scheduled")
        UPCOMING = "upcoming", _("Not yet open")
        OPEN = "open", _("Open for comments")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    welcome = models.TextField(_("welcome text"), blank=True, help_text=_("Sanitised HTML."))
    document_title = models.CharField(_("document under consultation"), max_length=255, blank=True)
    participation = models.CharField(
        _("who may take part"),
        max_length=16,
        choices=Participation.choices,
        default=Participation.REGISTERED,
    )
    languages = models.CharField(
        _("main languages"), max_length=64, blank=True, help_text=_("ISO codes, comma-separated.")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderated_consultations",
    )
    moderation = models.CharField(
        _("moderation"), max_length=8, choices=Moderation.choices, default=Moderation.POST
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    source = models.CharField(
        _("imported from"), max_length=255, blank=True, help_text=_("File name of an import.")
    )

    class Meta:
        ordering = ["-opens_at", "-created_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # Pages link the consultation's comments by the hundred (the synthesis, a thread's
        # actions): reversed once per slug and language for this instance.
        key = (self.slug, get_language(), get_script_prefix())
        cached = self.__dict__.get("_url")
        if cached is None or cached[0] != key:
            cached = self._url = (key, reverse("consultations:detail", args=[self.slug]))
        return cached[1]

    def phase_at(self, moment=None) -> str:
        """An imported consultation without dates is a finished one (its page was exported
        after it ended): closed, not "not scheduled"."""
        moment = moment or timezone.now()
        if self.closes_at is not None and moment >= self.closes_at:
            return self.Phase.CLOSED
        if self.opens_at is None:
            return self.Phase.CLOSED if self.source else self.Phase.DRAFT
        if moment < self.opens_at:
            return self.Phase.UPCOMING
        if self.closes_at is not None and moment >= self.closes_at:
            return self.Phase.CLOSED
        return self.Phase.OPEN

    @property
    def phase(self) -> str:
        return self.phase_at()

    @property
    def phase_label(self) -> str:
        return str(self.Phase(self.phase).label)

    @property
    def is_open(self) -> bool:
        return self.phase == self.Phase.OPEN

    @cached_property
    def targets(self) -> list:
        """The priorities, working groups and workstreams stakeholders can comment on and
        join (those of the workplan under consultation; see targets.py)."""
        return target_registry.for_consultation(self)


class DocumentVersion(models.Model):
    """A version of the document under consultation: a file or an address."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="document_versions"
    )
    label = models.CharField(_("version"), max_length=64)
    file = StoredFileField(_("file"), folder="consultations/documents", max_length=255, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    url = models.URLField(_("address"), blank=True)
    notes = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)

    class Meta:
        ordering = ["consultation", "-published_at"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self) -> str:
        return f"{self.consultation} {self.label}"


class Question(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("question"))

    class Meta:
        ordering = ["consultation", "position", "pk"]
        verbose_name = _("discussion question")
        verbose_name_plural = _("discussion questions")

    def __str__(self) -> str:
        return self.text[:80]


class Comment(TimeStampedModel):
    class Status(models.TextChoices):
        VISIBLE = "visible", _("Published")
        PENDING = "pending", _("Awaiting moderation")
        HIDDEN = "hidden", _("Hidden by a moderator")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_comments",
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_comments",
    )
    byline = models.CharField(
        _("byline as imported"),
        max_length=255,
        blank=True,
        help_text=_("The name the imported page shows for the account that posted it."),
    )
    reply_to_label = models.CharField(
        _("in reply to (as imported)"),
        max_length=255,
        blank=True,
        help_text=_("Whom an imported reply answers, as the page writes it."),
    )
    body = models.TextField(_("comment"), help_text=_("Sanitised HTML."))
    text = models.TextField(_("plain text"), blank=True, editable=False)
    # The sentences of `text` that ask for something (asks.find_asks), found when the text is
    # written (save() keeps them in step), so the synthesis never reads every comment again.
    asks = models.JSONField(default=list, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.VISIBLE, db_index=True
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)
    attachment_mentioned = models.BooleanField(
        _("mentions an attachment not in the import"), default=False
    )
    position = models.PositiveIntegerField(_("order on the imported page"), default=0)
    posted_on = models.DateField(
        _("date on the imported page"),
        null=True,
        blank=True,
        help_text=_("The date the imported page gives for the comment, when it gives one."),
    )
    source_key = models.CharField(max_length=64, blank=True, editable=False)
    # The one-time token of the form that posted it: the same form sent twice (a double
    # click) posts one comment.
    submission_key = models.CharField(max_length=64, blank=True, editable=False)
    taggings = GenericRelation("framework.Tagging")

    class Meta:
        ordering = ["consultation", "created_at", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "source_key"],
                condition=~models.Q(source_key=""),
                name="comment_unique_source_key",
            ),
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~models.Q(submission_key=""),
                name="comment_unique_submission_key",
            ),
        ]
        indexes = [models.Index(fields=["consultation", "status"])]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.author_label}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.consultation.get_absolute_url()}#comment-{self.pk}"

    def save(self, *args, **kwargs):
        from nethub.consultations.asks import find_asks

        update_fields = kwargs.get("update_fields")
        if update_fields is None or "text" in update_fields:
            self.asks = find_asks(self.text)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "asks"}
        super().save(*args, **kwargs)

    @property
    def targets_named(self) -> list:
        """The workplan items this comment names (prefetch `target_links__target`)."""
        return [link.target for link in self.target_links.all() if link.target is not None]

    @property
    def author_label(self) -> str:
        if self.organization_id:
            return str(self.organization.display_name)
        if self.author_id:
            return self.author.display_name
        return str(_("Author not stated"))

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related(
            "consultation", "organization", "author"
        ).prefetch_related("attachments")

    def search_document(self) -> SearchDocument | None:
        if self.status != self.Status.VISIBLE:
            return None
        texts = [self.text, *(a.text for a in self.attachments.all())]
        return SearchDocument(
            kind="comment",
            title=f"{self.author_label} — {self.consultation.title}",
            text="\n\n".join(t for t in texts if t),
            url=self.get_absolute_url(),
            # An imported comment's date is the one its page gives (created_at is the import's).
            date=self.posted_on
            if self.source_key
            else (self.created_at.date() if self.created_at else None),
            organizations=[self.organization.slug] if self.organization_id else [],
            organization_kinds=[self.organization.kind] if self.organization_id else [],
        )


class CommentRevision(models.Model):
    """The text a comment had before an edit."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["comment", "-edited_at", "-pk"]
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")

    def __str__(self) -> str:
        return f"{self.comment_id} @ {self.edited_at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="attachments")
    file = StoredFileField(_("file"), folder="consultations/attachments", max_length=255)
    filename = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("type"), max_length=128)
    size = models.PositiveBigIntegerField(_("size"))
    text = models.TextField(_("extracted text"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["comment", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class Support(models.Model):
    """An organisation supports a comment (one support per organisation)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="supports")
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "organization"], name="support_unique")
        ]
        verbose_name = _("support")
        verbose_name_plural = _("supports")

    def __str__(self) -> str:
        return f"{self.organization} supports #{self.comment_id}"


class Flag(models.Model):
    """Someone asks the moderators to look at a comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("why"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="flag_unique")]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")

    def __str__(self) -> str:
        return f"flag on #{self.comment_id}"


class ExpressionOfInterest(TimeStampedModel):
    class Engagement(models.TextChoices):
        CONTINUE = "continue", _("Continue our engagement")
        START = "start", _("Start our engagement")
        UNKNOWN = "", _("Not stated")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="interests"
    )
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="+"
    )
    # A priority, working group or workstream of the workplan app (see targets.py).
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    engagement = models.CharField(
        _("engagement"), max_length=8, choices=Engagement.choices, blank=True
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="interests"
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["consultation", "target_type", "target_id", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organization", "target_type", "target_id"],
                name="interest_unique_target",
            )
        ]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self) -> str:
        return f"{self.organization}: {self.target or '—'} ({self.engagement})"


class CommentTarget(models.Model):
    """A priority, working group or workstream that a comment names (see targets.py)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="target_links")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "target_type", "target_id"], name="comment_target_unique"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"#{self.comment_id} names {self.target_type_id}-{self.target_id}"


class Follow(models.Model):
    """A user who receives the daily digest of a consultation."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.consultation}"


class EmailOptOut(models.Model):
    """A user who asked for no more e-mails about replies and moderation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.user)
