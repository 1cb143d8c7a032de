"""Who may manage accounts: the secretariat invites people into the network."""

import rules

from nethub.core.predicates import is_secretariat

rules.add_perm("accounts.invite", is_secretariat)
rules.add_perm("accounts.view_invitation", is_secretariat)
