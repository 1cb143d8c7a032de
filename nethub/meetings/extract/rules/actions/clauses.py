"""A task stated after the start of its sentence: "No action needed now, other than Simon to
remind all partners", "It was also discussed that IOM will take data from the cash response",
"Publication of services: ongoing – JB will look into this", "Minister (Anders will share the
detailed notes)". The other rules read a task where its sentence starts; this one reads the
clause after a word or mark that opens one, with the same owner and verb patterns.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    OWNER_TO,
    OWNER_WILL,
    REPORTED_SPEECH,
    TASK_VERBS,
    claim,
    clean_owner,
    named_errand,
    plausible_owner,
)

# What opens a clause that can carry its own task: "that", "other than", a dash, a bracket,
# a semicolon or a colon, each followed by a capitalised owner.
_CLAUSE_OPENER = re.compile(
    r"(?:\bthat|\bother\s+than)\s+(?=[A-Z])|\s[–—-]\s*(?=[A-Z])|[(;:]\s*(?=[A-Z])"
)
_TASK_VERB = re.compile(rf"(?:{TASK_VERBS})(?:e?d)?")


def _task_in(lead: str, clause: str, document_text: str) -> tuple[str, str] | None:
    """(task, owner) when the clause opens with an owner who will do, or is to do, a task, and
    what leads to it reports no one's words ("She noted that UNHCR will share ..." is news)."""
    match = OWNER_WILL.match(clause) or OWNER_TO.match(clause)
    if match is None or not _TASK_VERB.fullmatch(match.group("verb")):
        return None
    owner = clean_owner(match.group("owner"))
    if owner is None or len(owner.split()) > 5:
        return None
    if not plausible_owner(owner, document_text) and not named_errand(owner, match.group("verb")):
        return None
    if REPORTED_SPEECH.search(lead + clause) or re.search(r"\b(?:you|your)\b", clause):
        return None
    return clause, owner


def task_clause(seg, context):
    """Rule: the first clause inside the segment that states a task by a plausible owner."""
    text = seg.text
    for opener in _CLAUSE_OPENER.finditer(text):
        if opener.start() == 0:
            continue  # the sentence's own start: the other rules have read it
        clause = re.sub(r"\)\s*\.?$", "", text[opener.end() :].strip())
        found = _task_in(text[: opener.end()], clause, context.document.text)
        if found is not None:
            task, owner = found
            return claim(s.ACTION, 0.6, task=task, owner=owner)
    return None
