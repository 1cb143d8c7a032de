"""Rules for work someone is asked, agrees, offers or promises to do ("Agencies were urged to",
"It was decided that", "Steve offered to", "Andrew said he would").
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    EVENT_HELD,
    OWNER,
    OWNER_TO,
    OWNER_WILL,
    PASSIVE_VERBS,
    REPORTED_SPEECH,
    TASK_VERBS,
    claim,
    clean_owner,
    main_clause,
    plausible_owner,
)

_ASKED = re.compile(
    rf"^{OWNER}\s+(?:(?:was|were|is|are|have\s+been|has\s+been)\s+(?:also\s+)?"
    r"(?P<verb>requested|asked|urged|invited|tasked|encouraged|advised|called\s+upon)|"
    # "ECHO requested to consider ...": minutes drop the "was".
    r"(?:requested|urged|tasked|mandated|encouraged|invited|asked|reminded))\s+to\s+"
    # "Partners invited to coordinate ...": not to an event ("invited to attend", "to the").
    r"(?!be\s+mindful|attend\b|join\b|participate\b|the\b|a\b|an\b|this\b)",
)
_AGREED = re.compile(
    r"\b(?:it\s+was|it\s+is|was|were)\s+(?:also\s+)?(?:agreed|decided|proposed|suggested|resolved)"
    r"(?:\s+that)?\s+(?P<rest>.+)$",
    re.I,
)
_SUBJECT_AGREED = re.compile(
    # "Lee volunteered to send a list": who offers the work takes it.
    # "Rosa Lind has volunteered to draft ...", "DAO Lamjung commits to distribute ...".
    rf"^{OWNER}(?:\s*\([^()]{{1,80}}\))?\s+(?:(?:has|have)\s+)?"
    r"(?:agreed|decided|undertook|committed|volunteered|commits|undertakes|volunteers)\s+to\s+"
    r"(?P<verb>[a-z]{3,})\b"
)
_ASKS = re.compile(
    r"(?<!have )(?<!has )(?<!had )\b(?:requested|requests|asked|asks|urged|urges|invited|"
    r"invites|tasked)\s+"
    rf"(?P<owner>(?:the\s+|all\s+)?[A-Za-z][\w/&'’.-]*(?:\s+[\w/&'’.-]+){{0,4}}?)\s+to\s+"
    rf"(?:{TASK_VERBS})\b",
)
# "Board endorsed Hugh Lind to order the tickets", "The committee authorised the treasurer to
# open an account": a body gives someone the work it approves.
_EMPOWERS = re.compile(
    r"\b(?:endorsed|authori[sz]ed|mandated|appointed|delegated|empowered)\s+(?:for\s+)?"
    r"(?P<owner>(?:the\s+)?[A-Z][\w/&'’.-]*(?:\s+[A-Z][\w/&'’.-]*){0,3}|the\s+[a-z]+)\s+to\s+"
    r"(?!be\b|the\b|a\b|an\b)[a-z]{3,}\b"
)
_NOT_WORK_AGREED = re.compile(r"\b(?:no need|not|there is|there was)\b", re.I)


def asked_to(seg, context):
    """ "Agencies were urged to finalize ...", "W.H.O. was requested to ensure ...", "the chair
    requested the cluster members to share ...", "Partners ... are advised contact ...", "Board
    endorsed Hugh Lind to order the tickets"."""
    text = main_clause(seg.text)
    match = _ASKED.match(text)
    if match:
        return claim(s.ACTION, 0.85, task=text, owner=clean_owner(match.group("owner")))
    match = _ASKS.search(text) or _EMPOWERS.search(text)
    if match and not REPORTED_SPEECH.search(text):
        return claim(s.ACTION, 0.8, task=text, owner=clean_owner(match.group("owner")))
    return None


# "that the support team will prepare ...": the owner after "that" is written in lower case.
_THAT_WILL = re.compile(
    r"^(?:the\s+)?(?P<owner>[\w/&'’.-]+(?:\s+[\w/&'’.-]+){0,4}?)\s+(?:will|would|should|shall)\s+"
    rf"(?:{TASK_VERBS})\b"
)


