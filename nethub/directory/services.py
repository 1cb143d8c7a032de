"""Writes for the directory: organisations, their aliases, people, and the reference data."""

from __future__ import annotations

import csv
import datetime
import json
import re
from pathlib import Path

import country_converter
from django.db import transaction
from django.utils.text import slugify

from nethub.core.services import audit_record
from nethub.core.slugs import unique_slug
from nethub.directory.models import (
    ChampionCountry,
    Country,
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    Region,
    country_name,
)
from nethub.directory.names import normalise_name

DATA_DIR = Path(__file__).parent / "data"
# country-converter ships a maintained table of ISO 3166 codes, M49 codes and regions.
COUNTRY_TABLE = Path(country_converter.__file__).parent / "country_data.tsv"
OTHER_LANGUAGES = ("fr", "es")


@transaction.atomic
def organization_create(
    *,
    name: str,
    kind: str,
    acronym: str = "",
    aliases: list[str] | tuple[str, ...] = (),
    country: Country | None = None,
    actor=None,
    **fields,
) -> Organization:
    organization = Organization.objects.create(
        name=name,
        slug=unique_slug(Organization, acronym or name),
        acronym=acronym,
        kind=kind,
        country=country,
        **fields,
    )
    for alias in (name, acronym, *aliases):
        if alias:
            organization_add_alias(organization=organization, alias=alias)
    if actor is not None:
        audit_record(actor=actor, subject=organization, action="created")
    return organization


def organization_add_alias(*, organization: Organization, alias: str) -> OrganizationAlias | None:
    """Record another name for `organization`. A name already taken by another organisation
    is left with it (first come), so one name never resolves two ways."""
    key = normalise_name(alias)
    if not key:
        return None
    existing = OrganizationAlias.objects.filter(normalized=key).first()
    if existing:
        return existing if existing.organization_id == organization.pk else None
    return OrganizationAlias.objects.create(organization=organization, alias=alias, normalized=key)


@transaction.atomic
def person_get_or_create(
    *, name: str, organization: Organization | None, title: str = "", honorific: str = ""
) -> Person:
    person, created = Person.objects.get_or_create(
        name=name, organization=organization, defaults={"title": title, "honorific": honorific}
    )
    if not created and title and person.title != title:
        person.title = title
        person.save(update_fields=["title", "updated_at"])
    return person


def _read_country_table() -> list[dict[str, str]]:
    with COUNTRY_TABLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@transaction.atomic
