"""Rule: which organisation or body a name in a summary means.

Organisations are resolved by the directory's one `OrganizationResolver` (the database's aliases,
or `OrganizationResolver.from_reference_data()` without a database). This module names only the
bodies of the network that own work without being an organisation ("the Secretariat").
"""

from __future__ import annotations

import re
from pathlib import Path

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


def organization_label(org) -> str:
    return str(org)
