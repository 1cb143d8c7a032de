"""Who may do what on the roster.

Anyone signed in applies; an applicant sees and edits only their own application. The secretariat
reviews applications, assigns peer reviewers and handles support requests. The roster itself is
for the secretariat, Member State representatives and focal points; the public sees only the
experts who consented to be listed, and only the fields each chose. A reviewer sees their own
assignments, and other reviewers' verdicts only after submitting their own.
"""

import rules

from nethub.core.predicates import (
    is_authenticated,
    is_focal_point,
    is_member_state_representative,
    is_secretariat,
)

EDITABLE_BY_APPLICANT = {"draft", "more_info", "accepted", "declined"}
OPEN_ASSIGNMENT = {"invited", "accepted"}


@rules.predicate
def is_applicant(user, application) -> bool:
    return bool(
        application is not None and user.is_authenticated and application.applicant_id == user.pk
    )


@rules.predicate
def application_editable(user, application) -> bool:
    return application is not None and application.status in EDITABLE_BY_APPLICANT


@rules.predicate
def is_listed_expert(user, application) -> bool:
    return bool(
        application is not None
        and application.status == "accepted"
        and application.consent_to_be_listed
    )


@rules.predicate
def is_assigned_reviewer(user, assignment) -> bool:
    return bool(
        assignment is not None
        and user.is_authenticated
        and assignment.expert.applicant_id == user.pk
    )


@rules.predicate
def assignment_is_open(user, assignment) -> bool:
    return assignment is not None and assignment.status in OPEN_ASSIGNMENT


@rules.predicate
def is_requester(user, request) -> bool:
    return bool(
        request is not None and user.is_authenticated and request.requested_by_id == user.pk
    )


reads_roster = is_secretariat | is_member_state_representative | is_focal_point

rules.add_perm("roster.apply", is_authenticated)
rules.add_perm("roster.view_application", is_applicant | is_secretariat)
rules.add_perm("roster.change_application", is_applicant & application_editable)
rules.add_perm("roster.review_application", is_secretariat)
rules.add_perm("roster.view_roster", reads_roster)
rules.add_perm("roster.view_expert", is_listed_expert | is_secretariat)
rules.add_perm("roster.view_expert_details", reads_roster | is_applicant)
rules.add_perm("roster.export", is_secretariat)
rules.add_perm("roster.view_dashboard", is_secretariat)
rules.add_perm("roster.assign_reviewers", is_secretariat)
rules.add_perm("roster.view_assignment", is_assigned_reviewer | is_secretariat)
rules.add_perm("roster.respond_assignment", is_assigned_reviewer & assignment_is_open)
rules.add_perm("roster.file_request", is_member_state_representative | is_secretariat)
rules.add_perm("roster.view_request", is_requester | is_secretariat)
rules.add_perm("roster.manage_request", is_secretariat)
