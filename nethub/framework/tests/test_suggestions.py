"""The secretariat's queue of suggested GCM tags: filtered, confirmed or rejected in bulk,
each decision in the record's history, flat query count."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from nethub.core.selectors import audit_history
from nethub.directory.models import Organization
from nethub.framework.models import ElementKind, FrameworkElement, Tagging
from nethub.framework.services import tag_suggestions_record, tag_suggestions_review

pytestmark = pytest.mark.django_db


def _objective(code):
    return FrameworkElement.objects.get(kind=ElementKind.OBJECTIVE, code=code)


def _suggest(n: int):
    organizations = list(Organization.objects.order_by("pk")[:n])
    for organization in organizations:
        tag_suggestions_record(
            obj=organization, scored=[(_objective("5"), 0.8), (_objective("7"), 0.3)]
        )
    return organizations


def test_bulk_confirm_and_reject_with_history(client, secretariat_user):
    first, second = _suggest(2)
    client.force_login(secretariat_user)
    url = reverse("framework:suggestions")
    page = client.get(url, {"element": _objective("5").pk}).content.decode()
    assert page.count('name="tagging"') == 2 and "0.8" not in page
    five = list(Tagging.objects.filter(element=_objective("5")).values_list("pk", flat=True))
    response = client.post(url, {"tagging": five, "action": "confirm"})
    assert response.status_code == 302
    assert Tagging.objects.filter(element=_objective("5"), status="confirmed").count() == 2
    seven = Tagging.objects.get(element=_objective("7"), object_id=first.pk)
    client.post(url, {"tagging": [seven.pk], "action": "reject"})
    assert not Tagging.objects.filter(pk=seven.pk).exists()
    actions = [event.action for event in audit_history(subject=first)]
    assert "tag_confirmed" in actions and "untagged" in actions
    assert Tagging.objects.filter(object_id=second.pk, status="suggested").count() == 1


def test_only_suggestions_are_touched_and_only_by_the_secretariat(
    secretariat_user, focal_point_user
):
    (organization,) = _suggest(1)
    ids = list(Tagging.objects.values_list("pk", flat=True))
    with pytest.raises(PermissionDenied):
        tag_suggestions_review(tagging_ids=ids, confirm=False, actor=focal_point_user)
    assert tag_suggestions_review(tagging_ids=ids, confirm=True, actor=secretariat_user) == 2
    assert tag_suggestions_review(tagging_ids=ids, confirm=False, actor=secretariat_user) == 0
    assert Tagging.objects.filter(object_id=organization.pk, status="confirmed").count() == 2


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "focal_point", "member_state"])
def test_the_queue_is_closed_to_others(client, users_by_role, role):
    if role != "anonymous":
        client.force_login(users_by_role[role])
    assert client.get(reverse("framework:suggestions")).status_code in (302, 403)


def test_queue_query_count_is_flat(client, secretariat_user, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _suggest(2)
    client.force_login(secretariat_user)
    url = reverse("framework:suggestions")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _suggest(20)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_public_pages_show_confirmed_tags_only(client):
    from nethub.framework.services import tags_set
    from nethub.library.models import Document

    confirmed = Document.objects.create(title="Confirmed remittances", status="ready", text="x")
    suggested = Document.objects.create(title="Suggested remittances", status="ready", text="x")
    tags_set(obj=confirmed, elements=[_objective("20")], actor=None)
    tag_suggestions_record(obj=suggested, scored=[(_objective("20"), 0.91)])
    element_page = client.get(_objective("20").get_absolute_url()).content.decode()
    assert "Confirmed remittances" in element_page
    assert "Suggested remittances" not in element_page
    library = client.get(reverse("library:index")).content.decode()
    rows = {
        title: library.split(title, 1)[1].split("</tr>", 1)[0]
        for title in ("Confirmed remittances", "Suggested remittances")
    }
    assert "Objective 20" in rows["Confirmed remittances"]
    assert "Objective 20" not in rows["Suggested remittances"]
    assert "0.91" not in library and "0.91" not in element_page
    api = client.get(f"/api/library/documents/{suggested.pk}/").json()
    assert api["tags"] == []
