"""Shared django-rules predicates: who someone is in the network, and time windows.

Every app's `rules.py` builds its permissions from these, so a role means the same everywhere.
"""

import rules

from nethub.accounts.models import Role


@rules.predicate
def is_secretariat(user) -> bool:
    return bool(
        user and user.is_authenticated and (user.role == Role.SECRETARIAT or user.is_superuser)
    )


@rules.predicate
def is_focal_point(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.FOCAL_POINT)


@rules.predicate
def is_stakeholder(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.STAKEHOLDER)


@rules.predicate
def is_member_state_representative(user) -> bool:
    return bool(user and user.is_authenticated and user.role == Role.MEMBER_STATE)


@rules.predicate
def has_organization(user) -> bool:
    return bool(user and user.is_authenticated and user.organization_id)


@rules.predicate
def is_member_of_owner(user, obj) -> bool:
    """The user belongs to the organisation that owns `obj` (its `owner_organization`)."""
    if not (user and user.is_authenticated and user.organization_id and obj is not None):
        return False
    return getattr(obj, "owner_organization_id", None) == user.organization_id


is_authenticated = rules.is_authenticated
is_network_member = (
    is_secretariat | is_focal_point | is_stakeholder | is_member_state_representative
)
