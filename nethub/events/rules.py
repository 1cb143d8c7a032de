"""Who may do what with the calendar.

Everyone reads the calendar and its feeds. The secretariat creates, changes and cancels events
and sees who registered. A signed-in member of the network registers for an event whose
registration is open and whose audience includes them; anyone registered may cancel.
"""

import rules

from nethub.core.predicates import (
    is_focal_point,
    is_member_state_representative,
    is_network_member,
    is_secretariat,
    is_stakeholder,
)


@rules.predicate
def registration_is_open(user, event) -> bool:
    return event is not None and event.registration_open and event.status == "scheduled"


@rules.predicate
def audience_includes(user, event) -> bool:
    if event is None:
        return False
    audience = event.audience
    if audience in ("public", "network"):
        return True
    if audience == "member_states":
        return is_member_state_representative(user) or is_secretariat(user)
    if audience == "stakeholders":
        return is_stakeholder(user) or is_focal_point(user) or is_secretariat(user)
    return False


rules.add_perm("events.add_event", is_secretariat)
rules.add_perm("events.change_event", is_secretariat)
rules.add_perm("events.view_registrations", is_secretariat)
rules.add_perm("events.register", is_network_member & registration_is_open & audience_includes)
rules.add_perm("events.use_feed", is_network_member)
