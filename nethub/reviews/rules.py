"""Who may do what in the GCM review cycle.

Published and featured voluntary reviews, forums, SG reports, pledges and confirmed figures
are public. A Member State representative submits reviews for their own State, the
secretariat for any State, and only the secretariat publishes and features them. Pledgers
report progress on their own pledges; UN entities opt in to a joint pledge. Candidate figures
are the secretariat's to confirm or reject.
"""

import rules

from nethub.core.predicates import (
    is_focal_point,
    is_member_of_owner,
    is_member_state_representative,
    is_network_member,
    is_secretariat,
)


@rules.predicate
def review_is_public(user, review) -> bool:
    return review is not None and review.status in ("published", "featured")


@rules.predicate
def is_review_submitter(user, review) -> bool:
    return bool(review is not None and user.is_authenticated and review.submitted_by_id == user.pk)


@rules.predicate
def represents_review_country(user, review) -> bool:
    """The user represents the Member State the review (or a country) is about."""
    if review is None or not (user.is_authenticated and user.organization_id):
        return False
    country_id = getattr(review, "country_id", None) or getattr(review, "pk", None)
    return user.organization.country_id == country_id


@rules.predicate
def review_is_submitted(user, review) -> bool:
    return review is not None and review.status == "submitted"


@rules.predicate
def pledge_is_joint(user, pledge) -> bool:
    return pledge is not None and pledge.is_joint


@rules.predicate
def user_is_un_entity(user) -> bool:
    return bool(
        user.is_authenticated and user.organization_id and user.organization.kind == "un_entity"
    )


@rules.predicate
def fact_is_confirmed(user, fact) -> bool:
    return fact is not None and fact.status == "confirmed"


rules.add_perm(
    "reviews.view_review",
    review_is_public
    | is_secretariat
    | is_review_submitter
    | (is_member_state_representative & represents_review_country),
)
rules.add_perm("reviews.submit_review", is_secretariat | is_member_state_representative)
# The object is a directory.Country: whom a review may be submitted for.
rules.add_perm(
    "reviews.submit_review_for",
    is_secretariat | (is_member_state_representative & represents_review_country),
)
rules.add_perm("reviews.publish_review", is_secretariat)
rules.add_perm("reviews.view_review_queue", is_secretariat)
rules.add_perm(
    "reviews.tag_review",
    is_secretariat
    | (review_is_submitted & is_member_state_representative & represents_review_country),
)

rules.add_perm("reviews.add_forum", is_secretariat)
rules.add_perm("reviews.change_forum", is_secretariat)
rules.add_perm("reviews.add_sg_report", is_secretariat)

rules.add_perm("reviews.add_pledge", is_network_member)
rules.add_perm("reviews.change_pledge", is_secretariat | is_member_of_owner)
rules.add_perm("reviews.update_pledge", is_secretariat | is_member_of_owner)
rules.add_perm(
    "reviews.opt_in_pledge",
    pledge_is_joint & (is_secretariat | (is_focal_point & user_is_un_entity)),
)

rules.add_perm("reviews.view_fact", fact_is_confirmed | is_secretariat)
rules.add_perm("reviews.review_facts", is_secretariat)
rules.add_perm("reviews.extract_facts", is_secretariat)
