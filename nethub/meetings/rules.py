"""Who may do what with meetings and action points.

Everyone (the public too) reads meetings and the tracker. The secretariat imports summaries and
changes any action point; a focal point changes the status of the action points its own
organisation owns."""

import rules

from nethub.core.predicates import is_focal_point, is_member_of_owner, is_secretariat

rules.add_perm("meetings.view_meeting", rules.always_allow)
rules.add_perm("meetings.import_meeting", is_secretariat)
rules.add_perm(
    "meetings.change_action_point_status", is_secretariat | (is_focal_point & is_member_of_owner)
)
rules.add_perm("meetings.assign_action_point_owner", is_secretariat)
rules.add_perm("meetings.view_my_action_points", is_secretariat | is_focal_point)
# May change the status of some action points (which ones: change_action_point_status decides).
rules.add_perm("meetings.update_action_points", is_secretariat | is_focal_point)
# A focal point proposes a new due date for its organisation's points; the secretariat decides
# (and may change a due date itself).
rules.add_perm(
    "meetings.propose_action_point_due_date",
    is_secretariat | (is_focal_point & is_member_of_owner),
)
rules.add_perm("meetings.change_action_point_due_date", is_secretariat)
# Plan a meeting before it is held, and edit a saved meeting (fields, participants, agenda,
# decisions, action points).
rules.add_perm("meetings.plan_meeting", is_secretariat)
rules.add_perm("meetings.change_meeting", is_secretariat)
