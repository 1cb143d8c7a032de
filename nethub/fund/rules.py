"""Who may do what in the fund.

The public reads published programmes, the Steering Committee's composition and the dashboard.
The secretariat does everything. Members of the Steering Committee (users whose organisation holds
a seat today) read the whole pipeline and every contribution, and record their meetings'
decisions selecting programmes. A focal point of a participating (or convening) UN entity reads
its programmes and reports their progress. A donor's representative reads its contributions."""

from __future__ import annotations

import rules
from django.utils import timezone

from nethub.core.predicates import is_focal_point, is_secretariat


@rules.predicate
def is_steering_committee_member(user) -> bool:
    if not (user and user.is_authenticated and user.organization_id):
        return False
    cached = getattr(user, "_fund_sc_member", None)
    if cached is None:
        from nethub.fund.models import Membership

        today = timezone.localdate()
        cached = (
            Membership.objects.filter(organization_id=user.organization_id, start_date__lte=today)
            .exclude(end_date__lt=today)
            .exists()
        )
        user._fund_sc_member = cached
    return cached


@rules.predicate
def takes_part_in(user, programme) -> bool:
    """The user's organisation convenes or participates in the programme."""
    if not (user and user.is_authenticated and user.organization_id and programme is not None):
        return False
    if programme.convening_organization_id == user.organization_id:
        return True
    return programme.participating_entities.filter(pk=user.organization_id).exists()


@rules.predicate
def is_published(user, programme) -> bool:
    return bool(programme is not None and programme.is_published)


@rules.predicate
def is_donor_of(user, contribution) -> bool:
    return bool(
        user
        and user.is_authenticated
        and user.organization_id
        and contribution is not None
        and contribution.donor_id == user.organization_id
    )


@rules.predicate
def has_contributions(user) -> bool:
    if not (user and user.is_authenticated and user.organization_id):
        return False
    from nethub.fund.models import Contribution

    return Contribution.objects.filter(donor_id=user.organization_id).exists()


reads_everything = is_secretariat | is_steering_committee_member

rules.add_perm("fund.view_dashboard", rules.always_allow)
rules.add_perm("fund.view_steering_committee", rules.always_allow)
rules.add_perm("fund.view_programme", is_published | reads_everything | takes_part_in)
rules.add_perm("fund.view_pipeline", reads_everything)
rules.add_perm("fund.add_programme", is_secretariat)
rules.add_perm("fund.change_programme", is_secretariat)
rules.add_perm("fund.move_programme", is_secretariat)
rules.add_perm("fund.select_programmes", reads_everything)
rules.add_perm("fund.update_progress", is_secretariat | (is_focal_point & takes_part_in))
rules.add_perm("fund.view_contributions", reads_everything | has_contributions)
rules.add_perm("fund.view_contribution", reads_everything | is_donor_of)
rules.add_perm("fund.manage_money", is_secretariat)
rules.add_perm("fund.manage_steering_committee", is_secretariat)
rules.add_perm("fund.import", is_secretariat)
rules.add_perm("fund.view_brief", reads_everything)
