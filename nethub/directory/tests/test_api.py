"""The directory and framework API: public reads with filters and pages; organisation writes
for the secretariat only; the OpenAPI description and its offline UI."""

import pytest
import yaml
from django.urls import reverse

from nethub.core.models import AuditEvent
from nethub.directory.models import ChampionCountry, Country, Organization

pytestmark = pytest.mark.django_db


def test_organisations_filtered_and_paged(client):
    response = client.get("/api/organizations/", {"kind": "un_entity"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == Organization.objects.filter(kind="un_entity").count()
    assert {"slug", "name", "acronym", "aliases"} <= set(data["results"][0])
    states = client.get("/api/organizations/", {"kind": "member_state"}).json()
    assert states["count"] == 193 and states["next"]
    mexico = client.get("/api/organizations/", {"country": "mx"}).json()["results"]
    assert [o["name"] for o in mexico] == ["Mexico"]
    africa = client.get("/api/organizations/", {"region": "africa", "kind": "member_state"}).json()
    assert africa["count"] == 54
    found = client.get("/api/organizations/", {"search": "Refugee Agency"}).json()
    assert "UNHCR" in [o["acronym"] for o in found["results"]]
    assert found["count"] < 5


def test_organisation_list_costs_fixed_queries(client, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, page, aliases
        client.get("/api/organizations/")


def test_other_endpoints(client):
    # Portugal is one of the 14 Champions of the reference data; Luxembourg is added here.
    ChampionCountry.objects.create(country=Country.objects.get(iso2="LU"))
    portugal = client.get("/api/countries/PT/").json()
    assert portugal["is_champion"] and portugal["region"] == "europe"
    assert client.get("/api/countries/", {"is_un_member": "true"}).json()["count"] == 193
    regions = client.get("/api/regions/", {"level": "region"}).json()
    assert {r["slug"] for r in regions["results"]} >= {"africa", "americas", "asia", "europe"}
    assert client.get("/api/people/").status_code == 200
    assert client.get("/api/networks/").status_code == 200
    champions = client.get("/api/champions/", {"page_size": 50}).json()
    assert champions["count"] == 15
    assert {"country": "LU", "joined_on": None} in champions["results"]
    assert {"country": "PT", "joined_on": "2020-10-19"} in champions["results"]
    objectives = client.get("/api/framework-elements/", {"kind": "objective"}).json()
    assert objectives["count"] == 23
    areas = client.get("/api/framework-elements/", {"kind": "thematic_area"}).json()
    assert areas["results"][0]["groups"] == ["1", "3", "17", "23"]


NEW = {"name": "Migrant Voices Test Network", "kind": "ngo", "acronym": "MVTN", "country": "KE"}


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_only_secretariat_writes(client, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.post("/api/organizations/", NEW, content_type="application/json")
    assert response.status_code in (401, 403)
    iom = Organization.objects.get(acronym="IOM")
    response = client.patch(
        f"/api/organizations/{iom.slug}/", {"website": "https://x.example"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code in (401, 403)
    assert not Organization.objects.filter(name=NEW["name"]).exists()
    iom.refresh_from_db()
    assert iom.website == ""


def test_secretariat_creates_and_updates(client, secretariat_user):
    client.force_login(secretariat_user)
    response = client.post("/api/organizations/", NEW, content_type="application/json")
    assert response.status_code == 201, response.content
    org = Organization.objects.get(name=NEW["name"])
    assert org.country.iso2 == "KE" and "MVTN" in response.json()["aliases"]
    response = client.patch(
        f"/api/organizations/{org.slug}/",
        {"name": "Migrant Voices Network (renamed)"},
        content_type="application/json",
    )
    assert response.status_code == 200
    org.refresh_from_db()
    assert org.name == "Migrant Voices Network (renamed)"
    event = AuditEvent.objects.get(action="updated", object_id=org.pk)
    assert (event.field, event.old_value, event.actor) == ("name", NEW["name"], secretariat_user)
    # The old name still resolves to the organisation.
    from nethub.directory.selectors import organization_resolve

    assert organization_resolve(NEW["name"]) == org
    bad = client.post("/api/organizations/", {"name": "X", "kind": "nonsense"},
                      content_type="application/json")  # fmt: skip
    assert bad.status_code == 400


def test_schema_validates_and_docs_work_offline(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert "/api/organizations/" in schema["paths"]
    assert "/api/framework-elements/" in schema["paths"]
    from drf_spectacular.validation import validate_schema

    validate_schema(schema)
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    html = docs.content.decode()
    # Swagger UI is served from this site (the sidecar package), not from a CDN.
    assert "drf_spectacular_sidecar" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
