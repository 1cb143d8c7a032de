"""The Network workplan: workplans and their priorities, the working groups and workstreams
that deliver them (co-leads, members, membership requests), their activities with progress
notes, and the uptake of stakeholders' asks when a draft is endorsed."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument


class Workplan(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        ENDORSED = "endorsed", _("Endorsed")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    summary = models.TextField(_("summary"), blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous workplan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_workplans",
    )
    consultation = models.OneToOneField(
        "consultations.Consultation",
        verbose_name=_("Discussion Space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workplan",
    )
    draft_snapshot = models.JSONField(
        _("the draft as opened for consultation"), default=list, blank=True, editable=False
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    endorsed_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("endorsed at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="endorsed_workplans",
    )
    endorsement_decision = models.ForeignKey(
        "meetings.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    endorsement_note = models.TextField(_("endorsement note"), blank=True)
    taggings = GenericRelation("framework.Tagging")

    class Meta:
        ordering = ["-start_year", "-created_at"]
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workplan:detail", args=[self.slug])

    @property
    def period(self) -> str:
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year or "")

    @classmethod
    def search_queryset(cls):
        return cls.objects.all()

    def search_document(self) -> SearchDocument | None:
        if self.status not in (self.Status.ENDORSED, self.Status.CLOSED):
            return None
        return SearchDocument(
            kind="workplan",
            title=self.title,
            text=self.summary,
            url=self.get_absolute_url(),
            date=self.endorsed_on,
        )


class ItemStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DROPPED = "dropped", _("Dropped")
    CLOSED = "closed", _("Closed")


class Novelty(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    NEW = "new", _("New")
    UNKNOWN = "", _("Not stated")


def _public(workplan: Workplan) -> bool:
    return workplan.status in (Workplan.Status.ENDORSED, Workplan.Status.CLOSED)


class Priority(TimeStampedModel):
    kind = "priority"  # beside WorkingGroup.kind, where both are listed together
    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="priorities")
    number = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    novelty = models.CharField(
        _("ongoing or new"), max_length=8, choices=Novelty.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ItemStatus.choices, default=ItemStatus.ACTIVE
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("continued as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    taggings = GenericRelation("framework.Tagging")

    class Meta:
        ordering = ["workplan", "position", "number", "pk"]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")

    def __str__(self) -> str:
        label = f"{_('Priority')} {self.number}".strip()
        return f"{label}: {self.title}" if self.title else label

    def get_absolute_url(self) -> str:
        return reverse("workplan:priority", args=[self.pk])

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("workplan")

    def search_document(self) -> SearchDocument | None:
        if not _public(self.workplan):
            return None
        return SearchDocument(
            kind="workplan_priority",
            title=str(self),
            text=self.description,
            url=self.get_absolute_url(),
        )


class WorkingGroup(TimeStampedModel):
    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group")
        WORKSTREAM = "workstream", _("Workstream")

    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="groups")
    priority = models.ForeignKey(
        Priority,
        verbose_name=_("priority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="groups",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.WORKING_GROUP
    )
    number = models.CharField(_("number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ItemStatus.choices, default=ItemStatus.ACTIVE
    )
    terms_of_reference = models.ForeignKey(
        "library.Document",
        verbose_name=_("terms of reference"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "library.Document", blank=True, related_name="working_groups", verbose_name=_("documents")
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="working_groups", verbose_name=_("meetings")
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("continued as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    taggings = GenericRelation("framework.Tagging")
    tag_permission = "workplan.manage_group"

    class Meta:
        ordering = ["workplan", "priority__position", "number", "title", "pk"]
        verbose_name = _("working group or workstream")
        verbose_name_plural = _("working groups and workstreams")

    def __str__(self) -> str:
        label = f"{self.get_kind_display()} {self.number}".strip()
        return f"{label}: {self.title}" if self.title else label

    def get_absolute_url(self) -> str:
        return reverse("workplan:group", args=[self.pk])

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("workplan")

    def search_document(self) -> SearchDocument | None:
        if not _public(self.workplan):
            return None
        return SearchDocument(
            kind="working_group",
            title=str(self),
            text=self.description,
            url=self.get_absolute_url(),
        )


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        CO_LEAD = "co_lead", _("Co-lead")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="workplan_memberships",
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["group", "role", "organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "organization"], name="membership_unique")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_role_display()}) — {self.group}"


class MembershipRequest(TimeStampedModel):
    """An organisation asks to join (or co-lead) a working group, or says in a consultation
    that it wants to work on a priority; co-leads or the secretariat decide with a note."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="workplan_requests",
    )
    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("working group or workstream"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="requests",
    )
    priority = models.ForeignKey(
        Priority,
        verbose_name=_("priority"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="requests",
    )
    role = models.CharField(
        _("asks to be"),
        max_length=8,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    note = models.TextField(_("note"), blank=True)
    interest = models.OneToOneField(
        "consultations.ExpressionOfInterest",
        verbose_name=_("expression of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_request",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")

    def __str__(self) -> str:
        return f"{self.organization} → {self.group or self.priority}"

    @property
    def target(self):
        return self.group or self.priority


class Activity(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("deliverable"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    lead = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_activities",
    )
    contributors = models.ManyToManyField(
        "directory.Organization",
        blank=True,
        related_name="workplan_activities",
        verbose_name=_("contributors"),
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    documents = models.ManyToManyField(
        "library.Document",
        blank=True,
        related_name="workplan_activities",
        verbose_name=_("documents"),
    )
    taggings = GenericRelation("framework.Tagging")
    tag_permission = "workplan.manage_group"

    class Meta:
        ordering = ["group", "due_date", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workplan:activity", args=[self.pk])

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("group__workplan", "lead")

    def search_document(self) -> SearchDocument | None:
        if not _public(self.group.workplan):
            return None
        return SearchDocument(
            kind="workplan_activity",
            title=self.title,
            text=self.description,
            url=self.get_absolute_url(),
            date=self.due_date,
            organizations=[self.lead.slug] if self.lead_id else [],
        )


class ProgressNote(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization = models.ForeignKey(
        "directory.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("progress note"))
    old_status = models.CharField(max_length=16, blank=True)
    new_status = models.CharField(max_length=16, blank=True)
    old_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    new_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["activity", "-created_at", "-pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return self.text[:80]


class AskUptake(models.Model):
    """Whether the endorsed text took up one stakeholder ask found in the consultation."""

    class State(models.TextChoices):
        UNREVIEWED = "", _("Not reviewed")
        TAKEN_UP = "taken_up", _("Taken up")
        PARTLY = "partly", _("Partly taken up")
        NOT_TAKEN_UP = "not_taken_up", _("Not taken up")

    workplan = models.ForeignKey(Workplan, on_delete=models.CASCADE, related_name="ask_uptakes")
    comment = models.ForeignKey("consultations.Comment", on_delete=models.CASCADE, related_name="+")
    ask_key = models.CharField(max_length=40)
    state = models.CharField(_("taken up?"), max_length=16, choices=State.choices, blank=True)
    note = models.TextField(_("where, or why not"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workplan", "comment", "ask_key"], name="ask_uptake_unique"
            )
        ]
        verbose_name = _("uptake of an ask")
        verbose_name_plural = _("uptake of asks")

    def __str__(self) -> str:
        return f"{self.comment_id}/{self.ask_key}: {self.state}"
