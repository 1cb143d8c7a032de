"""Who may do what with the workplan. The secretariat does everything; co-leads manage their
group's members, activities and progress; members post progress notes on the activities they
lead or contribute to; network organisations ask to join; the public reads endorsed workplans
and their groups."""

import rules

from nethub.core.predicates import has_organization, is_network_member, is_secretariat


def _workplan(obj):
    if obj is None:
        return None
    if obj.__class__.__name__ == "Workplan":
        return obj
    if obj.__class__.__name__ == "Activity":
        return obj.group.workplan
    if obj.__class__.__name__ == "MembershipRequest":
        return (obj.group or obj.priority).workplan
    return getattr(obj, "workplan", None)


def _group(obj):
    name = obj.__class__.__name__ if obj is not None else ""
    if name == "WorkingGroup":
        return obj
    if name in ("Activity", "MembershipRequest", "Membership"):
        return obj.group
    return None


@rules.predicate
def is_public(user, obj) -> bool:
    workplan = _workplan(obj)
    return workplan is not None and workplan.status in ("endorsed", "closed")


@rules.predicate
def is_co_lead(user, obj) -> bool:
    group = _group(obj)
    if group is None or not (user.is_authenticated and user.organization_id):
        return False
    return group.memberships.filter(organization_id=user.organization_id, role="co_lead").exists()


@rules.predicate
def is_group_member(user, obj) -> bool:
    group = _group(obj)
    if group is None or not (user.is_authenticated and user.organization_id):
        return False
    return group.memberships.filter(organization_id=user.organization_id).exists()


@rules.predicate
def contributes(user, activity) -> bool:
    """The user's organisation leads the activity or contributes to it."""
    if activity is None or not (user.is_authenticated and user.organization_id):
        return False
    if activity.lead_id == user.organization_id:
        return True
    return activity.contributors.filter(pk=user.organization_id).exists()


@rules.predicate
def is_open_to_requests(user, obj) -> bool:
    workplan = _workplan(obj)
    return (
        workplan is not None
        and workplan.status in ("consultation", "endorsed")
        and getattr(obj, "status", "active") == "active"
    )


@rules.predicate
def in_consultation(user, obj) -> bool:
    """A draft opened for consultation is read by the network's members who comment on it."""
    workplan = _workplan(obj)
    return workplan is not None and workplan.status == "consultation"


@rules.predicate
def is_network_organisation(user) -> bool:
    return bool(user.is_authenticated and user.organization_id and user.role)


_readers = is_public | is_secretariat | is_group_member | (is_network_member & in_consultation)
rules.add_perm("workplan.view_workplan", _readers)
rules.add_perm("workplan.view_group", _readers)
rules.add_perm("workplan.add_workplan", is_secretariat)
rules.add_perm("workplan.change_workplan", is_secretariat)
rules.add_perm("workplan.endorse_workplan", is_secretariat)
rules.add_perm("workplan.confirm_uptake", is_secretariat)
rules.add_perm("workplan.export", is_secretariat | is_public)
rules.add_perm("workplan.manage_group", is_secretariat | is_co_lead)
rules.add_perm("workplan.decide_request", is_secretariat | is_co_lead)
rules.add_perm(
    "workplan.request_membership", has_organization & is_network_organisation & is_open_to_requests
)
rules.add_perm("workplan.add_progress", is_secretariat | is_co_lead | contributes)
