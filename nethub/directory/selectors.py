"""Reads for the directory, above all: which organisation does this piece of text name?"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from nethub.directory.models import Country, Organization, OrganizationAlias, Person, Region
from nethub.directory.names import normalise_name

# Longest alias, in words, looked for inside a longer text.
_MAX_ALIAS_WORDS = 12


@dataclass(frozen=True)
class Resolution:
    organization: Organization
    matched: str  # the part of the text that named the organisation
    remainder: str  # the rest, e.g. a title: "HC" in "HC/OHCHR"


class OrganizationResolver:
    """Resolves names as documents write them to canonical organisations.

    Loads every alias once (one query), so resolving all the lines of a document is cheap.
    An unknown name resolves to None: it is reported by the caller, never invented.
    """

    def __init__(self) -> None:
        organizations = {org.pk: org for org in Organization.objects.all()}
        self._by_key: dict[str, Organization] = {}
        for alias in OrganizationAlias.objects.values_list("normalized", "organization_id"):
            self._by_key[alias[0]] = organizations[alias[1]]
        for org in organizations.values():
            for name in (org.name, org.acronym):
                if name:
                    self._by_key.setdefault(normalise_name(name), org)

    def resolve(self, text: str) -> Organization | None:
        found = self.resolve_in(text)
        return found.organization if found else None

    def resolve_in(self, text: str) -> Resolution | None:
        """Find the organisation `text` names: the whole text, else one of its parts split on
        "/", ",", ";" or brackets (rightmost first, as "Title/ORG" and "Title, ORG" put the
        organisation last), else the longest known name inside it."""
        text = text.strip()
        if not text:
            return None
        whole = self._by_key.get(normalise_name(text))
        if whole:
            return Resolution(whole, text, "")
        parts = [part.strip() for part in re.split(r"[/,;()\[\]]| - | – ", text) if part.strip()]
        for part in reversed(parts):
            org = self._by_key.get(normalise_name(part))
            if org:
                return Resolution(org, part, _remove(text, part))
        return self._longest_inside(text)

    def _longest_inside(self, text: str) -> Resolution | None:
        words = list(re.finditer(r"[\w'’.-]+", text))
        best: tuple[int, int, int] | None = None  # (length, start, end) in words
        for start in range(len(words)):
            for end in range(min(len(words), start + _MAX_ALIAS_WORDS), start, -1):
                if best and end - start <= best[0]:
                    break
                phrase = text[words[start].start() : words[end - 1].end()]
                if normalise_name(phrase) in self._by_key:
                    best = (end - start, start, end)
                    break
        if best is None:
            return None
        phrase = text[words[best[1]].start() : words[best[2] - 1].end()]
        org = self._by_key[normalise_name(phrase)]
        return Resolution(org, phrase, _remove(text, phrase))


def _remove(text: str, part: str) -> str:
    rest = text.replace(part, " ", 1)
    rest = re.sub(r"\s*[/,;]\s*(?=\s*$)|^\s*[/,;]\s*", "", rest.strip())
    return re.sub(r"\s+", " ", rest).strip(" ,;/")


def organization_resolve(text: str) -> Organization | None:
    """Resolve one name. For many names, build one OrganizationResolver and reuse it."""
    return OrganizationResolver().resolve(text)


def organization_list(
    *, kind: str = "", region: str = "", country: str = "", query: str = ""
) -> QuerySet[Organization]:
    organizations = Organization.objects.select_related("country", "country__region")
    if kind:
        organizations = organizations.filter(kind=kind)
    if region:
        organizations = organizations.filter(
            Q(country__region__slug=region) | Q(country__subregion__slug=region)
        )
    if country:
        organizations = organizations.filter(country__iso2=country.upper())
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query)
            | Q(acronym__icontains=query)
            | Q(aliases__alias__icontains=query)
        ).distinct()
    return organizations.order_by("name")


def organization_detail(*, slug: str) -> Organization:
    return (
        Organization.objects.select_related("country")
        .prefetch_related("aliases", "people")
        .get(slug=slug)
    )


def person_list(*, organization: Organization | None = None) -> QuerySet[Person]:
    people = Person.objects.select_related("organization")
    if organization is not None:
        people = people.filter(organization=organization)
    return people


def region_list() -> QuerySet[Region]:
    return Region.objects.filter(level=Region.Level.REGION).annotate(
        country_count=Count("countries")
    )


def country_list(*, region: str = "") -> QuerySet[Country]:
    countries = Country.objects.select_related("region", "subregion")
    if region:
        countries = countries.filter(Q(region__slug=region) | Q(subregion__slug=region))
    return countries
