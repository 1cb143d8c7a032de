"""Who may search: everyone. Only public records are ever indexed (a record's
`search_document()` returns None while it is hidden or unpublished), so search needs no
per-user filtering."""

import rules

rules.add_perm("search.search", rules.always_allow)
