"""Who may tag records with the GCM framework. Reading the framework is public."""

import rules

from nethub.core.predicates import is_member_of_owner, is_secretariat

# Confirm, remove or add the GCM tags of a record: the secretariat on any record, and members
# of the organisation that owns a record (its `owner_organization`) on that record.
rules.add_perm("framework.tag_record", is_secretariat | is_member_of_owner)
rules.add_perm("framework.change_frameworkelement", is_secretariat)
