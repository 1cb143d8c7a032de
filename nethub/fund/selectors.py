"""Reads for the fund: the pipeline and contributions as each user may see them, and the fund's
figures (position at a date, the dashboard's tables), each one database aggregate kept in the
cache until the next write to the fund, so that the cost of a page does not grow with the
number of records."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
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

from nethub.directory.models import Country, Organization, Region
from nethub.framework.models import FrameworkElement
from nethub.fund.models import (
    JOINT_PROGRAMME_STAGES,
    UNFUNDED_STAGES,
    Allocation,
    Contribution,
    FiguresVersion,
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


# The figures below are sums over every contribution and programme: each is computed once per
# version of the fund's records (and per day, for those that depend on it) and kept in the
# cache. What they hold is numbers by id; names are read fresh for the few rows shown, so a
# renamed donor, country or region shows at once without moving the fund's version.

# A new version makes new keys; the timeout only frees the space of old ones.
FIGURES_CACHE_SECONDS = 24 * 60 * 60
_MISSING = object()


def figures_version() -> str:
    """The current version of the fund's figures (one primary-key read): the database holds
    it, not the cache, so every worker process sees a write at once."""
    return FiguresVersion.objects.filter(pk=1).values_list("token", flat=True).first() or "0"


def _cached(version: str | None, name: str, compute, *parts):
    key = ":".join(["fund-figures", version or figures_version(), name, *map(str, parts)])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, FIGURES_CACHE_SECONDS)
    return value


def fund_position(*, on: datetime.date, window=None, version: str | None = None) -> Position:
    """The fund's figures on a date, in USD: the year's target, what was committed (in the year
    and since the start), received, pledged, allocated, and what the pipeline asks that is not
    funded. Kept per version and day (`version`: one already read, to read it once a page)."""
    window_key = window.pk if window is not None else "all"
    return _cached(
        version, "position", lambda: _position(on=on, window=window), on.isoformat(), window_key
    )


def _position(*, on: datetime.date, window=None) -> Position:
    """Four aggregate queries whatever the number of records."""
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


def contributions_by_year(*, version: str | None = None) -> list[dict]:
    """Per year: committed and received (USD) and the whole fund's target, one row a year
    that has either."""
    return _cached(version, "years", _contributions_by_year)


def _contributions_by_year() -> list[dict]:
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


def pipeline_by_stage(*, version: str | None = None) -> list[dict]:
    found = _cached(
        version,
        "stages",
        lambda: {
            row["stage"]: (row["count"], money(row["requested"]))
            for row in Programme.objects.values("stage").annotate(
                count=Count("pk"), requested=Sum("requested_usd")
            )
        },
    )
    rows = []
    for stage in Stage:
        count, requested = found.get(stage.value, (0, money(0)))
        rows.append(
            {"stage": stage.value, "label": stage.label, "count": count, "requested": requested}
        )
    return rows


def _open_programmes() -> QuerySet:
    return Programme.objects.exclude(stage__in=[Stage.DECLINED, Stage.WITHDRAWN])


def _with_names(
    totals: list[dict], key: str, queryset: QuerySet, *, order: str, fields: dict[str, str]
) -> list[dict]:
    """The rows of `totals`, grouped by the id in `key`, with `fields` of each record read now
    (a renamed record shows at once), in the database's order of `order` (its collation sorts
    accented names as the rest of the site does); a row without a record (programmes with no
    region) comes last, its fields None."""
    ids = [row[key] for row in totals if row[key] is not None]
    records = {
        pk: values
        for pk, *values in queryset.filter(pk__in=ids)
        .order_by(order)
        .values_list("pk", *fields.values())
    }
    rank = {pk: number for number, pk in enumerate(records)}
    empty = [None] * len(fields)
    return [
        {
            **dict(zip(fields, records.get(row[key], empty), strict=True)),
            **{name: value for name, value in row.items() if name != key},
        }
        for row in sorted(totals, key=lambda row: rank.get(row[key], len(rank)))
    ]


def pipeline_by_thematic_area(*, version: str | None = None) -> list[dict]:
    totals = _cached(
        version,
        "themes",
        lambda: _money_rows(
            list(
                _open_programmes()
                .values("thematic_area_id")
                .annotate(
                    count=Count("pk"),
                    funded=Count("pk", filter=Q(stage__in=JOINT_PROGRAMME_STAGES)),
                    requested=Coalesce(Sum("requested_usd"), ZERO),
                    unfunded=_sum("requested_usd", stage__in=UNFUNDED_STAGES),
                )
                .order_by()
            ),
            "requested",
            "unfunded",
        ),
    )
    return _with_names(
        totals,
        "thematic_area_id",
        FrameworkElement.objects.all(),
        order="code",
        fields={"thematic_area__code": "code", "thematic_area__title": "title"},
    )


def pipeline_by_region(*, version: str | None = None) -> list[dict]:
    totals = _cached(
        version,
        "regions",
        lambda: _money_rows(
            list(
                _open_programmes()
                .values("region_id")
                .annotate(
                    count=Count("pk"),
                    requested=Coalesce(Sum("requested_usd"), ZERO),
                    unfunded=_sum("requested_usd", stage__in=UNFUNDED_STAGES),
                )
                .order_by()
            ),
            "requested",
            "unfunded",
        ),
    )
    rows = _with_names(
        totals, "region_id", Region.objects.all(), order="name", fields={"region__name": "name"}
    )
    rows.sort(key=lambda row: -row["count"])  # stable: by name within a count
    return rows


def programmes_by_country(*, published_only: bool, version: str | None = None) -> list[dict]:
    def compute() -> list[dict]:
        through = Programme.countries.through.objects.exclude(
            programme__stage__in=[Stage.DECLINED, Stage.WITHDRAWN]
        )
        if published_only:
            through = through.filter(programme__is_published=True)
        return list(through.values("country_id").annotate(count=Count("programme_id")).order_by())

    rows = _with_names(
        _cached(version, "countries", compute, published_only),
        "country_id",
        Country.objects.all(),
        order="name",
        fields={"country__iso2": "iso2", "country__name": "name"},
    )
    rows.sort(key=lambda row: -row["count"])  # stable: by name within a count
    return rows


def top_donors(*, limit: int = 10, version: str | None = None) -> list[dict]:
    """The donors who committed most (USD), most first. Summed per donor id before any name is
    read: joining every contribution to its donor first took twice as long at 10,000."""
    totals = _cached(
        version,
        "donors",
        lambda: list(
            Contribution.objects.filter(kind=COMMITMENT)
            .values("donor_id")
            .annotate(total=Sum("amount_usd"), count=Count("pk"))
            .order_by()
        ),
    )
    rows = _with_names(
        totals,
        "donor_id",
        Organization.objects.all(),
        order="name",
        fields={"donor__name": "name", "donor__slug": "slug"},
    )
    rows.sort(key=lambda row: -row["total"])  # stable: by name within a total
    return _money_rows(rows[:limit], "total")


def dashboard_figures(*, on: datetime.date, published_only: bool) -> dict:
    """Every figure of the fund's dashboard, the version read once: on a second view, the
    cache's and a few names by id, no sum over the fund's records."""
    version = figures_version()
    return {
        "position": fund_position(on=on, version=version),
        "years": contributions_by_year(version=version),
        "stages": pipeline_by_stage(version=version),
        "themes": pipeline_by_thematic_area(version=version),
        "regions": pipeline_by_region(version=version),
        "countries": programmes_by_country(published_only=published_only, version=version),
        "donors": top_donors(version=version),
    }


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
    version = figures_version()
    recorded = _cached(
        version,
        "recorded",
        lambda: Contribution.objects.exists() or FundingTarget.objects.exists(),
    )
    if not recorded:
        return None
    position = fund_position(on=on or timezone.localdate(), version=version)
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
