"""The directory's public pages: organisations, people, countries, networks, Champions.

Everything here is public: anyone may read the directory. Changes are made in the back office
and through the API (secretariat only, see rules.py)."""

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from nethub.core.activity import organization_activity
from nethub.core.pagination import paginate
from nethub.directory import selectors
from nethub.directory.maps import world_map_svg
from nethub.directory.models import (
    ChampionCountry,
    Country,
    Network,
    Organization,
    OrganizationKind,
    Person,
    Region,
)

PAGE_SIZE = 25
ORDER_LABELS = [
    ("name", _("Name (A to Z)")),
    ("-name", _("Name (Z to A)")),
    ("kind", _("Kind")),
    ("country", _("Country")),
]


def organization_list(request: HttpRequest) -> HttpResponse:
    """Public: organisations, filtered by kind, region, country and a search; sorted; paged."""
    filters = {
        "kind": request.GET.get("kind", ""),
        "region": request.GET.get("region", ""),
        "country": request.GET.get("country", ""),
        "query": request.GET.get("q", "").strip(),
        "order": request.GET.get("sort", "name"),
    }
    if filters["kind"] not in OrganizationKind.values:
        filters["kind"] = ""
    if filters["order"] not in selectors.ORGANIZATION_ORDERINGS:
        filters["order"] = "name"
    page, querystring = paginate(request, selectors.organization_list(**filters), PAGE_SIZE)
    context = {
        "page_obj": page,
        "organizations": page.object_list,
        "filters": filters,
        "kinds": OrganizationKind.choices,
        "regions": Region.objects.order_by("level", "name"),
        "countries": Country.objects.only("iso2", "name"),  # names localised by iso2
        "orderings": ORDER_LABELS,
        "querystring": querystring,
        "filtered": any(filters[key] for key in ("kind", "region", "country", "query")),
    }
    return render(request, "directory/organization_list.html", context)


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Public: an organisation with its other names, its people, its country and networks,
    and its activity: meetings attended, action points owned, comments, documents, practices
    (what the public may see of each; a fixed number of queries)."""
    try:
        organization = selectors.organization_detail(slug=slug)
    except Organization.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "directory/organization_detail.html",
        {
            "organization": organization,
            "activity": organization_activity(organization=organization, user=request.user),
        },
    )


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: a person, their title and organisation."""
    try:
        person = selectors.person_detail(pk=pk)
    except Person.DoesNotExist as error:
        raise Http404 from error
    return render(request, "directory/person_detail.html", {"person": person})


def country_list(request: HttpRequest) -> HttpResponse:
    """Public: countries and territories by region, Member States and Champions marked."""
    return render(
        request, "directory/country_list.html", {"regions": selectors.regions_with_countries()}
    )


def country_detail(request: HttpRequest, iso2: str) -> HttpResponse:
    """Public: a country, the organisations based there, its networks, Champion status."""
    try:
        country = selectors.country_detail(iso2=iso2)
    except Country.DoesNotExist as error:
        raise Http404 from error
    champion = ChampionCountry.objects.filter(country=country).first()
    context = {
        "country": country,
        "champion": champion,
        "organizations": selectors.country_organizations(country=country),
        "networks": Network.objects.filter(country=country),
    }
    return render(request, "directory/country_detail.html", context)


def network_list(request: HttpRequest) -> HttpResponse:
    """Public: country and regional networks."""
    scope = request.GET.get("scope", "")
    if scope not in Network.Scope.values:
        scope = ""
    return render(
        request,
        "directory/network_list.html",
        {
            "networks": selectors.network_list(scope=scope),
            "scope": scope,
            "scopes": Network.Scope.choices,
        },
    )


def champion_list(request: HttpRequest) -> HttpResponse:
    """Public: the Champion countries of the GCM, with the date and source of each, and a map."""
    return render(request, "directory/champion_list.html", {"champions": selectors.champion_list()})


def _svg(svg: str) -> HttpResponse:
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "public, max-age=300"
    return response


def champion_map(request: HttpRequest) -> HttpResponse:
    """Public: the Champion countries on a world map (SVG, shown beside their table)."""
    codes = [champion.country.iso2 for champion in selectors.champion_list()]
    return _svg(world_map_svg({_("Champion countries"): codes}, title=_("Champion countries")))


def network_map(request: HttpRequest) -> HttpResponse:
    """Public: countries with a country network, and the countries of the regional networks'
    regions, on a world map."""
    country_codes, regional_codes = [], []
    for network in selectors.network_list():
        if network.country_id:
            country_codes.append(network.country.iso2)
        elif network.region_id:
            regional_codes.extend(
                Country.objects.filter(region=network.region).values_list("iso2", flat=True)
            )
    series = {_("Country network"): country_codes}
    if regional_codes:
        series[_("Regional network")] = sorted(set(regional_codes) - set(country_codes))
    return _svg(world_map_svg(series, title=_("Networks")))


def network_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: a network, where it works, its member organisations and its source."""
    try:
        network = selectors.network_detail(pk=pk)
    except Network.DoesNotExist as error:
        raise Http404 from error
    return render(request, "directory/network_detail.html", {"network": network})


def country_map(request: HttpRequest, iso2: str) -> HttpResponse:
    """Public: one country on a world map (its page, a Champion's page, a country network)."""
    try:
        country = selectors.country_detail(iso2=iso2)
    except Country.DoesNotExist as error:
        raise Http404 from error
    return _svg(world_map_svg({country.name: [country.iso2]}, title=country.name))


def region_map(request: HttpRequest, slug: str) -> HttpResponse:
    """Public: the countries of a region on a world map (a regional network's page)."""
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404
    codes = list(
        Country.objects.filter(Q(region=region) | Q(subregion=region)).values_list(
            "iso2", flat=True
        )
    )
    return _svg(world_map_svg({region.name: codes}, title=region.name))
