"""Writes for the directory: organisations, their aliases, people, and the reference data."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import country_converter
from django.db import transaction
from django.utils.text import slugify

from nethub.core.services import audit_record
from nethub.directory.models import (
    Country,
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    Region,
)
from nethub.directory.names import normalise_name

DATA_DIR = Path(__file__).parent / "data"
# country-converter ships a maintained table of ISO 3166 codes, M49 codes and regions.
COUNTRY_TABLE = Path(country_converter.__file__).parent / "country_data.tsv"


def _unique_slug(model, text: str, *, exclude_pk=None) -> str:
    base = slugify(text)[:200] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


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
        slug=_unique_slug(Organization, acronym or name),
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
    entity. Safe to run again: it updates, never duplicates."""
    regions: dict[str, Region] = {}

    def region(name: str, level: str, parent: Region | None = None) -> Region:
        if name not in regions:
            regions[name], _ = Region.objects.update_or_create(
                slug=slugify(name), defaults={"name": name, "level": level, "parent": parent}
            )
        return regions[name]

    countries = 0
    member_states = 0
    for row in _read_country_table():
        if row.get("obsolete") or not row["ISO2"] or not row["ISO3"]:
            continue
        continent = {"America": "Americas"}.get(row["continent"], row["continent"])
        top = region(continent, Region.Level.REGION) if continent else None
        sub = region(row["UNregion"], Region.Level.SUBREGION, top) if row["UNregion"] else None
        is_member = bool(row["UNmember"])
        # A few ISO2 cells are regular expressions ("^GR$|^EL$"): the first code is ISO's.
        iso2 = re.sub(r"[^A-Z]", "", row["ISO2"].split("|")[0])
        country, _ = Country.objects.update_or_create(
            iso2=iso2,
            defaults={
                "iso3": row["ISO3"],
                "m49": (row["UNcode"] or row["ISOnumeric"]).zfill(3),
                "name": row["name_short"],
                "official_name": row["name_official"],
                "region": top,
                "subregion": sub,
                "is_un_member": is_member,
            },
        )
        countries += 1
        if is_member:
            member_states += 1
            _member_state_ensure(country)
    entities = 0
    for entry in json.loads((DATA_DIR / "un_entities.json").read_text(encoding="utf-8")):
        _un_entity_ensure(entry)
        entities += 1
    return {"countries": countries, "member_states": member_states, "un_entities": entities}


def _member_state_ensure(country: Country) -> Organization:
    organization = Organization.objects.filter(
        kind=OrganizationKind.MEMBER_STATE, country=country
    ).first()
    if organization is None:
        organization = organization_create(
            name=country.name,
            kind=OrganizationKind.MEMBER_STATE,
            acronym="",
            aliases=[country.official_name, country.iso3, f"Government of {country.name}"],
            country=country,
        )
    return organization


def _un_entity_ensure(entry: dict) -> Organization:
    organization = Organization.objects.filter(name=entry["name"]).first()
    if organization is None:
        organization = organization_create(
            name=entry["name"],
            kind=OrganizationKind.UN_ENTITY,
            acronym=entry["acronym"],
            aliases=entry.get("aliases", []),
            is_network_member=True,
            is_executive_committee=entry.get("executive_committee", False),
        )
    else:
        for alias in (entry["acronym"], *entry.get("aliases", [])):
            organization_add_alias(organization=organization, alias=alias)
    return organization
