"""Who may tag records with the GCM framework. Reading the framework is public."""

import rules

from nethub.core.predicates import is_member_of_owner, is_secretariat

default_taggers = is_secretariat | is_member_of_owner


@rules.predicate
def may_tag(user, obj) -> bool:
    """A record may name the permission that decides who tags it (its `tag_permission`, e.g.
    "library.tag_document"); otherwise the secretariat on any record, and members of the
    organisation that owns a record (its `owner_organization`) on that record."""
    permission = getattr(obj, "tag_permission", None)
    if permission:
        return user.has_perm(permission, obj)
    return default_taggers.test(user, obj)


# Confirm, remove or add the GCM tags of a record.
rules.add_perm("framework.tag_record", may_tag)
rules.add_perm("framework.change_frameworkelement", is_secretariat)
# The queue of suggested tags across every kind of record, confirmed or rejected in bulk.
rules.add_perm("framework.review_suggestions", is_secretariat)
