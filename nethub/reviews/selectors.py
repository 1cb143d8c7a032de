"""Reads of the GCM review cycle, with the visibility rules and what each page shows in a
fixed number of queries."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from nethub.directory.models import Country
from nethub.framework.models import Tagging
from nethub.reviews.models import Fact, Forum, Pledge, SGReport, VoluntaryReview

_TAGGINGS = Prefetch(
    "taggings",
    queryset=Tagging.objects.select_related("element").order_by(
        "element__kind", "element__position"
    ),
)
REVIEW_ORDERS = {
    "newest": ("-year", "country__name", "-pk"),
    "oldest": ("year", "country__name", "pk"),
    "country": ("country__name", "-year", "-pk"),
}


def review_list(*, user=None, filters: dict | None = None) -> QuerySet[VoluntaryReview]:
    """Public reviews (published and featured; with `filters["status"]` the secretariat's
    queue may list submitted ones too), with country, region and tags (fixed queries).
    Filters: q, country (ISO2), region (slug), year, language, objective (element id), sort."""
    from nethub.core.predicates import is_secretariat

    filters = filters or {}
    reviews = VoluntaryReview.objects.all()
    status = filters.get("status")
    if status and user is not None and is_secretariat(user):
        reviews = reviews.filter(status=status)
    else:
        reviews = reviews.filter(status__in=VoluntaryReview.PUBLIC_STATUSES)
    if filters.get("q"):
        for word in filters["q"].split()[:8]:
            reviews = reviews.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(country__name__icontains=word)
            )
    if filters.get("country"):
        reviews = reviews.filter(country__iso2=filters["country"].upper())
    if filters.get("region"):
        reviews = reviews.filter(
            Q(country__region__slug=filters["region"])
            | Q(country__subregion__slug=filters["region"])
        )
    if filters.get("year"):
        reviews = reviews.filter(year=filters["year"])
    if filters.get("language"):
        reviews = reviews.filter(language=filters["language"])
    if filters.get("objective"):
        reviews = reviews.filter(
            taggings__element_id=filters["objective"], taggings__status=Tagging.Status.CONFIRMED
        ).distinct()
    order = REVIEW_ORDERS.get(filters.get("sort") or "", REVIEW_ORDERS["newest"])
    return (
        reviews.select_related("country", "country__region")
        .prefetch_related(_TAGGINGS)
        .order_by(*order)
    )


def featured_reviews(*, limit: int = 3) -> list[VoluntaryReview]:
    return list(
        VoluntaryReview.objects.filter(status=VoluntaryReview.Status.FEATURED)
        .select_related("country")
        .order_by("-featured_at")[:limit]
    )


def review_detail(*, pk: int) -> VoluntaryReview:
    return (
        VoluntaryReview.objects.select_related("country", "country__region", "submitted_by")
        .prefetch_related(_TAGGINGS)
        .get(pk=pk)
    )


def country_reviews(*, country: Country, user=None) -> list[VoluntaryReview]:
    """A country's reviews over time, newest first: public ones, and for the secretariat and
    the country's own representatives those still submitted."""
    reviews = VoluntaryReview.objects.filter(country=country)
    if user is None or not user.has_perm("reviews.submit_review_for", country):
        reviews = reviews.filter(status__in=VoluntaryReview.PUBLIC_STATUSES)
    return list(reviews.prefetch_related(_TAGGINGS).order_by("-year", "-pk"))


def reviews_by_region_and_year() -> tuple[list[str], list[int], dict[str, dict[int, int]]]:
    """Public reviews counted by region and year: (regions, years, counts[region][year])."""
    rows = (
        VoluntaryReview.objects.filter(status__in=VoluntaryReview.PUBLIC_STATUSES)
        .values("country__region__name", "year")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[str, dict[int, int]] = defaultdict(dict)
    years = set()
    for row in rows:
        region = row["country__region__name"] or "—"
        counts[region][row["year"]] = row["n"]
        years.add(row["year"])
    return sorted(counts), sorted(years), dict(counts)


def forum_list(*, kind: str = "") -> QuerySet[Forum]:
    forums = Forum.objects.select_related("region").annotate(roundtable_count=Count("roundtables"))
    if kind:
        forums = forums.filter(kind=kind)
    return forums.order_by(Coalesce("start_date", "created_at__date").desc(), "title")


def forum_detail(*, pk: int) -> Forum:
    return (
        Forum.objects.select_related("region", "outcome_document")
        .prefetch_related("roundtables", "co_facilitators", "documents", "sg_reports", "pledges")
        .get(pk=pk)
    )


def sg_report_list() -> QuerySet[SGReport]:
    return SGReport.objects.select_related("document", "forum").order_by("-date")


def sg_report_detail(*, pk: int) -> SGReport:
    return (
        SGReport.objects.select_related("document", "forum").prefetch_related("inputs").get(pk=pk)
    )


def pledge_list(*, filters: dict | None = None) -> QuerySet[Pledge]:
    filters = filters or {}
    pledges = Pledge.objects.all()
    if filters.get("status"):
        pledges = pledges.filter(status=filters["status"])
    if filters.get("kind"):
        pledges = pledges.filter(pledger__kind=filters["kind"])
    if filters.get("joint"):
        pledges = pledges.filter(is_joint=True)
    return (
        pledges.select_related("pledger", "forum")
        .annotate(opted_in_count=Count("opted_in"))
        .prefetch_related(_TAGGINGS)
        .order_by("-date", "-pk")
    )


def pledge_detail(*, pk: int) -> Pledge:
    return (
        Pledge.objects.select_related("pledger", "forum")
        .prefetch_related("opted_in", _TAGGINGS, Prefetch("updates", queryset=_updates()))
        .get(pk=pk)
    )


def _updates():
    from nethub.reviews.models import PledgeUpdate

    return PledgeUpdate.objects.select_related("author").order_by("-created_at", "-pk")


# ---- figures ------------------------------------------------------------------------------


def fact_queue(*, status: str = "candidate") -> QuerySet[Fact]:
    return (
        Fact.objects.filter(status=status)
        .select_related("document", "meeting")
        .order_by("series", "date", "pk")
    )


def fact_detail(*, pk: int) -> Fact:
    return Fact.objects.select_related("document", "meeting", "meeting__series").get(pk=pk)


def series_list() -> list[dict]:
    """Each series of confirmed figures: its slug, label, number of points, latest point."""
    facts = (
        Fact.objects.filter(status=Fact.Status.CONFIRMED)
        .select_related("document", "meeting")
        .order_by("series", "date", "pk")
    )
    grouped: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        grouped[fact.series].append(fact)
    return [
        {"series": series, "label": points[-1].label, "points": points, "latest": points[-1]}
        for series, points in sorted(grouped.items())
    ]


def series_points(*, series: str) -> list[Fact]:
    """The confirmed figures of one series in date order, with their sources."""
    return list(
        Fact.objects.filter(status=Fact.Status.CONFIRMED, series=series)
        .select_related("document", "meeting", "meeting__series")
        .order_by("date", "pk")
    )


def headline_facts(*, limit: int = 6) -> list[Fact]:
    """The latest confirmed headline figure of each series."""
    facts = (
        Fact.objects.filter(status=Fact.Status.CONFIRMED, is_headline=True)
        .select_related("document", "meeting", "meeting__series")
        .order_by("series", "-date", "-pk")
    )
    latest: dict[str, Fact] = {}
    for fact in facts:
        latest.setdefault(fact.series, fact)
    return sorted(latest.values(), key=lambda fact: fact.date, reverse=True)[:limit]