def reference_data_load() -> dict[str, int]:
    """Load (or bring up to date) regions, countries, every Member State and every UN system
    entity. Safe to run again: it updates, never duplicates. Works in bulk (a few dozen
    queries whatever the number of rows), as every test session and the demo run it."""
    rows = []
    for row in _read_country_table():
        if row.get("obsolete") or not row["ISO2"] or not row["ISO3"]:
            continue
        # A few ISO2 cells are regular expressions ("^GR$|^EL$"): the first code is ISO's.
        row["iso2"] = re.sub(r"[^A-Z]", "", row["ISO2"].split("|")[0])
        row["continent"] = {"America": "Americas"}.get(row["continent"], row["continent"])
        rows.append(row)

    regions = _regions_ensure(
        top={row["continent"] for row in rows if row["continent"]},
        sub={(row["UNregion"], row["continent"]) for row in rows if row["UNregion"]},
    )
    existing = {country.iso2: country for country in Country.objects.all()}
    fields = ["iso3", "m49", "name", "official_name", "region_id", "subregion_id", "is_un_member"]
    new, changed = [], []
    for row in rows:
        values = {
            "iso3": row["ISO3"],
            "m49": (row["UNcode"] or row["ISOnumeric"]).zfill(3),
            "name": row["name_short"],
            "official_name": row["name_official"],
            "region_id": _pk(regions.get(row["continent"])),
            "subregion_id": _pk(regions.get(row["UNregion"])),
            "is_un_member": bool(row["UNmember"]),
        }
        country = existing.get(row["iso2"])
        if country is None:
            new.append(Country(iso2=row["iso2"], **values))
        elif any(getattr(country, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(country, name, value)
            changed.append(country)
    Country.objects.bulk_create(new)
    Country.objects.bulk_update(changed, fields)
    countries = {country.iso2: country for country in Country.objects.all()}

    member_countries = [countries[row["iso2"]] for row in rows if row["UNmember"]]
    entries = json.loads((DATA_DIR / "un_entities.json").read_text(encoding="utf-8"))
    _organizations_ensure(member_countries, entries)
    champions = champions_ensure(countries)
    return {
        "countries": len(rows),
        "member_states": len(member_countries),
        "un_entities": len(entries),
        "champions": champions,
    }


def champions_ensure(countries: dict[str, Country]) -> int:
    """Add the Champion countries named in `data/champions.json` that are missing, with the
    date and the document that names them. Existing records are left as people edited them."""
    data = json.loads((DATA_DIR / "champions.json").read_text(encoding="utf-8"))
    present = set(ChampionCountry.objects.values_list("country__iso2", flat=True))
    joined_on = datetime.date.fromisoformat(data["date"])
    ChampionCountry.objects.bulk_create(
        ChampionCountry(country=countries[iso2], joined_on=joined_on, source=data["source"])
        for iso2 in data["countries"]
        if iso2 not in present and iso2 in countries
    )
    return len(data["countries"])


def _pk(obj) -> int | None:
    return obj.pk if obj is not None else None


def _regions_ensure(*, top: set[str], sub: set[tuple[str, str]]) -> dict[str, Region]:
    existing = {region.slug: region for region in Region.objects.all()}
    created = [
        Region(name=name, slug=slugify(name), level=Region.Level.REGION)
        for name in sorted(top)
        if slugify(name) not in existing
    ]
    Region.objects.bulk_create(created)
    existing = {region.slug: region for region in Region.objects.all()}
    by_name = {region.name: region for region in existing.values()}
    new, changed = [], []
    # A sub-region belongs to the first region it is found in (a few span two continents).
    for name, parent_name in sorted(dict(sorted(sub, reverse=True)).items()):
        if name in top:
            continue
        parent = by_name.get(parent_name)
        region = existing.get(slugify(name))
        if region is None:
            new.append(
                Region(name=name, slug=slugify(name), level=Region.Level.SUBREGION, parent=parent)
            )
        elif region.parent_id != (parent.pk if parent else None):
            region.parent = parent
            changed.append(region)
    Region.objects.bulk_create(new)
    Region.objects.bulk_update(changed, ["parent"])
    return {region.name: region for region in Region.objects.all()}


def _organizations_ensure(member_countries: list[Country], entries: list[dict]) -> None:
    """Member States and UN entities with their aliases, created in bulk where missing; the
    aliases of existing ones are completed (a name another organisation has keeps its owner)."""
    states = {
        org.country_id: org
        for org in Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE)
    }
    named = {org.name: org for org in Organization.objects.all()}
    by_pk = {org.pk: org for org in named.values()}
    aliased = {
        key: by_pk[org_id]
        for key, org_id in OrganizationAlias.objects.filter(
            organization__kind=OrganizationKind.UN_ENTITY
        ).values_list("normalized", "organization_id")
    }
    slugs = set(Organization.objects.values_list("slug", flat=True))

    def slug_for(text: str) -> str:
        base = slugify(text)[:200] or "organisation"
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.add(slug)
        return slug

    wanted: list[tuple[Organization, list[str]]] = []  # (organisation, its names)
    new, retranslated = [], []
    entity_translations = json.loads(
        (DATA_DIR / "un_entities_translations.json").read_text(encoding="utf-8")
    )

    def translate(org: Organization, translations: dict) -> None:
        # Names in other languages are reference data: kept up to date like the names.
        if org.translations != translations:
            org.translations = translations
            if org.pk:
                retranslated.append(org)

    for country in member_countries:
        org = states.get(country.pk)
        if org is None:
            org = Organization(
                name=country.name,
                slug=slug_for(country.name),
                kind=OrganizationKind.MEMBER_STATE,
                country=country,
            )
            new.append(org)
        local = {
            language: {"name": country_name(country.iso2, country.name, language)}
            for language in OTHER_LANGUAGES
        }
        translate(org, local)
        names = [country.name, country.official_name, country.iso3]
        names += [other["name"] for other in local.values()]
        wanted.append((org, [*names, f"Government of {country.name}"]))
    for entry in entries:
        # A UN entity renamed since (organization_update keeps the old name as an alias) is the
        # same record: found by its alias, it keeps the new name, and is not created again.
        org = named.get(entry["name"]) or aliased.get(normalise_name(entry["name"]))
        if org is None:
            org = Organization(
                name=entry["name"],
                slug=slug_for(entry["acronym"] or entry["name"]),
                acronym=entry["acronym"],
                kind=OrganizationKind.UN_ENTITY,
                is_network_member=True,
                is_executive_committee=entry.get("executive_committee", False),
            )
            new.append(org)
        local = {
            language: {"name": name, "acronym": acronym}
            for language, (name, acronym) in entity_translations.get(entry["acronym"], {}).items()
        }
        translate(org, local)
        other_names = [value for names in local.values() for value in names.values()]
        wanted.append(
            (org, [entry["name"], entry["acronym"], *entry.get("aliases", []), *other_names])
        )
    Organization.objects.bulk_create(new)
    Organization.objects.bulk_update(retranslated, ["translations"])
    if new and new[0].pk is None:  # backends that do not return keys from a bulk insert
        named = {org.name: org for org in Organization.objects.all()}
        wanted = [(named[org.name], names) for org, names in wanted]

    taken = set(OrganizationAlias.objects.values_list("normalized", flat=True))
    aliases = []
    for org, names in wanted:
        for alias in names:
            key = normalise_name(alias or "")
            if key and key not in taken:
                taken.add(key)
                aliases.append(OrganizationAlias(organization=org, alias=alias, normalized=key))
    OrganizationAlias.objects.bulk_create(aliases)


@transaction.atomic
def organization_update(*, organization: Organization, actor, **fields) -> Organization:
    """Change an organisation's fields; each changed field leaves an audit record. A new name
    or acronym becomes an alias too, so documents using the old one still resolve."""
    changed = []
    for name, value in fields.items():
        old = getattr(organization, name)
        if old != value:
            setattr(organization, name, value)
            changed.append((name, old, value))
    if changed:
        organization.save(update_fields=[name for name, _, _ in changed] + ["updated_at"])
        for name, old, value in changed:
            audit_record(
                actor=actor, subject=organization, action="updated", field=name,
                old_value=old, new_value=value,
            )  # fmt: skip
        for alias in (organization.name, organization.acronym):
            if alias:
                organization_add_alias(organization=organization, alias=alias)
    return organization
