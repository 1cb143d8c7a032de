"""Every roster permission for every role: the public, a stakeholder, a focal point, a Member
State representative, the secretariat, and the roster's own roles (applicant, expert,
reviewer)."""

import pytest

from nethub.roster.models import ReviewAssignment, SupportRequest
from nethub.roster.tests import factories

pytestmark = pytest.mark.django_db

GLOBAL = {
    # permission: roles that have it
    "roster.apply": {"stakeholder", "focal_point", "member_state", "secretariat"},
    "roster.review_application": {"secretariat"},
    "roster.view_roster": {"focal_point", "member_state", "secretariat"},
    "roster.export": {"secretariat"},
    "roster.view_dashboard": {"secretariat"},
    "roster.assign_reviewers": {"secretariat"},
    "roster.file_request": {"member_state", "secretariat"},
    "roster.manage_request": {"secretariat"},
}


@pytest.mark.parametrize("perm, allowed", sorted(GLOBAL.items()))
def test_global_permissions_by_role(users_by_role, perm, allowed):
    for role, user in users_by_role.items():
        assert user.has_perm(perm) == (role in allowed), (perm, role)


@pytest.fixture
def expert(reference_data):
    return factories.expert(name="Listed", public_fields=["name"])


def test_an_applicant_sees_only_their_own_application(users_by_role, expert):
    other = factories.expert(status="submitted")
    assert expert.applicant.has_perm("roster.view_application", expert)
    assert not expert.applicant.has_perm("roster.view_application", other)
    for role, user in users_by_role.items():
        assert user.has_perm("roster.view_application", other) == (role == "secretariat")


def test_applicant_edits_only_outside_review(reference_data):
    for status, editable in [
        ("draft", True),
        ("submitted", False),
        ("in_review", False),
        ("more_info", True),
        ("accepted", True),
        ("declined", True),
    ]:
        application = factories.expert(status=status)
        assert (
            application.applicant.has_perm("roster.change_application", application) == editable
        ), status


def test_unlisted_or_unaccepted_experts_are_not_public(users_by_role, expert):
    unlisted = factories.expert()
    unlisted.consent_to_be_listed = False
    pending = factories.expert(status="submitted")
    for role, user in users_by_role.items():
        assert user.has_perm("roster.view_expert", expert), role
        assert user.has_perm("roster.view_expert", unlisted) == (role == "secretariat"), role
        assert user.has_perm("roster.view_expert", pending) == (role == "secretariat"), role


def test_details_beyond_the_public_fields(users_by_role, expert):
    expected = {"focal_point", "member_state", "secretariat"}
    for role, user in users_by_role.items():
        assert user.has_perm("roster.view_expert_details", expert) == (role in expected), role
    assert expert.applicant.has_perm("roster.view_expert_details", expert)


def test_a_reviewer_sees_only_their_assignments(users_by_role, expert, stakeholder_user):
    from nethub.library.models import Practice

    practice = Practice.objects.create(
        title="p", summary="s", description="d", replicability="r", implementation="ongoing"
    )
    mine = ReviewAssignment.objects.create(item=practice, expert=expert, seat="external")
    theirs = ReviewAssignment.objects.create(
        item=practice, expert=factories.expert(), seat="external"
    )
    reviewer = expert.applicant
    assert reviewer.has_perm("roster.view_assignment", mine)
    assert reviewer.has_perm("roster.respond_assignment", mine)
    assert not reviewer.has_perm("roster.view_assignment", theirs)
    assert not reviewer.has_perm("roster.respond_assignment", theirs)
    mine.status = "submitted"
    assert not reviewer.has_perm("roster.respond_assignment", mine)
    for role, user in users_by_role.items():
        assert user.has_perm("roster.view_assignment", theirs) == (role == "secretariat"), role
        assert not user.has_perm("roster.respond_assignment", theirs), role


def test_a_request_is_seen_by_its_requester_and_the_secretariat(users_by_role, member_state_user):
    support_request = SupportRequest.objects.create(
        requested_by=member_state_user, country=factories.country("MX"), topic="t"
    )
    for role, user in users_by_role.items():
        assert user.has_perm("roster.view_request", support_request) == (
            role in {"member_state", "secretariat"}
        ), role
    other_state = factories.user(role="member_state")
    assert not other_state.has_perm("roster.view_request", support_request)
