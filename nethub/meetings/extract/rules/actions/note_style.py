"""Rules for note-style tasks: "WFP to share the package", "Drafts to be re-circulated"."""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    AGENDA_PROPOSAL,
    EVENT_HELD,
    FINITE_VERB,
    OWNER,
    OWNER_TO,
    PASSIVE_VERBS,
    REPORTED_SPEECH,
    claim,
    clean_owner,
    main_clause,
    named_errand,
    plausible_owner,
)

# "Drafts to be re-circulated": a prefix with its hyphen is still the verb.
_TO_BE = re.compile(rf"^{OWNER}\s+to\s+be\s+(?P<verb>(?:re-|co-|pre-)?[a-z]+ed)\b")
# "Report on Pellagra to be shared by mid-April": a thing to be done, its doer unsaid.
_THING_TO_BE = re.compile(
    r"^(?:the\s+)?[A-Z][\w-]*(?:\s+(?:on|of|for|the|[A-Z][\w-]*)){1,4}\s+to\s+be\s+"
    rf"(?:{PASSIVE_VERBS})\b"
)
_ANY_THING_TO_BE = re.compile(
    r"^(?P<thing>(?:the\s+)?[A-Z](?:[^.;:()]|\([^()]{0,60}\)){0,90}?)\s+to\s+be\s+(?:\w+\s+)?"
    rf"(?P<verb>{PASSIVE_VERBS}|[a-z]+ed|made|done|filled|added|given|set)\b"
)
# "CPiE Coordinator still advocating for UASC to be included": a state of things, no task.
_ONGOING = re.compile(r"\b(?:still|currently|already)\s+\w+ing\b", re.I)


def _thing_to_be(text: str):
    """ "Tools developed by the WG (guidelines, SOPs) to be made available", "SMS mapping tool
    shared by DRC, to be filled in": a thing to be done, however it is described, when no
    finite verb comes before "to be" ("The meeting is expected to be held" is no task) and
    it is no event."""
    match = _ANY_THING_TO_BE.match(text)
    if match is None or FINITE_VERB.search(match.group("thing")) or EVENT_HELD.search(text):
        return None
    if _ONGOING.search(match.group("thing")) or _A_CLAUSE.search(match.group("thing")):
        return None
    return match


# "Tessa spoke to the group about the rota and how glad she felt to be part of it": a
# person's words, with a subject pronoun or an irregular past verb, not a thing to be done.
_A_CLAUSE = re.compile(r"\b(?:she|he|they|we|I|spoke|felt|said|thought|told)\b")


# "ADVISORY BOARD ON NEWCOMERS Meeting to order at 6:41 p.m.", "Meeting Called to Order at
# 9:05am": the chair opening the meeting, not a body given work.
_CALLED_TO_ORDER = re.compile(r"\bmeeting\s+(?:(?:was\s+)?called\s+)?to\s+order\b", re.I)


# "Tessa spoke to the group about ...", "Adding members to Initiating Group": "to" before a
# noun phrase or a name, not an infinitive.
_NO_INFINITIVE = re.compile(
    r"(?:the|this|that|these|those|all|our|their|its|his|her|each|every|any|some|my|your)\b"
    r"|[A-Z][a-z]+\s+[A-Z]"
)


def owner_to_verb(seg, context):
    """Note style: "WFP to maintain meetings", "HC to share the package", "All to send
    suggestions", "ICCT to be informed on this schedule" (no owner: passive)."""
    text = main_clause(seg.text)
    if REPORTED_SPEECH.search(text):
        return None
    passive = _TO_BE.match(text) or _THING_TO_BE.match(text) or _thing_to_be(text)
    if passive and AGENDA_PROPOSAL.search(text):
        return None
    if passive:
        # The task keeps its leading clause ("Once all inputs are received, ToR to be ..."):
        # it says when.
        return claim(s.ACTION, 0.75, task=seg.text.strip(), owner=None)
    match = OWNER_TO.match(text)
    if match and (
        _CALLED_TO_ORDER.search(text) or _NO_INFINITIVE.match(text[match.start("verb") :])
    ):
        return None
    if match and not re.match(r"^(?:due|according|prior|thanks)\b", text, re.I):
        owner = clean_owner(match.group("owner"))
        if owner is None or len(owner.split()) > 5:
            return None
        plausible = plausible_owner(owner, context.document.text)
        if not plausible and not named_errand(owner, match.group("verb")):
            return None
        return claim(s.ACTION, 0.9, task=text, owner=owner)
    return None
