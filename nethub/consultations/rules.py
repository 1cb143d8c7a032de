"""Who may do what in a Discussion Space. Phases (before, during, after the consultation) are
predicates, so views never test dates themselves."""

import rules

from nethub.core.predicates import has_organization, is_secretariat


def _consultation(obj):
    """Permissions are checked on a consultation or on one of its comments."""
    if obj is None:
        return None
    return getattr(obj, "consultation", obj)


@rules.predicate
def consultation_is_open(user, obj) -> bool:
    consultation = _consultation(obj)
    return bool(consultation is not None and consultation.is_open)


@rules.predicate
def consultation_is_upcoming(user, obj) -> bool:
    consultation = _consultation(obj)
    return bool(consultation is not None and consultation.phase == "upcoming")


@rules.predicate
def consultation_is_closed(user, obj) -> bool:
    consultation = _consultation(obj)
    return bool(consultation is not None and consultation.phase == "closed")


@rules.predicate
def may_take_part(user, obj) -> bool:
    """A person of a registered organisation; for "members only", of a network member."""
    consultation = _consultation(obj)
    if consultation is None or not has_organization(user):
        return False
    if consultation.participation == "members":
        return bool(user.organization.is_network_member)
    return True


@rules.predicate
def is_moderator(user, obj) -> bool:
    consultation = _consultation(obj)
    return bool(
        consultation is not None and user.is_authenticated and consultation.moderator_id == user.pk
    )


@rules.predicate
def is_any_moderator(user) -> bool:
    return bool(user.is_authenticated and user.moderated_consultations.exists())


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return bool(
        comment is not None
        and user.is_authenticated
        and getattr(comment, "author_id", None) == user.pk
    )


@rules.predicate
def is_other_organization(user, comment) -> bool:
    return bool(
        comment is not None
        and has_organization(user)
        and getattr(comment, "organization_id", None) != user.organization_id
    )


@rules.predicate
def comment_is_visible(user, comment) -> bool:
    """Only a comment the public can see may be flagged or supported (the flag page shows its
    text). Asked without a comment (may this person flag at all?), it does not object."""
    return comment is None or getattr(comment, "status", None) == "visible"


@rules.predicate
def attachment_comment_is_visible(user, attachment) -> bool:
    return bool(attachment is not None and attachment.comment.status == "visible")


@rules.predicate
def is_attachment_author(user, attachment) -> bool:
    return bool(attachment is not None and is_comment_author(user, attachment.comment))


@rules.predicate
def moderates_attachment(user, attachment) -> bool:
    return bool(attachment is not None and is_moderator(user, attachment.comment))


can_moderate = is_secretariat | is_moderator
can_comment = consultation_is_open & may_take_part

rules.add_perm("consultations.view_consultation", rules.always_allow)
rules.add_perm("consultations.add_consultation", is_secretariat)
rules.add_perm("consultations.change_consultation", is_secretariat)
rules.add_perm("consultations.comment", can_comment)
rules.add_perm("consultations.change_comment", can_comment & is_comment_author)
rules.add_perm(
    "consultations.support_comment", can_comment & is_other_organization & comment_is_visible
)
rules.add_perm("consultations.express_interest", can_comment)
rules.add_perm("consultations.flag_comment", rules.is_authenticated & comment_is_visible)
rules.add_perm("consultations.follow", rules.is_authenticated)
rules.add_perm("consultations.moderate", can_moderate)
rules.add_perm("consultations.view_moderation_queue", is_secretariat | is_any_moderator)
rules.add_perm("consultations.view_synthesis", can_moderate)
rules.add_perm("consultations.export", can_moderate)
rules.add_perm("consultations.confirm_tags", can_moderate)
# A comment's attachment: whoever may read the comment. Pending and hidden comments' files
# only for the secretariat, the consultation's moderator and the comment's author (as the thread
# shows them).
rules.add_perm(
    "consultations.view_attachment",
    attachment_comment_is_visible | is_secretariat | moderates_attachment | is_attachment_author,
)
