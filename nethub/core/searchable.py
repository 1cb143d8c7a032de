"""What a record tells the search index and the tag suggester about itself.

A model that should be found by search, or have GCM tags suggested, implements
`search_document(self) -> SearchDocument | None` (None: not public, leave it out) and its
services call `nethub.search.hooks.record_saved(obj)` / `record_deleted(obj)` after writes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class SearchDocument:
    kind: str  # a short, stable name: "meeting", "agenda_item", "action_point", "comment", ...
    title: str
    text: str
    url: str
    language: str = ""
    date: datetime.date | None = None
    organizations: list[str] = field(default_factory=list)  # organisation slugs
    countries: list[str] = field(default_factory=list)  # ISO alpha-2 codes
    regions: list[str] = field(default_factory=list)  # region slugs
    objectives: list[int] = field(default_factory=list)  # confirmed GCM objective numbers
    organization_kinds: list[str] = field(default_factory=list)
    suggest_tags: bool = True  # whether GCM tags should be suggested for this record
