"""Every workplan permission for every role: anonymous, stakeholder, focal point, Member State,
secretariat, and the app's own roles (co-lead, member, contributor)."""

import pytest

from nethub.workplan.tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]


def expect(users, perm, obj, allowed: set[str]):
    got = {role for role in users if users[role].has_perm(perm, obj)}
    assert got == allowed, perm


@pytest.fixture
def world(users_by_role):
    """The focal point's organisation co-leads the group; the stakeholder's is a member and
    contributes to one activity; the Member State's organisation has no part."""
    co_lead = users_by_role["focal_point"].organization
    member = users_by_role["stakeholder"].organization
    records = {}
    for status in ("draft", "consultation", "endorsed", "closed"):
        wp = f.workplan(status=status)
        g = f.group(wp, f.priority(wp), co_lead=co_lead, members=[member])
        records[status] = {
            "workplan": wp,
            "group": g,
            "theirs": f.activity(g, contributors=[member]),
            "other": f.activity(g, title="Other"),
        }
    return records


def test_reading(users_by_role, world):
    everyone = set(ROLES)
    for status in ("endorsed", "closed"):
        for perm, key in (("view_workplan", "workplan"), ("view_group", "group")):
            expect(users_by_role, f"workplan.{perm}", world[status][key], everyone)
        expect(users_by_role, "workplan.export", world[status]["workplan"], everyone)
    # A draft: the secretariat; the group's members and co-leads see their group.
    expect(users_by_role, "workplan.view_workplan", world["draft"]["workplan"], {"secretariat"})
    expect(
        users_by_role,
        "workplan.view_group",
        world["draft"]["group"],
        {"secretariat", "focal_point", "stakeholder"},
    )
    expect(users_by_role, "workplan.export", world["draft"]["workplan"], {"secretariat"})
    # In consultation: every network member reads it.
    expect(
        users_by_role,
        "workplan.view_workplan",
        world["consultation"]["workplan"],
        everyone - {"anonymous"},
    )


def test_secretariat_only(users_by_role, world):
    wp = world["consultation"]["workplan"]
    for perm in ("add_workplan", "change_workplan", "endorse_workplan", "confirm_uptake"):
        expect(users_by_role, f"workplan.{perm}", wp, {"secretariat"})


def test_co_leads_manage_their_group_and_decide_requests(users_by_role, world):
    from nethub.workplan.models import MembershipRequest

    g = world["endorsed"]["group"]
    expect(users_by_role, "workplan.manage_group", g, {"secretariat", "focal_point"})
    request = MembershipRequest.objects.create(
        organization=users_by_role["member_state"].organization, group=g
    )
    expect(users_by_role, "workplan.decide_request", request, {"secretariat", "focal_point"})
    # A request on a priority has no co-leads: the secretariat decides.
    on_priority = MembershipRequest.objects.create(
        organization=users_by_role["member_state"].organization, priority=g.priority
    )
    expect(users_by_role, "workplan.decide_request", on_priority, {"secretariat"})
    other = f.group(world["endorsed"]["workplan"], title="Someone else's")
    expect(users_by_role, "workplan.manage_group", other, {"secretariat"})


def test_members_post_progress_on_activities_they_contribute_to(users_by_role, world):
    theirs, other = world["endorsed"]["theirs"], world["endorsed"]["other"]
    expect(
        users_by_role,
        "workplan.add_progress",
        theirs,
        {"secretariat", "focal_point", "stakeholder"},
    )
    expect(users_by_role, "workplan.add_progress", other, {"secretariat", "focal_point"})


def test_asking_to_join(users_by_role, world):
    members = set(ROLES) - {"anonymous"}
    expect(users_by_role, "workplan.request_membership", world["consultation"]["group"], members)
    expect(users_by_role, "workplan.request_membership", world["endorsed"]["group"], members)
    expect(users_by_role, "workplan.request_membership", world["draft"]["group"], set())
    expect(users_by_role, "workplan.request_membership", world["closed"]["group"], set())
