"""The directory's pages: filters, search, sorting, pagination, empty states, query counts."""

import pytest
from django.urls import reverse

from nethub.directory.models import ChampionCountry, Country, Network, Organization
from nethub.directory.services import organization_create, person_get_or_create

pytestmark = pytest.mark.django_db


def test_index_lists_organisations_paged(client):
    response = client.get(reverse("directory:index"))
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert page.paginator.count == Organization.objects.count() > 200
    assert len(page.object_list) == 25
    assert b'rel="next"' in response.content


def test_index_filters_by_kind_and_searches_aliases(client):
    response = client.get(reverse("directory:index"), {"kind": "un_entity", "q": "Refugee Agency"})
    names = [org.acronym for org in response.context["organizations"]]
    assert names == ["UNHCR"]
    assert "UN Refugee Agency" not in response.content.decode()  # alias matched, name shown
    assert "Office of the United Nations High Commissioner for Refugees" in (
        response.content.decode()
    )


def test_index_filters_by_region_and_country(client):
    organization_create(
        name="Red Cross Kenya Test", kind="ngo", country=Country.objects.get(iso2="KE")
    )
    by_country = client.get(reverse("directory:index"), {"country": "ke", "kind": "ngo"})
    assert [o.name for o in by_country.context["organizations"]] == ["Red Cross Kenya Test"]
    by_region = client.get(reverse("directory:index"), {"region": "africa", "kind": "ngo"})
    assert [o.name for o in by_region.context["organizations"]] == ["Red Cross Kenya Test"]
    europe = client.get(reverse("directory:index"), {"region": "europe", "kind": "ngo"})
    assert list(europe.context["organizations"]) == []


def test_index_sorts(client):
    response = client.get(reverse("directory:index"), {"kind": "un_entity", "sort": "-name"})
    names = [org.name for org in response.context["organizations"]]
    assert names == sorted(names, reverse=True)
    bad = client.get(reverse("directory:index"), {"sort": "password"})
    assert bad.status_code == 200 and bad.context["filters"]["order"] == "name"


def test_index_empty_state(client):
    response = client.get(reverse("directory:index"), {"q": "no such organisation anywhere"})
    assert response.status_code == 200
    assert "No organisation matches these filters." in response.content.decode()


def test_index_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    # count, page, regions, countries for the filters.
    with django_assert_num_queries(4):
        client.get(reverse("directory:index"))
    with django_assert_num_queries(4):
        client.get(reverse("directory:index"), {"q": "united", "region": "africa", "page": 2})


def test_organization_detail_shows_aliases_people_country(client):
    unhcr = Organization.objects.get(acronym="UNHCR")
    person = person_get_or_create(name="Filippo Grandi", organization=unhcr, title="HC")
    response = client.get(unhcr.get_absolute_url())
    text = response.content.decode()
    assert response.status_code == 200
    assert "UN Refugee Agency" in text and "Filippo Grandi" in text
    assert person.get_absolute_url() in text
    assert client.get(reverse("directory:organization_detail", args=["nope"])).status_code == 404


def test_person_detail(client):
    ilo = Organization.objects.get(acronym="ILO")
    person = person_get_or_create(name="Guy Ryder", organization=ilo, title="Director-General")
    response = client.get(person.get_absolute_url())
    assert "Director-General" in response.content.decode()
    assert ilo.get_absolute_url() in response.content.decode()
    assert client.get(reverse("directory:person_detail", args=[999999])).status_code == 404


def test_country_list_by_region(client, django_assert_num_queries):
    # Portugal is a Champion in the reference data
    with django_assert_num_queries(2):
        response = client.get(reverse("directory:country_list"))
    text = response.content.decode()
    assert "Africa" in text and "Portugal" in text and "Champion" in text


def test_country_detail(client):
    mexico = Country.objects.get(iso2="MX")  # a Champion in the reference data
    Network.objects.create(
        name="UN Network on Migration in Mexico", scope="country", country=mexico
    )
    response = client.get(reverse("directory:country_detail", args=["mx"]))
    text = response.content.decode()
    assert response.status_code == 200
    assert "GCM Champion country" in text
    assert "UN Network on Migration in Mexico" in text
    assert Organization.objects.get(kind="member_state", country=mexico).get_absolute_url() in text
    assert client.get(reverse("directory:country_detail", args=["QQ"])).status_code == 404


def test_network_and_champion_lists(client, django_assert_num_queries):
    assert (
        "No networks recorded yet."
        in client.get(reverse("directory:network_list")).content.decode()
    )
    ChampionCountry.objects.all().delete()
    assert (
        "No Champion countries" in client.get(reverse("directory:champion_list")).content.decode()
    )
    for iso2 in ("PT", "CA", "MX"):
        ChampionCountry.objects.create(country=Country.objects.get(iso2=iso2))
        Network.objects.create(
            name=f"Network {iso2}", scope="country", country=Country.objects.get(iso2=iso2)
        )
    with django_assert_num_queries(1):
        response = client.get(reverse("directory:champion_list"))
    assert "Portugal" in response.content.decode()
    with django_assert_num_queries(1):
        response = client.get(reverse("directory:network_list"), {"scope": "country"})
    assert "Network CA" in response.content.decode()


