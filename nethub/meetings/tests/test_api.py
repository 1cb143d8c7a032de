"""The API: meetings and action points are public to read; status changes follow the rules."""

import pytest

from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = pytest.mark.django_db


def test_public_reads(client, reference_data):
    point = ActionPointFactory()
    meetings = client.get("/api/meetings/").json()
    assert meetings["results"][0]["id"] == point.meeting_id
    points = client.get("/api/action-points/", {"status": "open"}).json()
    assert points["results"][0]["text"] == point.text


@pytest.mark.parametrize(
    "role,owned,expected",
    [
        ("anonymous", False, 403),
        ("stakeholder", False, 403),
        ("focal_point", False, 403),
        ("focal_point", True, 200),
        ("secretariat", False, 200),
    ],
)
def test_status_update(client, users_by_role, role, owned, expected):
    owner = users_by_role["focal_point"].organization if owned else None
    point = ActionPointFactory(owner_organization=owner)
    if role != "anonymous":
        client.force_login(users_by_role[role])
    response = client.post(
        f"/api/action-points/{point.pk}/status/",
        {"status": "done"},
        content_type="application/json",
    )
    assert response.status_code == expected
    point.refresh_from_db()
    assert (point.status == "done") is (expected == 200)
