"""The Migration MPTF: funding windows, concept notes and joint programmes through their
pipeline, donors' contributions against targets, allocations, and the Steering Committee.

Money is `Decimal`, never float: amounts in their own currency with the rate to US dollars
stored beside them, and the dollar amount kept so that totals are one database aggregate."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nethub.core.models import TimeStampedModel
from nethub.core.searchable import SearchDocument

MONEY = {"max_digits": 16, "decimal_places": 2}
RATE = {"max_digits": 18, "decimal_places": 8}


class Stage(models.TextChoices):
    SUBMITTED = "submitted", _("Concept note submitted")
    ELIGIBLE = "eligible", _("Eligible")
    PIPELINE = "pipeline", _("In pipeline (ready, pending funding)")
    SELECTED = "selected", _("Selected by the Steering Committee")
    FUNDED = "funded", _("Funded")
    UNDER_WAY = "under_way", _("Under way")
    CLOSED = "closed", _("Closed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The pipeline as a table: from each stage, the stages it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.SUBMITTED: (Stage.ELIGIBLE, Stage.DECLINED, Stage.WITHDRAWN),
    Stage.ELIGIBLE: (Stage.PIPELINE, Stage.DECLINED, Stage.WITHDRAWN),
    Stage.PIPELINE: (Stage.SELECTED, Stage.DECLINED, Stage.WITHDRAWN),
    Stage.SELECTED: (Stage.FUNDED, Stage.PIPELINE, Stage.WITHDRAWN),
    Stage.FUNDED: (Stage.UNDER_WAY, Stage.WITHDRAWN),
    Stage.UNDER_WAY: (Stage.CLOSED,),
    Stage.CLOSED: (),
    Stage.DECLINED: (),
    Stage.WITHDRAWN: (),
}
# Stages whose requested budget is demand the fund has not met yet.
UNFUNDED_STAGES = (Stage.ELIGIBLE, Stage.PIPELINE, Stage.SELECTED)
JOINT_PROGRAMME_STAGES = (Stage.FUNDED, Stage.UNDER_WAY, Stage.CLOSED)


class Marker(models.TextChoices):
    """The UN system's gender equality marker scale, used for human rights as well."""

    ZERO = "0", _("0: not expected to contribute")
    ONE = "1", _("1: limited contribution")
    TWO_A = "2a", _("2a: significant contribution")
    TWO_B = "2b", _("2b: principal objective")


class FundingWindow(models.Model):
    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic window")
        REGIONAL_REVIEWS = "regional_reviews", _("Regional reviews window")
        OTHER = "other", _("Other")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("funding window")
        verbose_name_plural = _("funding windows")

    def __str__(self) -> str:
        return self.name