def test_admin_pages_open_for_staff(client, secretariat_user):
    secretariat_user.is_superuser = True
    secretariat_user.save()
    client.force_login(secretariat_user)
    unhcr = Organization.objects.get(acronym="UNHCR")
    for name, args in [
        ("admin:directory_organization_changelist", []),
        ("admin:directory_organization_change", [unhcr.pk]),
        ("admin:directory_person_changelist", []),
        ("admin:directory_country_changelist", []),
        ("admin:directory_region_changelist", []),
        ("admin:directory_network_add", []),
        ("admin:directory_championcountry_add", []),
        ("admin:accounts_user_changelist", []),
        ("admin:accounts_user_change", [secretariat_user.pk]),
        ("admin:accounts_invitation_add", []),
        ("admin:framework_frameworkelement_changelist", []),
        ("admin:framework_tagging_changelist", []),
        ("admin:core_auditevent_changelist", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name
    assert client.get(reverse("admin:core_auditevent_add")).status_code == 403


def test_organization_detail_costs_fixed_queries(client, django_assert_num_queries):
    unhcr = Organization.objects.get(acronym="UNHCR")
    for n in range(5):
        person_get_or_create(name=f"Person {n}", organization=unhcr)
    # organisation with country, aliases, people, networks (4); its activity: meetings and
    # action points (4), comments (2), documents and practices (4)
    with django_assert_num_queries(14):
        client.get(unhcr.get_absolute_url())


def test_admin_alias_inline_stores_the_lookup_key(client, secretariat_user):
    from nethub.directory.models import OrganizationAlias
    from nethub.directory.selectors import organization_resolve

    secretariat_user.is_superuser = True
    secretariat_user.save()
    client.force_login(secretariat_user)
    org = organization_create(name="Test Alliance for Migrant Workers", kind="ngo")
    url = reverse("admin:directory_organization_change", args=[org.pk])
    aliases = list(org.aliases.all())
    data = {
        "name": org.name, "slug": org.slug, "acronym": "", "kind": "ngo", "country": "",
        "website": "", "description": "",
        "aliases-TOTAL_FORMS": len(aliases) + 1, "aliases-INITIAL_FORMS": len(aliases),
        "aliases-MIN_NUM_FORMS": 0, "aliases-MAX_NUM_FORMS": 1000,
        "people-TOTAL_FORMS": 0, "people-INITIAL_FORMS": 0,
        "people-MIN_NUM_FORMS": 0, "people-MAX_NUM_FORMS": 1000,
    }  # fmt: skip
    for i, alias in enumerate(aliases):
        data[f"aliases-{i}-id"] = alias.pk
        data[f"aliases-{i}-organization"] = org.pk
        data[f"aliases-{i}-alias"] = alias.alias
    data[f"aliases-{len(aliases)}-alias"] = "Alliance Test des Travailleurs Migrants"
    data[f"aliases-{len(aliases)}-organization"] = org.pk
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    alias = OrganizationAlias.objects.get(alias="Alliance Test des Travailleurs Migrants")
    assert alias.normalized == "alliance test des travailleurs migrants"
    assert organization_resolve("alliance test des travailleurs migrants") == org


def test_champions_are_reference_data_with_their_source_and_a_map(client):
    champions = ChampionCountry.objects.select_related("country")
    assert champions.count() == 14
    assert {c.country.iso2 for c in champions} >= {"BD", "MX", "PT", "TH", "GW"}
    assert all("19 October 2020" in c.source for c in champions)
    page = client.get(reverse("directory:champion_list")).content.decode()
    assert "Guinea-Bissau" in page and "Coordinator&#x27;s Briefing" in page
    svg = client.get(reverse("directory:champion_map"))
    assert svg["Content-Type"].startswith("image/svg+xml")
    body = svg.content.decode()
    assert body.startswith("<?xml") or body.startswith("<svg")
    assert "<script" not in body and "Champion countries" in body


def test_network_page_and_map(client):
    network = Network.objects.create(
        name="Kenya network", scope="country", country=Country.objects.get(iso2="KE")
    )
    page = client.get(network.get_absolute_url()).content.decode()
    assert "Kenya network" in page and reverse("directory:country_map", args=["KE"]) in page
    assert "<script" not in client.get(reverse("directory:network_map")).content.decode()


def test_country_and_region_maps(client):
    svg = client.get(reverse("directory:country_map", args=["bd"]))
    assert svg.status_code == 200 and "Bangladesh" in svg.content.decode()
    assert client.get(reverse("directory:country_map", args=["qq"])).status_code == 404
    assert client.get(reverse("directory:region_map", args=["africa"])).status_code == 200
    assert client.get(reverse("directory:region_map", args=["nowhere"])).status_code == 404
    page = client.get(reverse("directory:country_detail", args=["bd"])).content.decode()
    assert reverse("directory:country_map", args=["BD"]) in page and "Source" in page
