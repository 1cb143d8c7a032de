"""Names as documents write them resolve to one canonical organisation, with the title left
over; names nethub does not know resolve to None, never to an invented organisation."""

import re

import pytest

from conftest import fixture_path
from nethub.directory.models import Country, Organization, OrganizationKind
from nethub.directory.names import normalise_name
from nethub.directory.selectors import OrganizationResolver

pytestmark = pytest.mark.django_db

# Every participant of the three EC Principals summaries: (fixture, person, organisation
# acronym, title left over once the organisation is taken out).
PARTICIPANTS = {
    "ec-principals-2021-05-05.txt": [
        ("António Vitorino", "IOM", "Director General, Network Coordinator"),
        ("Michelle Bachelet", "OHCHR", "High Commissioner"),
        ("Filippo Grandi", "UNHCR", "High Commissioner"),
        ("Guy Ryder", "ILO", "Director-General"),
        ("Achim Steiner", "UNDP", "Administrator"),
        ("Ghada Fathy Waly", "UNODC", "Executive Director"),
        ("Liu Zhenmin", "DESA", "Under-Secretary-General"),
        ("Omar Abdi", "UNICEF", "Deputy Executive Director"),
        ("Santino Severoni", "WHO", "Director of the Health and Migration Programme"),
    ],
    "ec-principals-2022-02-15.md": [
        ("António Vitorino", "IOM", "Director General, Network Coordinator"),
        ("Guy Ryder", "ILO", "Director-General"),
        (
            "Francesca Spatolisano",
            "DESA",
            "Assistant Secretary-General for Policy Coordination and Inter-Agency Affairs",
        ),
        ("Ilze Brands Kehris", "OHCHR", "Assistant Secretary-General for Human Rights"),
        (
            "Asako Okai",
            "UNDP",
            "ASG, Assistant Administrator and Director of the Crisis Bureau",
        ),
        ("Gillian Triggs", "UNHCR", "Assistant High Commissioner for Protection"),
        ("Omar Abdi", "UNICEF", "Deputy Executive Director"),
        ("John Brandolino", "UNODC", "Director of the Division for Treaty Affairs"),
        ("Zsuzsanna Jakab", "WHO", "Deputy Director-General"),
    ],
    "ec-principals-2024-01-29.txt": [
        ("Amy E. Pope", "IOM", "DG, Network Coordinator"),
        ("Volker Türk", "OHCHR", "HC"),
        ("Peggy Hicks", "OHCHR", "Director"),
        ("Achim Steiner", "UNDP", "Administrator"),
        ("Shoko Noda", "UNDP", "ASG and Director of UNDP Crisis Bureau"),
        ("Ghada Waly", "UNODC", "ED"),
        (
            "Maria Francesca Spatolisano",
            "DESA",
            "ASG/Policy Coordination and Inter-Agency Affairs",
        ),
        ("Manuela Tomei", "ILO", "Assistant DG/Governance, Rights and Dialogue"),
        ("Ruvendrini Menikdiwela", "UNHCR", "AHC"),
        ("Hannan Sulieman", "UNICEF", "Deputy ED"),
        ("Mamta Murthi", "World Bank", "Vice President for Human Development"),
        ("Ailan LI", "WHO", "Assistant DG"),
    ],
}


def participant_lines(name: str) -> list[str]:
    """The participants block of a summary, one entry per person (a line may hold two,
    separated by ";"), markdown and honorifics removed."""
    text = fixture_path(name).read_text(encoding="utf-8")
    after = re.split(r"Participants:?\**", text, maxsplit=1)[1]
    people = []
    for line in after.splitlines():
        line = line.strip().strip("*").strip()
        if not line:
            continue
        if "," not in line or len(line) > 200:  # the first sentence after the list
            break
        for person in line.split(";"):
            person = re.sub(r"^(Ms|Mr|Mrs|Dr)\.\s+", "", person.strip())
            if person:
                people.append(person)
    return people


