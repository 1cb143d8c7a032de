"""The network dashboard: reviews by region and year, Champion countries and networks over
time, upcoming events, open action points by owner and the
fund's position. Each chart has its table and an export."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from nethub.directory.models import ChampionCountry
from nethub.events import selectors as event_selectors
from nethub.fund import selectors as fund_selectors
from nethub.meetings.models import ActionPoint, ActionPointStatus
from nethub.reviews import selectors
from nethub.reviews.charts import bar_chart_svg, line_chart_svg
from nethub.reviews.exports import table_response

NETWORK_SERIES = ("champion-countries", "country-networks", "regional-networks")
OPEN = (ActionPointStatus.OPEN, ActionPointStatus.IN_PROGRESS)


def _reviews_table():
    regions, years, counts = selectors.reviews_by_region_and_year()
    headers = [_("Region"), *[str(year) for year in years], _("Total")]
    rows = [
        [region, *[counts[region].get(year, 0) for year in years], sum(counts[region].values())]
        for region in regions
    ]
    chart = ""
    if rows:
        chart = bar_chart_svg(
            title=_("Voluntary GCM reviews by region and year"),
            labels=[str(year) for year in years],
            series={region: [counts[region].get(year, 0) for year in years] for region in regions},
        )
    return headers, rows, chart


def _network_table():
    facts = [fact for series in NETWORK_SERIES for fact in selectors.series_points(series=series)]
    facts.sort(key=lambda fact: (fact.date, fact.series))
    dates = sorted({fact.date for fact in facts})
    labels = {}
    by_series: dict[str, dict] = {}
    for fact in facts:
        labels[fact.series] = fact.label
        by_series.setdefault(fact.series, {})[fact.date] = float(fact.value)
    chart = ""
    if facts:
        chart = line_chart_svg(
            title=_("Champion countries and networks over time"),
            labels=[dateformat.format(day, "M Y") for day in dates],
            series={
                labels[s]: [values.get(day) for day in dates] for s, values in by_series.items()
            },
        )
    return facts, chart


def _action_points_table():
    rows = (
        ActionPoint.objects.filter(status__in=OPEN)
        .values("owner_organization__acronym", "owner_organization__name", "owner")
        .annotate(
            total=Count("id"),
            overdue=Count("id", filter=Q(due_date__lt=timezone.localdate())),
        )
        .order_by("-total")
    )
    merged: dict[str, list[int]] = {}
    for row in rows:
        owner = (
            row["owner_organization__acronym"]
            or row["owner_organization__name"]
            or row["owner"]
            or _("No owner")
        )
        counts = merged.setdefault(owner, [0, 0])
        counts[0] += row["total"]
        counts[1] += row["overdue"]
    table = sorted(
        ([owner, *counts] for owner, counts in merged.items()), key=lambda r: (-r[1], r[0])
    )
    chart = ""
    if table:
        top = table[:15]
        chart = bar_chart_svg(
            title=_("Open action points by owner"),
            labels=[row[0] for row in top],
            series={
                _("Open"): [row[1] - row[2] for row in top],
                _("Overdue"): [row[2] for row in top],
            },
        )
    return table, chart


def fund_position() -> dict | None:
    """The Migration MPTF's position today (None while the fund records nothing)."""
    return fund_selectors.dashboard_position()


def dashboard(request: HttpRequest) -> HttpResponse:
    """Public: the network's dashboard."""
    review_headers, review_rows, review_chart = _reviews_table()
    network_facts, network_chart = _network_table()
    ap_rows, ap_chart = _action_points_table()
    return render(
        request,
        "reviews/dashboard.html",
        {
            "review_headers": review_headers,
            "review_rows": review_rows,
            "review_chart": review_chart,
            "network_facts": network_facts,
            "network_chart": network_chart,
            "champion_count": ChampionCountry.objects.count(),
            "ap_rows": ap_rows,
            "ap_chart": ap_chart,
            "upcoming": event_selectors.upcoming(limit=8),
            "fund": fund_position(),
            "headlines": selectors.headline_facts(),
            "featured": selectors.featured_reviews(),
        },
    )


def dashboard_export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """Public: one of the dashboard's tables as CSV or XLSX."""
    if table == "reviews":
        headers, rows, _chart = _reviews_table()
    elif table == "networks":
        facts, _chart = _network_table()
        headers = [_("Date"), _("What is counted"), _("Value"), _("Source"), _("Source sentence")]
        rows = [(f.date.isoformat(), f.label, f.value, f.source_title, f.sentence) for f in facts]
    elif table == "action-points":
        rows, _chart = _action_points_table()
        headers = [_("Owner"), _("Open action points"), _("Overdue")]
    elif table == "fund":
        position = fund_position()
        if position is None:
            raise Http404
        headers, rows = position["headers"], position["rows"]
    else:
        raise Http404
    return table_response(headers=headers, rows=rows, fmt=fmt, filename=f"dashboard-{table}")