class Programme(TimeStampedModel):
    """A concept note and, once funded, the joint programme it becomes: one record."""

    reference = models.CharField(
        _("reference"),
        max_length=40,
        unique=True,
        help_text=_("The fund's own code; a spreadsheet import matches rows to records by it."),
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.SUBMITTED, db_index=True
    )
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    is_placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("Demo record standing for a programme whose details the sources do not give."),
    )
    window = models.ForeignKey(
        FundingWindow,
        verbose_name=_("funding window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    thematic_area = models.ForeignKey(
        "framework.FrameworkElement",
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "thematic_area"},
        related_name="fund_programmes",
    )
    gcm_elements = models.ManyToManyField(
        "framework.FrameworkElement",
        verbose_name=_("GCM objectives and guiding principles"),
        blank=True,
        limit_choices_to={"kind__in": ["objective", "principle"]},
        related_name="fund_programmes_tagged",
    )
    countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("countries"), blank=True, related_name="programmes"
    )
    region = models.ForeignKey(
        "directory.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("For a regional programme, or the region of its countries."),
    )
    convening_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("convening UN entity"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="convened_programmes",
    )
    participating_entities = models.ManyToManyField(
        "directory.Organization",
        verbose_name=_("participating UN entities"),
        blank=True,
        related_name="fund_programmes",
    )
    partners = models.TextField(_("national and stakeholder partners"), blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    usd_rate = models.DecimalField(
        _("rate to USD"),
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("US dollars for one unit of the currency."),
        **RATE,
    )
    requested_budget = models.DecimalField(_("requested budget"), default=Decimal("0"), **MONEY)
    approved_budget = models.DecimalField(_("approved budget"), null=True, blank=True, **MONEY)
    requested_usd = models.DecimalField(
        _("requested (USD)"), default=Decimal("0"), editable=False, **MONEY
    )
    approved_usd = models.DecimalField(
        _("approved (USD)"), null=True, blank=True, editable=False, **MONEY
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), null=True, blank=True
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    gender_marker = models.CharField(
        _("gender marker"), max_length=2, choices=Marker.choices, blank=True
    )
    human_rights_marker = models.CharField(
        _("human rights marker"), max_length=2, choices=Marker.choices, blank=True
    )
    submitted_on = models.DateField(_("submitted"), null=True, blank=True)
    selected_on = models.DateField(_("selected"), null=True, blank=True)
    selection_decision = models.ForeignKey(
        "meetings.Decision",
        verbose_name=_("Steering Committee decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fund_selections",
    )
    documents = models.ManyToManyField(
        "library.Document", verbose_name=_("documents"), blank=True, related_name="programmes"
    )
    progress = models.TextField(_("progress"), blank=True)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    progress_updated_at = models.DateTimeField(_("progress updated"), null=True, blank=True)

    class Meta:
        ordering = ["reference"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        indexes = [models.Index(fields=["stage", "thematic_area"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("fund:programme_detail", args=[self.pk])

    @property
    def is_joint_programme(self) -> bool:
        return self.stage in JOINT_PROGRAMME_STAGES

    def next_stages(self) -> tuple[str, ...]:
        return TRANSITIONS[self.stage]

    @classmethod
    def search_queryset(cls):
        return cls.objects.select_related("region").prefetch_related(
            "participating_entities", "countries", "gcm_elements"
        )

    def search_document(self) -> SearchDocument | None:
        if not self.is_published:
            return None
        return SearchDocument(
            kind="fund_programme",
            title=self.title,
            text="\n".join(filter(None, [self.summary, self.partners, self.progress])),
            url=self.get_absolute_url(),
            date=self.selected_on or self.submitted_on,
            organizations=[o.slug for o in self.participating_entities.all()],
            countries=[c.iso2 for c in self.countries.all()],
            regions=[self.region.slug] if self.region_id else [],
            objectives=[int(e.code) for e in self.gcm_elements.all() if e.kind == "objective"],
            suggest_tags=False,
        )


class Transition(models.Model):
    """One move of a programme through the pipeline: who moved it, when, why."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.CharField(_("from"), max_length=16, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=16, choices=Stage.choices)
    effective_on = models.DateField(_("effective"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    decision = models.ForeignKey(
        "meetings.Decision",
        verbose_name=_("Steering Committee decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    occurred_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["effective_on", "id"]
        indexes = [models.Index(fields=["programme", "effective_on"])]
        verbose_name = _("pipeline step")
        verbose_name_plural = _("pipeline steps")

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


class Contribution(TimeStampedModel):
    """A donor's pledge or signed contribution, in its currency, with the rate to USD it was
    recorded at."""

    class Kind(models.TextChoices):
        PLEDGE = "pledge", pgettext_lazy("a contribution promised, not yet signed", "Pledge")
        COMMITMENT = "commitment", _("Contribution (signed)")

    class Earmarking(models.TextChoices):
        UNEARMARKED = "unearmarked", _("Unearmarked")
        WINDOW = "window", _("Earmarked to a window")
        THEMATIC_AREA = "thematic_area", _("Earmarked to a thematic area")

    reference = models.CharField(_("reference"), max_length=40, unique=True)
    donor = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="fund_contributions",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.COMMITMENT, db_index=True
    )
    date = models.DateField(_("date"), db_index=True)
    received_on = models.DateField(_("received"), null=True, blank=True, db_index=True)
    amount = models.DecimalField(
        _("amount"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    usd_rate = models.DecimalField(
        _("rate to USD"),
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("US dollars for one unit of the currency."),
        **RATE,
    )
    amount_usd = models.DecimalField(_("amount (USD)"), editable=False, **MONEY)
    window = models.ForeignKey(
        FundingWindow,
        verbose_name=_("funding window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    earmarking = models.CharField(
        _("earmarking"), max_length=16, choices=Earmarking.choices, default=Earmarking.UNEARMARKED
    )
    earmarked_thematic_area = models.ForeignKey(
        "framework.FrameworkElement",
        verbose_name=_("earmarked thematic area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "thematic_area"},
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    is_placeholder = models.BooleanField(_("placeholder"), default=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.donor}: {self.amount} {self.currency} ({self.date})"


class FundingTarget(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    window = models.ForeignKey(
        FundingWindow,
        verbose_name=_("funding window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="targets",
        help_text=_("Empty: the target of the whole fund."),
    )
    amount_usd = models.DecimalField(_("target (USD)"), **MONEY)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["year", "window"]
        verbose_name = _("funding target")
        verbose_name_plural = _("funding targets")
        constraints = [
            models.UniqueConstraint(fields=["year", "window"], name="fund_target_year_window"),
            models.UniqueConstraint(
                fields=["year"],
                condition=models.Q(window__isnull=True),
                name="fund_target_year_whole_fund",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount_usd}"


class Allocation(TimeStampedModel):
    """Money the fund transfers to a joint programme (in US dollars, as the fund pays)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="allocations"
    )
    window = models.ForeignKey(
        FundingWindow,
        verbose_name=_("funding window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocations",
    )
    date = models.DateField(_("date"), db_index=True)
    amount_usd = models.DecimalField(
        _("amount (USD)"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")

    def __str__(self) -> str:
        return f"{self.programme.reference}: {self.amount_usd} ({self.date})"


class Rotation(models.Model):
    """A change of the Steering Committee's membership on one date."""

    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    decision = models.ForeignKey(
        "meetings.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("rotation")
        verbose_name_plural = _("rotations")

    def __str__(self) -> str:
        return str(self.date)


class Membership(models.Model):
    """An organisation's seat on the Steering Committee, from one date to another."""

    class Seat(models.TextChoices):
        CHAIR = "chair", _("Chair (Network Coordinator)")
        UN_ENTITY = "un_entity", _("Network member (UN entity)")
        DONOR = "donor", _("Contributing Member State")
        COUNTRY = "country", _("Country of origin, transit or destination")
        STAKEHOLDER = "stakeholder", _("Stakeholder")

    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="steering_committee_seats",
    )
    seat = models.CharField(_("seat"), max_length=16, choices=Seat.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)
    joined_by = models.ForeignKey(
        Rotation, null=True, blank=True, on_delete=models.SET_NULL, related_name="joining"
    )
    left_by = models.ForeignKey(
        Rotation, null=True, blank=True, on_delete=models.SET_NULL, related_name="leaving"
    )
    is_placeholder = models.BooleanField(
        _("placeholder dates"),
        default=False,
        help_text=_("The dates stand in for ones the sources do not give."),
    )

    class Meta:
        ordering = ["seat", "start_date"]
        verbose_name = _("Steering Committee member")
        verbose_name_plural = _("Steering Committee members")

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_seat_display()})"


class ImportBatch(models.Model):
    """An uploaded spreadsheet waiting for the secretariat to confirm its preview."""

    class Kind(models.TextChoices):
        PROGRAMMES = "programmes", _("Pipeline (programmes)")
        CONTRIBUTIONS = "contributions", _("Contributions")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    filename = models.CharField(_("file name"), max_length=255)
    data = models.BinaryField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("spreadsheet import")
        verbose_name_plural = _("spreadsheet imports")

    def __str__(self) -> str:
        return self.filename


class FiguresVersion(models.Model):
    """One row: a token that every write to the records behind the fund's figures replaces in
    the writer's own transaction (`services.figures_version_bump`). The dashboards' figures are
    cached under it, so a write shows on the next view in every worker process, and a write
    rolled back leaves the version as it was. A random token rather than a counter: a version
    rolled back is never reused for other data."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("version of the fund's figures")
        verbose_name_plural = _("versions of the fund's figures")

    def __str__(self) -> str:
        return self.token
