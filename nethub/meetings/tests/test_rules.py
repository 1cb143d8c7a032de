"""Each meetings permission, for every role."""

import pytest

from nethub.meetings.tests.factories import ActionPointFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("stakeholder", False),
        ("focal_point", False),
        ("member_state", False),
        ("secretariat", True),
    ],
)
def test_import_meeting(users_by_role, role, expected):
    assert users_by_role[role].has_perm("meetings.import_meeting") is expected


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_meetings(users_by_role, role):
    assert users_by_role[role].has_perm("meetings.view_meeting")


@pytest.mark.parametrize(
    "role,own,other",
    [
        ("anonymous", False, False),
        ("stakeholder", False, False),
        ("focal_point", True, False),
        ("member_state", False, False),
        ("secretariat", True, True),
    ],
)
def test_change_action_point_status(users_by_role, role, own, other):
    user = users_by_role[role]
    owner = users_by_role["focal_point"].organization
    owned = ActionPointFactory(owner_organization=owner)
    elsewhere = ActionPointFactory()
    assert user.has_perm("meetings.change_action_point_status", owned) is own
    assert user.has_perm("meetings.change_action_point_status", elsewhere) is other


def test_a_stakeholder_of_the_owning_organisation_still_may_not(users_by_role):
    stakeholder = users_by_role["stakeholder"]
    point = ActionPointFactory(owner_organization=stakeholder.organization)
    assert not stakeholder.has_perm("meetings.change_action_point_status", point)


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("stakeholder", False),
        ("focal_point", True),
        ("member_state", False),
        ("secretariat", True),
    ],
)
def test_view_my_action_points(users_by_role, role, expected):
    assert users_by_role[role].has_perm("meetings.view_my_action_points") is expected


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("stakeholder", False),
        ("focal_point", True),
        ("member_state", False),
        ("secretariat", True),
    ],
)
def test_update_action_points_at_all(users_by_role, role, expected):
    assert users_by_role[role].has_perm("meetings.update_action_points") is expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("stakeholder", False), ("focal_point", False),
     ("member_state", False), ("secretariat", True)],
)  # fmt: skip
def test_only_the_secretariat_assigns_owners(users_by_role, role, allowed):
    from nethub.meetings.tests.factories import ActionPointFactory

    point = ActionPointFactory()
    assert users_by_role[role].has_perm("meetings.assign_action_point_owner", point) is allowed


@pytest.mark.parametrize(
    "role,own,other",
    [
        ("anonymous", False, False),
        ("stakeholder", False, False),
        ("focal_point", True, False),
        ("member_state", False, False),
        ("secretariat", True, True),
    ],
)
def test_propose_action_point_due_date(users_by_role, role, own, other):
    user = users_by_role[role]
    owned = ActionPointFactory(owner_organization=users_by_role["focal_point"].organization)
    elsewhere = ActionPointFactory()
    assert user.has_perm("meetings.propose_action_point_due_date", owned) is own
    assert user.has_perm("meetings.propose_action_point_due_date", elsewhere) is other


@pytest.mark.parametrize(
    "role,expected",
    [
        ("anonymous", False),
        ("stakeholder", False),
        ("focal_point", False),
        ("member_state", False),
        ("secretariat", True),
    ],
)
def test_change_action_point_due_date(users_by_role, role, expected):
    owned = ActionPointFactory(owner_organization=users_by_role["focal_point"].organization)
    assert users_by_role[role].has_perm("meetings.change_action_point_due_date", owned) is expected


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("stakeholder", False), ("focal_point", False),
     ("member_state", False), ("secretariat", True)],
)  # fmt: skip
@pytest.mark.parametrize("perm", ["meetings.plan_meeting", "meetings.change_meeting"])
def test_only_the_secretariat_plans_and_edits_meetings(users_by_role, role, allowed, perm):
    assert users_by_role[role].has_perm(perm) is allowed
