"""Rules for work written in the passive: "will be shared (by the cluster)", "printed by Cy
Dunn", "needs to be finalised", "That a meeting be arranged".
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    AGENDA_PROPOSAL,
    EVENT_HELD,
    FINITE_VERB,
    PASSIVE_VERBS,
    REPORTED_SPEECH,
    TASK_VERBS,
    claim,
    clean_owner,
    plausible_owner,
)

_PASSIVE_FUTURE = re.compile(
    rf"\b(?:will|shall|would|must|is\s+to|are\s+to)\s+(?:then\s+|also\s+|soon\s+)?be\s+"
    rf"(?:\w+\s+)?(?P<verb>{PASSIVE_VERBS})\b(?:(?:(?!\bby\b).)*\bby\s+(?P<agent>(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+[A-Z][\w-]*){0,3}|the\s+cluster))?",
)
# Work done to a thing, in the plain future only ("Notes will be posted to the blog", "Copies
# will be added to the website", "This will be rectified"): not "would", which reports what a
# meeting agreed ("It was agreed that the paper would be published" is its decision).
_PLAIN_FUTURE_WORK = re.compile(
    r"\b(?:will|shall)\s+(?:then\s+|also\s+|soon\s+)?be\s+(?:\w+\s+)?"
    r"(?:posted|added|uploaded|printed|delivered|designed|implemented|rectified|completed|"
    r"translated|collected|compiled|revised|conducted|provided|produced|purchased|ordered|"
    r"booked|installed|fixed|repaired|replaced|investigated|clarified|explored|deployed|"
    r"sorted\s+out|looked\s+into)\b"
)
_NEEDS = re.compile(
    rf"\bneeds?\s+to\s+be\s+(?:\w+\s+)?(?P<verb>{PASSIVE_VERBS}|[\w-]+ed)\b|"
    # "Need to map which authority manages each site": a task, its doer unsaid.
    rf"^(?:there\s+is\s+a\s+)?need\s+to\s+(?:{TASK_VERBS}|map|obtain|find|agree|define)\b",
    re.I,
)


_AGREED_THAT = re.compile(r"\b(?:agreed|decided|resolved)\s+that\b", re.I)


def passive_future_task(seg, context):
    """Work to be done, its doer unsaid or an agent: "A template will be shared with the
    cluster members", "a summary ... will be shared by the cluster"."""
    text = seg.text.strip()
    if REPORTED_SPEECH.search(text):
        return None
    match = _PASSIVE_FUTURE.search(text)
    if match is None and _PLAIN_FUTURE_WORK.search(text) and not _AGREED_THAT.search(text):
        return claim(s.ACTION, 0.55, task=text, owner=None)
    if match is None or EVENT_HELD.search(text) or AGENDA_PROPOSAL.search(text):
        return None
    agent = match.group("agent")
    return claim(s.ACTION, 0.6, task=text, owner=clean_owner(agent) if agent else None)


# "Posters printed and delivered by Cy Dunn", "A newsletter will be produced by Bob Ray each
# month": a thing to be done and the person named as its agent.
_PASSIVE_BY = re.compile(
    r"^(?P<thing>(?:the\s+|a\s+|an\s+)?[A-Z\d][^.;:]{2,80}?)\s+"
    r"(?:(?:will|shall|would|is\s+to|are\s+to|to)\s+be\s+)?"
    r"(?P<verb>[a-z]+(?:ed|en)|bought|made|done|sent|put|set|kept|brought)"
    r"(?:\s+and\s+[a-z]+(?:ed|en))?\s+by\s+(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|[A-Z]{2,3})\b"
)
# Participles of a record or a ceremony, not of work to do ("Minutes taken by", "Chaired by").
_RECORD_VERBS = frozenset(
    [
        "chaired",
        "attended",
        "presented",
        "led",
        "hosted",
        "followed",
        "seconded",
        "proposed",
        "opened",
        "closed",
        "welcomed",
        "noted",
        "taken",
        "prepared",
        "recorded",
        "written",
        "signed",
        "approved",
        "accepted",
        "received",
        "moved",
        "given",
        "raised",
        "reported",
        "explained",
        "introduced",
        "asked",
        "supported",
    ]
)


def passive_by_person(seg, context):
    """Rule: a passive task whose agent is a person the minutes name ("Posters printed and
    delivered by Cy Dunn") is that person's; a record ("Minutes taken by ...") is no task, nor
    a statement with a finite verb ("The meeting was chaired by ...")."""
    text = seg.text.strip()
    match = _PASSIVE_BY.match(text)
    if match is None or match.group("verb") in _RECORD_VERBS:
        return None
    if (
        FINITE_VERB.search(match.group("thing"))
        or REPORTED_SPEECH.search(text)
        or EVENT_HELD.search(text)
    ):
        return None
    if not plausible_owner(match.group("owner"), context.document.text):
        return None
    return claim(s.ACTION, 0.65, task=text, owner=match.group("owner"))


def needs_doing(seg, context):
    """ "The document need to be finalised in Sep/2022"."""
    if _NEEDS.search(seg.text) and not REPORTED_SPEECH.search(seg.text):
        return claim(s.ACTION, 0.6, task=seg.text.strip(), owner=None)
    return None


_RESOLVED_THAT = re.compile(
    r"^(?:(?:AGREED|RESOLVED)\s+)?(?:[A-Z]\.\s+|\([a-z]\)\s+)?That\s+.{3,200}?\bbe\s+"
    r"(?P<verb>[a-z]+ed)\b(?:.*?\bby\s+(?:the\s+)?(?P<agent>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))?",
)


def resolved_that(seg, context):
    """A resolution in the council style: "AGREED A. That a meeting be arranged for September
    to refresh the Action Plan", "B. That membership of the small team be appointed by the
    Armed Forces Champion"."""
    match = _RESOLVED_THAT.match(seg.text.strip())
    if match is None or match.group("verb") in ("noted", "received", "welcomed"):
        return None
    agent = match.group("agent")
    return claim(s.ACTION, 0.75, task=seg.text.strip(), owner=clean_owner(agent) if agent else None)
