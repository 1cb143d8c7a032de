"""Reads for the fund: the pipeline and contributions as each user may see them, and the fund's
figures (position at a date, the dashboard's tables), each one database aggregate so that the
cost of a page does not grow with the number of records."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.directory.models import Organization
from nethub.fund.models import (
    UNFUNDED_STAGES,
    Allocation,
    Contribution,
    FundingTarget,
    Membership,
    Programme,
    Stage,
    Transition,
)

ZERO = Value(Decimal("0"), output_field=DecimalField(max_digits=18, decimal_places=2))
COMMITMENT = Contribution.Kind.COMMITMENT
CENT = Decimal("0.01")


def money(value) -> Decimal:
    """A sum as exact cents. PostgreSQL sums decimals exactly; SQLite sums them as floating point,
    so its sums are rounded back to the cent here (never used for anything but display)."""
    return Decimal(value or 0).quantize(CENT)


def _money_rows(rows: list[dict], *names: str) -> list[dict]:
    for row in rows:
        for name in names:
            row[name] = money(row[name])
    return rows


def _sum(field: str, **filters):
    return Coalesce(Sum(field, filter=Q(**filters) if filters else None), ZERO)


def _reads_everything(user) -> bool:
    return bool(user and user.has_perm("fund.view_pipeline"))


def programme_list(*, user, filters: dict | None = None, sort: str = "reference") -> QuerySet:
    """Programmes the user may see: published ones for everyone, the whole pipeline for the
    secretariat and the Steering Committee, their own for participating entities."""
    queryset = Programme.objects.select_related(
        "thematic_area", "region", "convening_organization", "window"
    ).prefetch_related("countries")
    if not _reads_everything(user):
        visible = Q(is_published=True)
        if user and user.is_authenticated and user.organization_id:
            visible |= Q(convening_organization_id=user.organization_id) | Q(
                participating_entities=user.organization_id
            )
        queryset = queryset.filter(pk__in=Programme.objects.filter(visible).values("pk"))
    filters = filters or {}
    if filters.get("stage"):
        queryset = queryset.filter(stage=filters["stage"])
    if filters.get("thematic_area"):
        queryset = queryset.filter(thematic_area__code=filters["thematic_area"])
    if filters.get("region"):
        queryset = queryset.filter(region__slug=filters["region"])
    if filters.get("country"):
        queryset = queryset.filter(
            pk__in=Programme.objects.filter(countries__iso2=filters["country"]).values("pk")
        )
    if filters.get("window"):
        queryset = queryset.filter(window__code=filters["window"])
    if filters.get("q"):
        queryset = queryset.filter(
            Q(title__icontains=filters["q"]) | Q(reference__icontains=filters["q"])
        )
    orders = {
        "reference": ["reference"],
        "-requested": ["-requested_usd", "reference"],
        "stage": ["stage", "reference"],
        "-updated": ["-updated_at"],
    }
    return queryset.order_by(*orders.get(sort, ["reference"]))


def programme_detail(*, pk: int) -> Programme:
    return (
        Programme.objects.select_related(
            "thematic_area",
            "region",
            "convening_organization",
            "window",
            "selection_decision__meeting__series",
        )
        .prefetch_related("countries", "participating_entities", "gcm_elements", "documents")
        .get(pk=pk)
    )


def programme_history(*, programme: Programme) -> QuerySet:
    return programme.transitions.select_related("actor", "decision__meeting__series").order_by(
        "-effective_on", "-id"
    )


def contribution_list(*, user, filters: dict | None = None) -> QuerySet:
    queryset = Contribution.objects.select_related("donor", "window", "earmarked_thematic_area")
    if not _reads_everything(user):
        if not (user and user.is_authenticated and user.organization_id):
            return queryset.none()
        queryset = queryset.filter(donor_id=user.organization_id)
    filters = filters or {}
    if filters.get("year"):
        queryset = queryset.filter(date__year=filters["year"])
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("donor"):
        queryset = queryset.filter(donor__slug=filters["donor"])
    return queryset.order_by("-date", "-id")


@dataclass(frozen=True)
class Position:
    on: datetime.date
    target: Decimal
    committed_this_year: Decimal
    committed: Decimal
    received: Decimal
    pledged: Decimal
    allocated: Decimal
    unfunded_demand: Decimal
    unfunded_programmes: int

    @property
    def balance(self) -> Decimal:
        """Cash with the fund: received less allocated."""
        return self.received - self.allocated

    @property
    def target_share(self) -> Decimal | None:
        if not self.target:
            return None
        return (self.committed_this_year / self.target * 100).quantize(Decimal("0.1"))


def _stage_on(day: datetime.date):
    """The stage each programme was at on `day`, from its pipeline history."""
    return Subquery(
        Transition.objects.filter(programme=OuterRef("pk"), effective_on__lte=day)
        .order_by("-effective_on", "-id")
        .values("to_stage")[:1]
    )


def fund_position(*, on: datetime.date, window=None) -> Position:
    """The fund's figures on a date, in USD: the year's target, what was committed (in the year
    and since the start), received, pledged, allocated, and what the pipeline asks that is not
    funded. Four aggregate queries whatever the number of records."""
    contributions = Contribution.objects.all()
    allocations = Allocation.objects.all()
    targets = FundingTarget.objects.filter(year=on.year)
    if window is not None:
        contributions = contributions.filter(window=window)
        allocations = allocations.filter(window=window)
        targets = targets.filter(window=window)
    else:
        targets = targets.filter(window__isnull=True)
    sums = contributions.aggregate(
        committed=_sum("amount_usd", kind=COMMITMENT, date__lte=on),
        committed_this_year=_sum("amount_usd", kind=COMMITMENT, date__lte=on, date__year=on.year),
        received=_sum("amount_usd", kind=COMMITMENT, received_on__lte=on),
        pledged=_sum("amount_usd", kind=Contribution.Kind.PLEDGE, date__lte=on),
    )
    allocated = allocations.aggregate(total=_sum("amount_usd", date__lte=on))["total"]
    target = targets.aggregate(total=_sum("amount_usd"))["total"]
    programmes = Programme.objects.all()
    if window is not None:
        programmes = programmes.filter(window=window)
    demand = (
        programmes.annotate(stage_on=_stage_on(on))
        .filter(stage_on__in=UNFUNDED_STAGES)
        .aggregate(total=_sum("requested_usd"), count=Count("pk"))
    )
    return Position(
        on=on,
        target=money(target),
        allocated=money(allocated),
        unfunded_demand=money(demand["total"]),
        unfunded_programmes=demand["count"],
        **{name: money(value) for name, value in sums.items()},
    )


def contributions_by_year() -> list[dict]:
    """Per year: committed and received (USD) and the whole fund's target, one row a year
    that has either."""
    by_year = {
        row["year"]: row
        for row in Contribution.objects.filter(kind=COMMITMENT)
        .annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(committed=Sum("amount_usd"), count=Count("pk"))
        .order_by("year")
    }
    targets = dict(
        FundingTarget.objects.filter(window__isnull=True).values_list("year", "amount_usd")
    )
    rows = []
    for year in sorted(set(by_year) | set(targets)):
        committed = money(by_year.get(year, {}).get("committed"))
        target = money(targets[year]) if year in targets else None
        rows.append(
            {
                "year": year,
                "committed": committed,
                "count": by_year.get(year, {}).get("count", 0),
                "target": target,
                "share": (committed / target * 100).quantize(Decimal("0.1")) if target else None,
            }
        )
    return rows


def pipeline_by_stage() -> list[dict]:
    found = {
        row["stage"]: row
        for row in Programme.objects.values("stage").annotate(
            count=Count("pk"), requested=Sum("requested_usd")
        )
    }
    return [
        {
            "stage": stage.value,
            "label": stage.label,
            "count": found.get(stage.value, {}).get("count", 0),
            "requested": money(found.get(stage.value, {}).get("requested")),
        }
        for stage in Stage
    ]


def pipeline_by_thematic_area() -> list[dict]:
    rows = list(
        Programme.objects.exclude(stage__in=[Stage.DECLINED, Stage.WITHDRAWN])
        .values("thematic_area__code", "thematic_area__title")
        .annotate(
            count=Count("pk"),
            requested=Coalesce(Sum("requested_usd"), ZERO),
            funded=Count("pk", filter=Q(stage__in=[Stage.FUNDED, Stage.UNDER_WAY, Stage.CLOSED])),
            unfunded=_sum("requested_usd", stage__in=UNFUNDED_STAGES),
        )
        .order_by("thematic_area__code")
    )
    return _money_rows(rows, "requested", "unfunded")


def pipeline_by_region() -> list[dict]:
    rows = list(
        Programme.objects.exclude(stage__in=[Stage.DECLINED, Stage.WITHDRAWN])
        .values("region__name")
        .annotate(
            count=Count("pk"),
            requested=Coalesce(Sum("requested_usd"), ZERO),
            unfunded=_sum("requested_usd", stage__in=UNFUNDED_STAGES),
        )
        .order_by("-count", "region__name")
    )
    return _money_rows(rows, "requested", "unfunded")


def programmes_by_country(*, published_only: bool) -> list[dict]:
    through = Programme.countries.through.objects.exclude(
        programme__stage__in=[Stage.DECLINED, Stage.WITHDRAWN]
    )
    if published_only:
        through = through.filter(programme__is_published=True)
    return list(
        through.values("country__iso2", "country__name")
        .annotate(count=Count("programme_id"))
        .order_by("-count", "country__name")
    )


def top_donors(*, limit: int = 10) -> list[dict]:
    """The donors who committed most (USD), most first. Summed per donor id before any name is
    read: joining every contribution to its donor first took twice as long at 10,000."""
    totals = list(
        Contribution.objects.filter(kind=COMMITMENT)
        .values("donor_id")
        .annotate(total=Sum("amount_usd"), count=Count("pk"))
        .order_by()
    )
    names = {
        pk: (name, slug)
        for pk, name, slug in Organization.objects.filter(
            pk__in=[row["donor_id"] for row in totals]
        ).values_list("pk", "name", "slug")
    }
    rows = [
        {
            "donor__name": names[row["donor_id"]][0],
            "donor__slug": names[row["donor_id"]][1],
            "total": row["total"],
            "count": row["count"],
        }
        for row in totals
    ]
    rows.sort(key=lambda row: (-row["total"], row["donor__name"]))
    return _money_rows(rows[:limit], "total")


def steering_committee(*, on: datetime.date | None = None) -> dict:
    """Who sits on the Steering Committee on `on` (today by default), and who sat before or
    joins later (the membership table is a few dozen rows: sorted here, in one query)."""
    on = on or timezone.localdate()
    memberships = Membership.objects.select_related(
        "organization", "joined_by", "left_by"
    ).order_by("seat", "start_date", "organization__name")
    current, past = [], []
    for membership in memberships:
        sitting = membership.start_date <= on and (
            membership.end_date is None or membership.end_date >= on
        )
        (current if sitting else past).append(membership)
    return {"current": current, "past": past}


def sc_meetings():
    from nethub.fund.services import SC_SERIES
    from nethub.meetings.models import Meeting

    return (
        Meeting.objects.filter(series__name=SC_SERIES)
        .select_related("series")
        .prefetch_related("decisions__fund_selections")
        .order_by("-date")
    )


def dashboard_position(*, on: datetime.date | None = None) -> dict | None:
    """The fund's position as the network dashboard shows it (figures in USD, as exported), or
    None while nothing about the fund is recorded."""
    if not (Contribution.objects.exists() or FundingTarget.objects.exists()):
        return None
    position = fund_position(on=on or timezone.localdate())
    amounts = [
        (_("Target for the year"), position.target),
        (_("Committed this year"), position.committed_this_year),
        (_("Committed since the start"), position.committed),
        (_("Received"), position.received),
        (_("Allocated to programmes"), position.allocated),
        (_("Pipeline not yet funded"), position.unfunded_demand),
    ]
    rows = [(str(label), f"{value:,.0f}") for label, value in amounts]
    if position.target_share is not None:
        rows.append(
            (str(_("Share of the year's target committed (%)")), str(position.target_share))
        )
    return {"headers": [str(_("Figure")), str(_("USD"))], "rows": rows, "as_of": position.on}
