import pytest
from django.contrib.contenttypes.models import ContentType

from nethub.directory.models import Country, Organization
from nethub.directory.services import organization_create
from nethub.library import selectors, services
from nethub.library.models import Document
from nethub.library.tests.factories import objective, practice_submit, principle

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(stakeholder_user, secretariat_user):
    """Three published practices in Mexico (NGO), Kenya (trade union) and France (NGO), and
    one still submitted."""
    union = organization_create(name="Farmworkers Union of Somewhere", kind="trade_union")
    made = {}
    for iso2, org, objectives, principles in (
        ("MX", stakeholder_user.organization, (6,), (6,)),
        ("KE", union, (20, 19), (5,)),
        ("FR", stakeholder_user.organization, (15,), (8,)),
    ):
        practice = practice_submit(
            stakeholder_user,
            countries=[Country.objects.get(iso2=iso2)],
            objectives=objectives,
            principles=principles,
            organization=org,
            title=f"Practice in {iso2}",
        )
        services.practice_publish(practice=practice, actor=secretariat_user)
        made[iso2] = practice
    practice_submit(stakeholder_user, title="Not yet published")
    return made


def titles(queryset):
    return sorted(p.title for p in queryset)


def test_repository_shows_published_only_and_filters(published):
    assert titles(selectors.practice_list()) == [
        "Practice in FR",
        "Practice in KE",
        "Practice in MX",
    ]
    assert titles(selectors.practice_list(filters={"objective": objective(20).pk})) == [
        "Practice in KE"
    ]
    assert titles(selectors.practice_list(filters={"principle": principle(8).pk})) == [
        "Practice in FR"
    ]
    assert titles(selectors.practice_list(filters={"country": "MX"})) == ["Practice in MX"]
    africa = Country.objects.get(iso2="KE").region
    assert titles(selectors.practice_list(filters={"region": africa.slug})) == ["Practice in KE"]
    assert titles(selectors.practice_list(filters={"organization_kind": "trade_union"})) == [
        "Practice in KE"
    ]
    assert titles(selectors.practice_list(filters={"q": "practice FR"})) == ["Practice in FR"]


def _render_rows(practices):
    for practice in practices:
        list(practice.countries.all())
        [t.element.label for t in practice.taggings.all()]
        str(practice.organization)


def test_repository_costs_a_fixed_number_of_queries(
    published, stakeholder_user, secretariat_user, django_assert_num_queries
):
    with django_assert_num_queries(3):
        _render_rows(list(selectors.practice_list()))
    for n in range(5):
        practice = practice_submit(stakeholder_user, title=f"More {n}", objectives=(1, 2, 3))
        services.practice_publish(practice=practice, actor=secretariat_user)
    with django_assert_num_queries(3):
        _render_rows(list(selectors.practice_list()))


def test_document_list_shows_ready_documents_with_fixed_queries(
    secretariat_user, django_assert_num_queries
):
    org = Organization.objects.get(acronym="IOM")
    for n in range(6):
        document = Document.objects.create(
            title=f"Doc {n}", status="ready" if n < 5 else "failed", kind="report"
        )
        document.organizations.add(org)
    ContentType.objects.get_for_model(Document)  # cached for the life of the process
    with django_assert_num_queries(4):
        rows = list(selectors.document_list())
        for document in rows:
            [str(o) for o in document.organizations.all()]
            [t.element.label for t in document.taggings.all()]
            list(document.countries.all())
    assert len(rows) == 5
    assert [d.title for d in selectors.document_list(filters={"q": "doc 3"})] == ["Doc 3"]