@pytest.fixture(scope="module")
def resolver(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return OrganizationResolver()


@pytest.mark.parametrize("fixture", sorted(PARTICIPANTS))
def test_every_participant_of_the_ec_summaries_resolves(fixture, resolver):
    lines = participant_lines(fixture)
    expected = PARTICIPANTS[fixture]
    assert len(lines) == len(expected), lines
    for line, (person, acronym, title) in zip(lines, expected, strict=True):
        assert line.startswith(person + ","), line
        after_name = line[len(person) + 1 :].strip()
        found = resolver.resolve_in(after_name)
        assert found is not None, after_name
        assert found.organization.acronym == acronym, after_name
        assert found.remainder == title, after_name
        # The whole line, the person's name included, names the same organisation.
        whole = resolver.resolve_in(line)
        assert whole.organization.acronym == acronym, line
        assert whole.remainder == f"{person}, {title}", line


@pytest.mark.parametrize(
    ("text", "acronym", "remainder"),
    [
        ("HC/OHCHR", "OHCHR", "HC"),
        ("AHC/UNHCR", "UNHCR", "AHC"),
        ("Assistant DG/Governance, Rights and Dialogue, ILO", "ILO", None),
        ("Vice President for Human Development/World Bank", "World Bank", None),
        ("Under-Secretary-General, UNDESA", "DESA", "Under-Secretary-General"),
        ("DG/IOM, Network Coordinator", "IOM", "DG, Network Coordinator"),
        ("Director (UNHCR)", "UNHCR", "Director"),
        ("Office of the United Nations High Commissioner for Refugees", "UNHCR", ""),
        ("Office of the UN High Commissioner for Refugees", "UNHCR", ""),
        ("the U.N. Refugee Agency", "UNHCR", ""),
        ("UN Human Rights", "OHCHR", ""),
        ("International Labour Organisation", "ILO", ""),
        ("International Labor Organization", "ILO", ""),
        ("United Nations Population Fund", "UNFPA", ""),
        ("UN Women", "UN Women", ""),
        ("UN-Women", "UN Women", ""),
        ("Representative, UNFCCC secretariat", "UNFCCC", None),
        ("Executive Director, WFP", "WFP", "Executive Director"),
        ("Director-General of the International Labour Organization", "ILO", "Director-General"),
        ("Organisation internationale pour les migrations", "IOM", ""),
        ("Organización Internacional para las Migraciones", "IOM", ""),
        ("Haut Commissariat des Nations Unies pour les réfugiés", "UNHCR", ""),
        ("Alto Comisionado de las Naciones Unidas para los Refugiados", "UNHCR", ""),
        ("Organisation mondiale de la Santé", "WHO", ""),
        ("Fondo de las Naciones Unidas para la Infancia", "UNICEF", ""),
        ("Banque mondiale", "World Bank", ""),
        ("Unicef", "UNICEF", ""),
    ],
)
def test_names_resolve(text, acronym, remainder, resolver):
    found = resolver.resolve_in(text)
    assert found is not None, text
    assert found.organization.acronym == acronym
    if remainder is not None:
        assert found.remainder == remainder


@pytest.mark.parametrize(
    "text",
    [
        "Migrant Rights Foundation of the Atlantic",
        "Director, Association for Dignified Return",
        "Ms. Georgia Smith, Director, Migrant Rights Foundation",
        "who will attend",
        "a bit later",
        "",
    ],
)
def test_unknown_names_are_reported_not_invented(text, resolver):
    count = Organization.objects.count()
    assert resolver.resolve_in(text) is None
    assert Organization.objects.count() == count


def test_member_states_resolve_by_name_and_government(resolver):
    assert resolver.resolve("Mexico").country.iso2 == "MX"
    assert resolver.resolve("Government of Mexico").country.iso2 == "MX"
    assert resolver.resolve("Permanent Representative of Bangladesh").country.iso2 == "BD"
    assert resolver.resolve("Luxembourg").kind == OrganizationKind.MEMBER_STATE


def test_normalise_name_folds_spelling_case_and_accents():
    assert normalise_name("Organisation Internationale") == normalise_name(
        "organization internationale"
    )
    assert normalise_name("The United Nations Programme") == "un program"
    assert normalise_name("Nations Unies") == normalise_name("Naciones Unidas") == "un"
    assert normalise_name("Réfugiés") == "refugies"


# Every UN system entity the fixtures name, by the name they use.
FIXTURE_ENTITIES = [
    "IOM", "OHCHR", "UNHCR", "ILO", "UNDP", "UNODC", "UNDESA", "DESA", "UNICEF", "WHO",
    "World Bank", "UNFPA", "UN Women", "UNFCCC",
]  # fmt: skip


# "UN..." words in the fixtures that are not UN system entities: the Network itself, the
# General Assembly, country teams and their cooperation frameworks.
NOT_ENTITIES = {"UNNM", "UNGA", "UNCT", "UNCTs", "UNSDCF", "UNSDCFs"}
FIXTURES = [
    "ec-principals-2021-05-05.txt",
    "ec-principals-2022-02-15.md",
    "ec-principals-2024-01-29.txt",
    "coordinator-briefing-2020-10-19.txt",
    "discussion-space-draft-workplan-2022-2024.txt",
]


def test_reference_data_has_every_entity_the_fixtures_name(resolver):
    for name in FIXTURE_ENTITIES:
        org = resolver.resolve(name)
        assert org is not None and org.kind == OrganizationKind.UN_ENTITY, name
    for fixture in FIXTURES:
        text = fixture_path(fixture).read_text(encoding="utf-8")
        for word in set(re.findall(r"\bUN[A-Z]{2,}s?\b|\bUN Women\b", text)) - NOT_ENTITIES:
            org = resolver.resolve(word)
            assert org is not None and org.kind == OrganizationKind.UN_ENTITY, (fixture, word)


def test_reference_data_has_all_193_member_states():
    assert Country.objects.filter(is_un_member=True).count() == 193
    states = Organization.objects.filter(kind=OrganizationKind.MEMBER_STATE)
    assert states.count() == 193
    assert states.filter(country__is_un_member=True).count() == 193
    assert Country.objects.filter(is_un_member=True, region__isnull=True).count() == 0


def test_reference_data_load_is_idempotent_and_fast(django_assert_max_num_queries):
    from nethub.directory.models import OrganizationAlias
    from nethub.directory.services import reference_data_load

    before = (Organization.objects.count(), OrganizationAlias.objects.count())
    with django_assert_max_num_queries(20):
        counts = reference_data_load()
    assert counts == {
        "countries": 250,
        "member_states": 193,
        "un_entities": counts["un_entities"],
        "champions": 14,
    }
    assert (Organization.objects.count(), OrganizationAlias.objects.count()) == before


def test_reference_resolver_works_without_the_database():
    """Extraction and the bench resolve names before anything is migrated: the same resolver,
    built from the directory's reference list of UN entities."""
    resolver = OrganizationResolver.from_reference_data()
    assert str(resolver.resolve("UN Refugee Agency")) == "UNHCR"
    found = resolver.resolve_in("Assistant DG/WHO")
    assert str(found.organization) == "WHO" and found.remainder == "Assistant DG"
    assert resolver.resolve("who") is None  # a short acronym only in capitals


@pytest.mark.django_db
def test_default_resolver_is_the_databases_once_it_holds_organisations(reference_data):
    from nethub.directory.models import Organization

    assert OrganizationResolver.default().resolve("UNHCR") == Organization.objects.get(
        acronym="UNHCR"
    )


@pytest.mark.django_db
def test_default_resolver_falls_back_to_reference_data_on_an_empty_directory():
    assert str(OrganizationResolver.default().resolve("UNHCR")) == "UNHCR"