# "Steve offered to assist", "Jack Pia offered to inquire", "NF offered to do this work".
_OFFERED = re.compile(
    r"^(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|[A-Z]{2,3})\s+offered\s+to\s+(?P<verb>[a-z]{2,})\b"
)


def person_offered(seg, context):
    """Rule: a person (a name or initials) who offers to do something at the meeting takes the
    work. An agency's offer in a principals' meeting ("OHCHR offered to review ...") is no
    task of the meeting's: the acronym of a body is longer than initials."""
    match = _OFFERED.match(main_clause(seg.text))
    if match is None or match.group("verb") == "continue":
        return None
    return claim(s.ACTION, 0.75, task=main_clause(seg.text), owner=match.group("owner"))


# "Agreed to publish the current version and for Noel to amend it": the one the agreement names.
_AGREED_FOR = re.compile(
    rf"(?i:\bagreed\b)[^.;]{{0,80}}?\bfor\s+{OWNER}\s+to\s+(?P<verb>[a-z]{{3,}})\b"
)
# "Andrew said he would liaise with Jill", "Ann suggested she would approach the school".
_SAID_WOULD = re.compile(
    rf"^{OWNER}\s+(?:said|suggested|confirmed|promised|agreed)\s+(?:that\s+)?(?:he|she|they)\s+"
    rf"would\s+(?:{TASK_VERBS}|approach|ask|speak|talk|find|buy|book|print|order)\b"
)


def promised_work(seg, context):
    """Rule: work a named person takes on in reported speech ("Andrew said he would liaise
    with Jill") or that an agreement gives by name ("Agreed ... for Noel to amend ...")."""
    text = main_clause(seg.text)
    match = _SAID_WOULD.match(text) or _AGREED_FOR.search(text)
    if match is None:
        return None
    owner = clean_owner(match.group("owner"))
    named = match.re is _AGREED_FOR  # "for Noel to amend": the agreement names a person
    if owner is None or not (named or plausible_owner(owner, context.document.text)):
        return None
    task = text[match.start("owner") :] if named else text
    return claim(s.ACTION, 0.7, task=task, owner=owner)


def agreed_work(seg, context):
    """An unlabelled decision that assigns work: "It was decided that the Support Team will
    prepare ...", "it was decided to email the latest version again", "Participants agreed to
    review ...", "MACRAM questionnaire was agreed to be circulated"."""
    text = main_clause(seg.text)
    match = _SUBJECT_AGREED.match(text)
    # "agreed to keep grants and core projects separate": a practice kept, no work given.
    if match and match.group("verb") not in (
        "continue",
        "use",
        "add",
        "hold",
        "meet",
        "keep",
        "maintain",
        "retain",
    ):
        return claim(s.ACTION, 0.8, task=text, owner=clean_owner(match.group("owner")))
    match = _AGREED.search(text)
    if match is None or _NOT_WORK_AGREED.match(match.group("rest")) or EVENT_HELD.search(text):
        return None
    rest = match.group("rest")
    if re.search(r"\b(?:proposed|suggested)\b", seg.text[: match.start("rest")], re.I) and not (
        context.action_section
    ):
        return None  # a suggestion in the discussion assigns nothing; under "Follow-up" it does
    inner = OWNER_WILL.match(rest) or OWNER_TO.match(rest) or _THAT_WILL.match(rest)
    if inner:
        return claim(s.ACTION, 0.8, task=text, owner=clean_owner(inner.group("owner")))
    if re.match(rf"^to\s+(?:be\s+)?(?:{TASK_VERBS}|{PASSIVE_VERBS})\b", rest) or re.search(
        rf"\b(?:should|must|will|would)\s+be\s+(?:{PASSIVE_VERBS})\b", rest
    ):
        return claim(s.ACTION, 0.7, task=text, owner=None)
    return None
