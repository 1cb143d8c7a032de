"""Each fund permission, for every role: the public, stakeholder, focal point, Member State,
secretariat, and the fund's own roles (a Steering Committee member, a donor's representative)."""

import datetime

import pytest

from nethub.fund.models import Stage
from nethub.fund.tests.factories import contribution, programme, sc_seat

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "stakeholder",
    "focal_point",
    "member_state",
    "secretariat",
    "sc_member",
    "donor",
]


def _expect(allowed: set[str]):
    return [(role, role in allowed) for role in ROLES]


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_dashboard_and_the_steering_committee(fund_users, role):
    user = fund_users[role]
    assert user.has_perm("fund.view_dashboard")
    assert user.has_perm("fund.view_steering_committee")


@pytest.mark.parametrize(
    "permission,allowed",
    [
        ("fund.view_pipeline", {"secretariat", "sc_member"}),
        ("fund.select_programmes", {"secretariat", "sc_member"}),
        ("fund.view_brief", {"secretariat", "sc_member"}),
        ("fund.view_contributions", {"secretariat", "sc_member", "donor"}),
        ("fund.add_programme", {"secretariat"}),
        ("fund.manage_money", {"secretariat"}),
        ("fund.manage_steering_committee", {"secretariat"}),
        ("fund.import", {"secretariat"}),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_global_permissions(fund_users, permission, allowed, role):
    assert fund_users[role].has_perm(permission) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_view_programme(fund_users, role):
    user = fund_users[role]
    published = programme(stage=Stage.PIPELINE, is_published=True)
    unpublished = programme(stage=Stage.PIPELINE)
    theirs = programme(stage=Stage.PIPELINE)
    theirs.participating_entities.add(fund_users["focal_point"].organization)
    assert user.has_perm("fund.view_programme", published)
    assert user.has_perm("fund.view_programme", unpublished) is (
        role in {"secretariat", "sc_member"}
    )
    assert user.has_perm("fund.view_programme", theirs) is (
        role in {"secretariat", "sc_member", "focal_point"}
    )


@pytest.mark.parametrize("role", ROLES)
def test_change_and_move_programme(fund_users, role):
    record = programme()
    assert fund_users[role].has_perm("fund.change_programme", record) is (role == "secretariat")
    assert fund_users[role].has_perm("fund.move_programme", record) is (role == "secretariat")


@pytest.mark.parametrize("role", ROLES)
def test_update_progress(fund_users, role):
    theirs = programme()
    theirs.participating_entities.add(fund_users["focal_point"].organization)
    other = programme()
    user = fund_users[role]
    assert user.has_perm("fund.update_progress", theirs) is (role in {"secretariat", "focal_point"})
    assert user.has_perm("fund.update_progress", other) is (role == "secretariat")


@pytest.mark.parametrize("role", ROLES)
def test_view_contribution(fund_users, role):
    own = fund_users["donor"].organization.fund_contributions.first()
    from nethub.directory.models import Organization

    other = contribution(donor=Organization.objects.get(name="Norway"))
    user = fund_users[role]
    assert user.has_perm("fund.view_contribution", own) is (
        role in {"secretariat", "sc_member", "donor"}
    )
    assert user.has_perm("fund.view_contribution", other) is (role in {"secretariat", "sc_member"})


def test_a_former_steering_committee_member_reads_no_more(users_by_role):
    user = users_by_role["focal_point"]
    sc_seat(user.organization, start=datetime.date(2019, 1, 1), end=datetime.date(2021, 5, 31))
    assert not user.has_perm("fund.view_pipeline")
