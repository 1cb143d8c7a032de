"""The framework pages and the tag editor any app includes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from nethub.core.models import AuditEvent
from nethub.directory.models import Organization, Person
from nethub.framework.models import ElementKind, FrameworkElement, Tagging
from nethub.framework.services import tag_suggestions_record, tags_set

pytestmark = pytest.mark.django_db


def element(kind, code):
    return FrameworkElement.objects.get(kind=kind, code=code)


def test_index_lists_every_kind_with_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get(reverse("framework:index"))
    text = response.content.decode()
    assert response.status_code == 200
    assert len(response.context["objectives"]) == 23
    assert len(response.context["principles"]) == 10
    assert len(response.context["thematic_areas"]) == 5
    assert [e.code for e in response.context["sdg_targets"]] == ["8.8", "10.7", "10.c"]
    area = response.context["thematic_areas"][0]
    assert [o.code for o in area.groups.all()] == ["1", "3", "17", "23"]
    assert element(ElementKind.OBJECTIVE, "23").get_absolute_url() in text


def test_element_detail_groups_tagged_records_by_kind(
    client, secretariat_user, django_assert_max_num_queries
):
    objective = element(ElementKind.OBJECTIVE, "6")
    response = client.get(objective.get_absolute_url())
    assert "Nothing is tagged with this yet." in response.content.decode()

    orgs = list(Organization.objects.filter(kind="un_entity")[:3])
    for org in orgs:
        tags_set(obj=org, elements=[objective], actor=secretariat_user)
    person = Person.objects.create(name="Guy Ryder", organization=orgs[0])
    tags_set(obj=person, elements=[objective], actor=secretariat_user)
    # A suggestion is not shown as tagged.
    suggested_only = Organization.objects.get(acronym="WFP")
    tag_suggestions_record(obj=suggested_only, scored=[(objective, 0.9)])
    with django_assert_max_num_queries(6):
        response = client.get(objective.get_absolute_url())
    tagged = response.context["tagged"]
    assert sorted(tagged) == ["organisations", "people"]
    assert {o.pk for o in tagged["organisations"]} == {o.pk for o in orgs}
    assert suggested_only not in tagged["organisations"]
    # More records of the same kinds do not cost more queries.
    for org in Organization.objects.filter(kind="member_state")[:20]:
        tags_set(obj=org, elements=[objective], actor=secretariat_user)
    with django_assert_max_num_queries(6):
        client.get(objective.get_absolute_url())
    assert client.get("/framework/objective/99/").status_code == 404


def test_sdg_target_with_a_dot_in_its_code(client):
    response = client.get(element(ElementKind.SDG_TARGET, "10.c").get_absolute_url())
    assert response.status_code == 200


def _editor_url(obj):
    return reverse("framework:tags_edit", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def _suggest(obj, *codes):
    tag_suggestions_record(
        obj=obj, scored=[(element(ElementKind.OBJECTIVE, code), 0.5) for code in codes]
    )


def test_secretariat_confirms_removes_and_adds_tags(client, secretariat_user):
    org = Organization.objects.get(acronym="IOM")
    _suggest(org, "5", "6")
    client.force_login(secretariat_user)
    five = Tagging.objects.get(object_id=org.pk, element__code="5", element__kind="objective")
    six = Tagging.objects.get(object_id=org.pk, element__code="6", element__kind="objective")
    url = _editor_url(org)

    response = client.post(url, {"action": "confirm", "tagging": five.pk}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'class="tag-editor"' in response.content.decode()
    five.refresh_from_db()
    assert five.status == Tagging.Status.CONFIRMED and five.tagged_by == secretariat_user

    response = client.post(url, {"action": "remove", "tagging": six.pk, "next": "/directory/"})
    assert response.status_code == 302 and response["Location"] == "/directory/"
    assert not Tagging.objects.filter(pk=six.pk).exists()

    seven = element(ElementKind.OBJECTIVE, "7")
    client.post(url, {"action": "add", "element": seven.pk, "next": "https://evil.example/"})
    assert Tagging.objects.get(element=seven, object_id=org.pk).status == "confirmed"
    actions = set(AuditEvent.objects.filter(object_id=org.pk).values_list("action", flat=True))
    assert {"tag_confirmed", "untagged", "tagged"} <= actions


def test_invalid_edit_reports_and_changes_nothing(client, secretariat_user):
    org = Organization.objects.get(acronym="IOM")
    client.force_login(secretariat_user)
    response = client.post(
        _editor_url(org), {"action": "remove", "tagging": 999999}, HTTP_HX_REQUEST="true"
    )
    assert "This tag is no longer on the record." in response.content.decode()
    response = client.post(_editor_url(org), {"action": "add"}, HTTP_HX_REQUEST="true")
    assert "Choose a framework element to add." in response.content.decode()
    assert not Tagging.objects.filter(object_id=org.pk).exists()


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_others_may_not_edit_tags(client, users_by_role, role):
    org = Organization.objects.get(acronym="IOM")
    _suggest(org, "5")
    if role != "anonymous":
        client.force_login(users_by_role[role])
    tagging = Tagging.objects.get(object_id=org.pk, element__code="5", element__kind="objective")
    response = client.post(_editor_url(org), {"action": "confirm", "tagging": tagging.pk})
    assert response.status_code == 403
    tagging.refresh_from_db()
    assert tagging.status == Tagging.Status.SUGGESTED


def test_the_editor_partial_renders_in_any_page(secretariat_user, stakeholder_user):
    org = Organization.objects.get(acronym="IOM")
    _suggest(org, "5")
    template = Template("{% load framework_tags %}{% tag_editor obj %}")
    request = RequestFactory().get("/somewhere/")
    request.user = secretariat_user
    html = template.render(Context({"obj": org, "request": request}))
    assert "Objective 5" in html and "Confirm" in html and "Add a GCM tag" in html
    # Editors see the suggester's confidence, and that a low one is only tentative.
    assert "confidence 0.50" in html and "tentative" in html
    request.user = stakeholder_user
    html = template.render(Context({"obj": org, "request": request}))
    # Suggestions are for those who may confirm them.
    assert "Objective 5" not in html and "Confirm" not in html and "Add a GCM tag" not in html


def test_the_public_sees_confirmed_tags_only(secretariat_user, stakeholder_user):
    """Suggestions and their confidence are for editors; anyone else sees confirmed tags."""
    from django.contrib.auth.models import AnonymousUser

    org = Organization.objects.get(acronym="IOM")
    _suggest(org, "5")
    six = element(ElementKind.OBJECTIVE, "6")
    Tagging.objects.create(
        element=six, content_type=ContentType.objects.get_for_model(org), object_id=org.pk
    )
    template = Template("{% load framework_tags %}{% tag_editor obj %}")
    request = RequestFactory().get("/somewhere/")
    for user in (AnonymousUser(), stakeholder_user):
        request.user = user
        html = template.render(Context({"obj": org, "request": request}))
        assert "Objective 6" in html
        assert "Objective 5" not in html and "Suggested tags" not in html
        assert "confidence" not in html
    request.user = secretariat_user
    html = template.render(Context({"obj": org, "request": request}))
    assert "Objective 5" in html and "Objective 6" in html
