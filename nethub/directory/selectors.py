"""Reads for the directory, above all: which organisation does this piece of text name?"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count, Prefetch, Q, QuerySet

from nethub.directory.models import (
    ChampionCountry,
    Country,
    Network,
    Organization,
    OrganizationAlias,
    Person,
    Region,
)
from nethub.directory.names import is_short_acronym, normalise_name

UN_ENTITIES = Path(__file__).resolve().parent / "data" / "un_entities.json"
# Longest alias, in words, looked for inside a longer text.
_MAX_ALIAS_WORDS = 12
# Where a title and an organisation meet: "HC/OHCHR", "Director, ILO", "Director (UNHCR)".
_SEPARATORS = r"[/,;()\[\]]| - | – "


@dataclass(frozen=True)
class Resolution:
    organization: Organization | ReferenceOrganization
    matched: str  # the part of the text that named the organisation
    remainder: str  # the rest, e.g. a title: "HC" in "HC/OHCHR"


class OrganizationResolver:
    """Resolves names as documents write them to canonical organisations.

    Loads every alias once (two queries), so resolving all the lines of a document is cheap.
    An unknown name resolves to None: it is reported by the caller, never invented.
    Short acronyms ("WHO", "ILO") match only when written in capitals, so that the ordinary
    words "who" or "bit" never name an organisation.
    """

    def __init__(self, names=None) -> None:
        """`names`: (organisation, [names it is written as]) pairs; by default every
        organisation of the database with its aliases (two queries)."""
        self._by_key: dict = {}
        acronym_keys: set[str] = set()
        word_keys: set[str] = set()
        for org, written in _database_names() if names is None else names:
            for name in written:
                # (alias, its stored normalised form) from the database; else a name.
                name, key = name if isinstance(name, tuple) else (name, normalise_name(name or ""))
                if not key:
                    continue
                self._by_key.setdefault(key, org)
                (acronym_keys if is_short_acronym(name) else word_keys).add(key)
        # Keys written only as short acronyms must be written in capitals to match.
        self._capitals_only = acronym_keys - word_keys

    @classmethod
    def from_reference_data(cls) -> OrganizationResolver:
        """The resolver of the directory's reference list of UN entities, without the database
        (extraction before anything is migrated, the bench, tests of rules)."""
        return cls(_reference_names())

    @classmethod
    def default(cls) -> OrganizationResolver:
        """The database's resolver when the directory tables can be read and hold
        organisations, else the reference data's."""
        from django.db import DatabaseError

        try:
            resolver = cls()
        except DatabaseError:
            return cls.from_reference_data()
        return resolver if resolver._by_key else cls.from_reference_data()

    def _lookup(self, text: str) -> Organization | None:
        key = normalise_name(text)
        if not key or key not in self._by_key:
            return None
        if key in self._capitals_only and not is_short_acronym(text.strip()):
            return None
        return self._by_key[key]

    def resolve(self, text: str) -> Organization | None:
        found = self.resolve_in(text)
        return found.organization if found else None

    def resolve_in(self, text: str) -> Resolution | None:
        """Find the organisation `text` names: the whole text, else one of its parts split on
        "/", ",", ";" or brackets (rightmost first, as "Title/ORG" and "Title, ORG" put the
        organisation last), else the longest known name inside one part. The remainder is the
        text without the organisation's name, separators tidied: "DG/IOM, Network Coordinator"
        leaves "DG, Network Coordinator"."""
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            return None
        whole = self._lookup(text)
        if whole:
            return Resolution(whole, text, "")
        spans = _parts(text)
        for start, end in reversed(spans):
            org = self._lookup(text[start:end])
            if org:
                return Resolution(org, text[start:end], _tidy(text[:start] + text[end:]))
        for start, end in reversed(spans):
            found = self._longest_inside(text, start, end)
            if found:
                return found
        return None

    def _longest_inside(self, text: str, part_start: int, part_end: int) -> Resolution | None:
        part = text[part_start:part_end]
        words = list(re.finditer(r"[\w'’.-]+", part))
        for length in range(min(len(words), _MAX_ALIAS_WORDS), 0, -1):
            for start in range(len(words) - length + 1):
                first, last = words[start], words[start + length - 1]
                phrase = part[first.start() : last.end()].strip(".")
                org = self._lookup(phrase)
                if org is None:
                    continue
                # "Georgia" in "Georgia Smith" is part of a longer proper name, not a State;
                # an acronym ("UNDP Crisis Bureau") is distinctive enough on its own.
                if not is_short_acronym(phrase) and not phrase.isupper():
                    before = words[start - 1].group() if start else ""
                    after = words[start + length].group() if start + length < len(words) else ""
                    if before[:1].isupper() or after[:1].isupper():
                        continue
                at = part_start + first.start()
                if start and start + length < len(words):
                    # Named inside a phrase ("Director of UNDP Crisis Bureau"): the phrase is
                    # the title as written.
                    rest = _tidy(text)
                else:
                    rest = _tidy(_drop_connector(text[:at]) + text[at + len(phrase) :])
                return Resolution(org, phrase, rest)
        return None


