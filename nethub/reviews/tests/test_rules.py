"""Every permission of the review cycle, for every role (and the Member State representative
of another State)."""

import pytest

from nethub.directory.models import Country
from nethub.reviews import services
from nethub.reviews.tests.factories import fact, review_submit

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "stakeholder", "focal_point", "member_state", "secretariat"]


def _check(users_by_role, perm, obj, allowed):
    for role in ROLES:
        expected = role in allowed
        assert users_by_role[role].has_perm(perm, obj) is expected, (perm, role)


def test_submitted_review(users_by_role):
    review = review_submit(users_by_role["member_state"])
    _check(users_by_role, "reviews.view_review", review, {"member_state", "secretariat"})
    _check(users_by_role, "reviews.publish_review", review, {"secretariat"})
    _check(users_by_role, "reviews.tag_review", review, {"member_state", "secretariat"})


def test_published_review(users_by_role):
    review = review_submit(users_by_role["member_state"], status="published")
    _check(users_by_role, "reviews.view_review", review, set(ROLES))
    _check(users_by_role, "reviews.tag_review", review, {"secretariat"})
    _check(users_by_role, "reviews.publish_review", review, {"secretariat"})


def test_submitting_for_a_country(users_by_role):
    _check(users_by_role, "reviews.submit_review", None, {"member_state", "secretariat"})
    mexico, canada = Country.objects.get(iso2="MX"), Country.objects.get(iso2="CA")
    _check(users_by_role, "reviews.submit_review_for", mexico, {"member_state", "secretariat"})
    _check(users_by_role, "reviews.submit_review_for", canada, {"secretariat"})


def test_other_states_representative_does_not_see_a_submitted_review(
    users_by_role, django_user_model
):
    from nethub.directory.models import Organization

    review = review_submit(users_by_role["member_state"])
    other = django_user_model.objects.create_user(
        username="canada_rep",
        role="member_state",
        organization=Organization.objects.get(kind="member_state", country__iso2="CA"),
    )
    assert not other.has_perm("reviews.view_review", review)


def test_queue_forums_and_reports(users_by_role):
    for perm in (
        "reviews.view_review_queue",
        "reviews.add_forum",
        "reviews.change_forum",
        "reviews.add_sg_report",
        "reviews.review_facts",
        "reviews.extract_facts",
    ):
        _check(users_by_role, perm, None, {"secretariat"})


def test_pledges(users_by_role):
    _check(users_by_role, "reviews.add_pledge", None, set(ROLES) - {"anonymous"})
    own = services.pledge_create(actor=users_by_role["focal_point"], title="t", text="x")
    _check(users_by_role, "reviews.update_pledge", own, {"focal_point", "secretariat"})
    _check(users_by_role, "reviews.change_pledge", own, {"focal_point", "secretariat"})
    _check(users_by_role, "reviews.opt_in_pledge", own, set())
    joint = services.pledge_create(
        actor=users_by_role["secretariat"], title="UN", text="x", is_joint=True
    )
    _check(users_by_role, "reviews.opt_in_pledge", joint, {"focal_point", "secretariat"})
    _check(users_by_role, "reviews.update_pledge", joint, {"secretariat"})


def test_figures(users_by_role):
    _check(users_by_role, "reviews.view_fact", fact(status="confirmed"), set(ROLES))
    _check(users_by_role, "reviews.view_fact", fact(status="candidate", start=5), {"secretariat"})
