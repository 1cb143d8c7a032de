"""Who may change the directory. Reading it is public."""

import rules

from nethub.core.predicates import is_secretariat

rules.add_perm("directory.add_organization", is_secretariat)
rules.add_perm("directory.change_organization", is_secretariat)
rules.add_perm("directory.add_person", is_secretariat)
rules.add_perm("directory.change_person", is_secretariat)
