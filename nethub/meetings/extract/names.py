"""Rule: which organisation or body a name in a summary means.

Extraction takes any object with `resolve_in(text)` (the directory's OrganizationResolver, which
knows every alias in the database). Without a database, `StaticResolver` reads the directory's
own list of UN entities, so `extract_meeting` works before anything is migrated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nethub.directory.names import normalise_name

UN_ENTITIES = Path(__file__).resolve().parents[2] / "directory" / "data" / "un_entities.json"

# Bodies of the network that own work without being an organisation: (canonical, pattern).
BODIES = [
    (
        "EC working level",
        r"(?:the\s+)?(?:EC|Executive Committee)\s+working[- ]level|"
        r"(?:the\s+)?working[- ]level(?:\s+of\s+the\s+(?:EC|Executive Committee))?",
    ),
    (
        "Co-chairs",
        r"(?:the\s+)?(?:working group\s+)?co-?chairs?"
        r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}working groups?)?",
    ),
    # "Co-leads of the climate workstream to prepare": the leads of a workstream or team.
    (
        "Co-leads",
        r"(?:the\s+)?co-?leads?(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}"
        r"(?:workstreams?|working groups?|task\s+(?:teams?|forces?)|groups?))?",
    ),
    # "Workstream leads to review their workplans": the leads of all the workstreams.
    ("Workstream leads", r"(?:the\s+)?(?:all\s+)?(?:Network\s+)?workstream\s+(?:co-?)?leads"),
    ("Fund Management Unit", r"(?:the\s+)?(?:(?:MPTF|Fund)(?:'s)?\s+)?Management\s+Unit|FMU"),
    ("Regional networks", r"(?:the\s+)?regional\s+(?:UN\s+)?networks(?:\s+on\s+migration)?"),
    ("Country networks", r"(?:the\s+)?country\s+(?:UN\s+)?networks(?:\s+on\s+migration)?"),
    ("Chair", r"(?:the\s+)?chair(?:person)?"),
    ("Coordinator", r"(?:the\s+)?(?:Network\s+)?Coordinator(?:'s office)?"),
    ("Secretariat", r"(?:the\s+)?(?:Network\s+)?secretariat"),
    ("EC focal points", r"(?:the\s+)?(?:EC|Executive Committee|Network)?\s*focal\s+points?"),
    ("Principals", r"(?:the\s+)?(?:EC\s+)?Principals"),
    (
        "Executive Committee",
        r"(?:the\s+)?(?:all\s+)?(?:EC|Executive Committee)(?:\s+(?:members?|entities|agencies))?|"
        # In an EC meeting's summary, "Members were asked to ..." means the EC's members.
        r"(?:the\s+)?(?:all\s+)?(?:members|entities)",
    ),
    (
        "Working group",
        r"(?:the\s+)?(?:[\w-]+\s+){0,4}working groups?(?:\s+on\s+(?:[\w-]+\s*){1,4})?",
    ),
    (
        "Network",
        r"(?:the\s+)?(?:all\s+)?(?:UN\s+)?Network(?:\s+members)?|(?:the\s+)?members of the "
        r"Network|(?:all\s+)?(?:Network\s+)?member (?:agencies|entities)",
    ),
]
_BODY_PATTERNS = [(name, re.compile(rf"^(?:{pattern})$", re.I)) for name, pattern in BODIES]


def body_name(text: str) -> str | None:
    """The canonical name of a body of the network ("the Coordinator" -> "Coordinator")."""
    text = text.strip(" ,.;:")
    for name, pattern in _BODY_PATTERNS:
        if pattern.match(text):
            return name
    return None


@dataclass(frozen=True)
class StaticOrganization:
    name: str
    acronym: str

    def __str__(self) -> str:
        return self.acronym or self.name


@dataclass(frozen=True)
class StaticResolution:
    organization: StaticOrganization
    matched: str
    remainder: str


class StaticResolver:
    """Resolves UN entity names from the directory's data file (no database)."""

    def __init__(self) -> None:
        self._by_key = _static_keys()

    def resolve(self, text: str):
        found = self.resolve_in(text)
        return found.organization if found else None

    def resolve_in(self, text: str) -> StaticResolution | None:
        text = text.strip()
        if not text:
            return None
        whole = self._by_key.get(normalise_name(text))
        if whole:
            return StaticResolution(whole, text, "")
        words = list(re.finditer(r"[\w'’.-]+", text))
        for size in range(min(len(words), 12), 0, -1):
            for start in range(0, len(words) - size + 1):
                phrase = text[words[start].start() : words[start + size - 1].end()]
                org = self._by_key.get(normalise_name(phrase))
                if org:
                    return StaticResolution(org, phrase, text.replace(phrase, " ", 1).strip())
        return None


@lru_cache(maxsize=1)
def _static_keys() -> dict[str, StaticOrganization]:
    keys: dict[str, StaticOrganization] = {}
    for entry in json.loads(UN_ENTITIES.read_text(encoding="utf-8")):
        org = StaticOrganization(entry["name"], entry["acronym"])
        for name in (entry["name"], entry["acronym"], *entry.get("aliases", [])):
            if name:
                keys.setdefault(normalise_name(name), org)
    return keys


def default_resolver():
    """The database's resolver when the directory tables can be read, else the static one."""
    from django.db import DatabaseError

    try:
        from nethub.directory.selectors import OrganizationResolver

        resolver = OrganizationResolver()
        if resolver._by_key:
            return resolver
    except DatabaseError:
        pass
    return StaticResolver()


def organization_label(org) -> str:
    return str(org)
