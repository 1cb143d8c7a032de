"""Rules for a named owner who will do something: "Rick will prepare a memo", "sector chairs
are to review", "She will then circulate" (the person named just before).
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    OWNER_WILL,
    REPORTED_SPEECH,
    TASK_VERBS,
    claim,
    clean_owner,
    main_clause,
    plausible_owner,
)

_PRONOUN_WILL = re.compile(
    rf"^(?:She|He)\s+(?:will|would|shall)\s+(?:then\s+|also\s+)?(?P<verb>{TASK_VERBS})\b"
)
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")


def pronoun_will_task(seg, context):
    """ "She will then circulate a revised version.": the person named last in the sentence
    before is the owner ("... comments should be provided to Lea Berg by Friday.")."""
    if not _PRONOUN_WILL.match(seg.text.strip()) or context.previous is None:
        return None
    from nethub.meetings.extract.people.person_names import person_name

    names = [person_name(m.group(0)) for m in _PERSON.finditer(context.previous.text)]
    names = [n for n in names if n]
    if not names:
        return None
    return claim(s.ACTION, 0.7, task=seg.text.strip(), owner=names[-1])


# "We will investigate implications.", "We're going to discuss these topics by email", "We
# need to find a new venue": the meeting taking work on itself, its owner "We" as written.
_WE_WILL = re.compile(
    r"^(?:So\s+|And\s+|Then\s+)?[Ww]e(?:\s+|['’])(?:will|shall|re\s+going\s+to|are\s+going\s+to|"
    r"need\s+to|must)\s+(?:also\s+|then\s+|now\s+)?"
    rf"(?P<verb>{TASK_VERBS}|discuss|decide|agree|think)\b"
)


def we_will_task(seg, context):
    """Rule: "We will investigate implications": work the meeting takes on itself."""
    text = seg.text.strip()
    if not _WE_WILL.match(text) or REPORTED_SPEECH.search(text):
        return None
    return claim(s.ACTION, 0.55, task=text, owner="We")


# "sector chairs are to review ...", "The shelter cluster coordinator will represent ...",
# "PWG coordinators will share ...": an owner written in lower case or plural, named by the
# body or role noun that ends it.
_ROLE_NOUN = (
    r"(?:team|cluster|group|committee|partners|members|coordinators?|co-?ordinators?|secretariat|"
    r"chairs?|co-?chairs?|leads?|co-?leads?|agencies|focal\s+points?|staff|officers?|managers?|"
    r"directors?|heads|representatives?|task\s*force|unit|office|section|sectors?|clusters)"
)
_ROLE_WILL = re.compile(
    rf"^(?:the\s+|all\s+(?:the\s+)?)?(?P<owner>(?:[A-Za-z][\w/&'’.-]*\s+){{0,3}}{_ROLE_NOUN})"
    r"\s+(?:will|shall|must|should|is\s+to|are\s+to)\s+(?:also\s+|then\s+)?"
    rf"(?P<verb>(?:{TASK_VERBS})(?:e?d)?|represent|attend)\b",
    re.I,
)


_PERSON_WILL = re.compile(
    r"^(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+will\s+(?:also\s+|then\s+)?"
    r"(?P<verb>[a-z]{3,})\b"
)
_NOT_A_TASK_VERB = frozenset(["not", "never", "still", "probably", "likely"])
# Verbs of an event or a state: "will be", "will meet", "will take place".
_EVENT_VERBS = frozenset(
    [
        "be",
        "have",
        "take",
        "see",
        "remain",
        "meet",
        "come",
        "become",
        "need",
        "want",
        "like",
        "continue",
        "happen",
        "reconvene",
        "depend",
        "join",
        "start",
        "begin",
        "end",
        "return",
    ]
)


def _person_will(text: str, context):
    """Rule: a person the minutes name in full elsewhere ("Silona" for "Silona Bonewald") who
    will do anything is given work, whatever the verb ("Silona will incorporate the feedback
    into the deck"), unless it names an event or a state ("will be", "will meet")."""
    match = _PERSON_WILL.match(text)
    if match is None:
        return None
    verb = match.group("verb")
    if verb in _NOT_A_TASK_VERB or verb in _EVENT_VERBS or verb.endswith("ing"):
        return None
    owner = match.group("owner")
    full = owner if " " in owner else None
    if full is None and not re.search(rf"\b{re.escape(owner)}\s+[A-Z][a-z]", context.document.text):
        return None
    return match


# "Elena, SOLIDAR, will contact ...", "Nikos and Ioana, RCN, will raise ...":
# the owner's organisation in apposition between the name and "will".
_APPOSITION = re.compile(
    r"^(?P<person>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?),\s+"
    r"[^,]{2,40},\s+(?=(?:will|shall|is\s+to|are\s+to|is\s+going\s+to)\b)"
)


def will_task(seg, context):
    """A named owner promised a task: "PC will share report on the findings", "Rick will
    prepare a memo", "The HC will engage with AUHIP", "UNICEF will email all participants"."""
    text = main_clause(seg.text)
    if REPORTED_SPEECH.search(text):
        return None
    plain = _APPOSITION.sub(r"\g<person> ", text, count=1)
    match = OWNER_WILL.match(plain) or _ROLE_WILL.match(text) or _person_will(text, context)
    if match is None:
        return None
    owner = clean_owner(match.group("owner"))
    # A name with its organisation in apposition is someone's, whoever the minutes name in full.
    given = plain != text and match.re is OWNER_WILL
    if owner is None or not (given or plausible_owner(owner, context.document.text)):
        return None
    if re.search(r"\b(?:you|your)\b", text):
        return None  # said to an audience (a speech, a briefing): no task of the meeting
    if re.search(
        r"\b(?:hold|meet|convene|host)\b[^.]{0,30}\b(?:event|meeting|session|again)\b", text
    ):
        return None  # an event, not a task
    return claim(s.ACTION, 0.7, task=text, owner=owner)