def _database_names():
    """(organisation, names) for every organisation: aliases first, as entered."""
    organizations = {org.pk: org for org in Organization.objects.all()}
    aliases: dict[int, list[str]] = {}
    for alias, normalized, org_id in OrganizationAlias.objects.values_list(
        "alias", "normalized", "organization_id"
    ):
        aliases.setdefault(org_id, []).append((alias, normalized))
    # Aliases first: an alias entered for one organisation wins over another's name.
    return [(organizations[pk], names) for pk, names in aliases.items()] + [
        (org, [org.name, org.acronym]) for org in organizations.values()
    ]


@dataclass(frozen=True)
class ReferenceOrganization:
    """An organisation of the directory's reference data, before it is in the database."""

    name: str
    acronym: str

    def __str__(self) -> str:
        return self.acronym or self.name


@lru_cache(maxsize=1)
def _reference_names() -> tuple:
    entries = json.loads(UN_ENTITIES.read_text(encoding="utf-8"))
    return tuple(
        (
            ReferenceOrganization(entry["name"], entry["acronym"]),
            [entry["name"], entry["acronym"], *entry.get("aliases", [])],
        )
        for entry in entries
    )


def _parts(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty parts of `text` between separators, whitespace trimmed."""
    spans, position = [], 0
    for match in [*re.finditer(_SEPARATORS, text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((position + lead, position + lead + len(chunk.strip())))
        if match:
            position = match.end()
    return spans


def _drop_connector(text: str) -> str:
    return re.sub(
        r"\s+(of|of the|at|at the|for|for the|in|with|de|du|de la|del)\s*$",
        "",
        text,
        flags=re.IGNORECASE,
    )


def _tidy(text: str) -> str:
    """Tidy what is left once a name is taken out: empty brackets go, a run of separators
    becomes its last one ("DG/ , Network Coordinator" → "DG, Network Coordinator"), and none is
    left at either end."""
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"\s*([/,;](?:\s*[/,;])*)\s*", lambda m: _sep(m.group(1)[-1]), text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;/–-")


def _sep(char: str) -> str:
    return "/" if char == "/" else f"{char} "


def organization_resolve(text: str) -> Organization | None:
    """Resolve one name. For many names, build one OrganizationResolver and reuse it."""
    return OrganizationResolver().resolve(text)


# The orders the organisation list offers: key in the address → database ordering.
ORGANIZATION_ORDERINGS = {
    "name": ("name",),
    "-name": ("-name",),
    "kind": ("kind", "name"),
    "country": ("country__name", "name"),
}


def organization_list(
    *, kind: str = "", region: str = "", country: str = "", query: str = "", order: str = "name"
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
        matching = OrganizationAlias.objects.filter(alias__icontains=query).values(
            "organization_id"
        )
        organizations = organizations.filter(
            Q(name__icontains=query) | Q(acronym__icontains=query) | Q(pk__in=matching)
        )
    return organizations.order_by(*ORGANIZATION_ORDERINGS.get(order, ("name",)))


def organization_detail(*, slug: str) -> Organization:
    return (
        Organization.objects.select_related("country", "country__region")
        .prefetch_related("aliases", "people", "networks")
        .get(slug=slug)
    )


def person_detail(*, pk: int) -> Person:
    return Person.objects.select_related("organization", "organization__country").get(pk=pk)


def person_list(*, organization: Organization | None = None) -> QuerySet[Person]:
    people = Person.objects.select_related("organization")
    if organization is not None:
        people = people.filter(organization=organization)
    return people


def region_list() -> QuerySet[Region]:
    return Region.objects.filter(level=Region.Level.REGION).annotate(
        country_count=Count("countries")
    )


def regions_with_countries() -> QuerySet[Region]:
    """Regions, each with its countries (two queries)."""
    return Region.objects.filter(level=Region.Level.REGION).prefetch_related(
        Prefetch(
            "countries",
            queryset=Country.objects.select_related("subregion", "champion").order_by("name"),
        )
    )


def country_list(*, region: str = "") -> QuerySet[Country]:
    countries = Country.objects.select_related("region", "subregion")
    if region:
        countries = countries.filter(Q(region__slug=region) | Q(subregion__slug=region))
    return countries


def country_detail(*, iso2: str) -> Country:
    return Country.objects.select_related("region", "subregion").get(iso2=iso2.upper())


def country_organizations(*, country: Country) -> QuerySet[Organization]:
    return country.organizations.order_by("kind", "name")


def network_list(*, scope: str = "") -> QuerySet[Network]:
    networks = Network.objects.select_related("country", "region").annotate(
        member_count=Count("members")
    )
    return networks.filter(scope=scope) if scope else networks


def champion_list() -> QuerySet[ChampionCountry]:
    return ChampionCountry.objects.select_related("country", "country__region")


def network_detail(*, pk: int) -> Network:
    return (
        Network.objects.select_related("country", "region").prefetch_related("members").get(pk=pk)
    )
