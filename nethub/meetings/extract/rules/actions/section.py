"""Rules that hold only under an action heading: an item in the imperative, a body given work
with a modal.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.rules.actions.vocabulary import (
    OWNER,
    REPORTED_SPEECH,
    TASK_INFINITIVES_FR_ES,
    TASK_VERBS,
    claim,
    clean_owner,
    plausible_owner,
)

IMPERATIVE = re.compile(
    rf"^(?P<verb>(?:{TASK_VERBS})|get|agree|mail|put|post|upload|organise|organize|invite|add|"
    r"design|hold|schedule|confirm|request|follow up|"
    rf"{TASK_INFINITIVES_FR_ES})\b\s+\S",
    re.I,
)
# "Contact the coordinator if interested": an offer to whoever wants it, no task.
_OFFER = re.compile(r"\bif\s+(?:interested|you\s+(?:wish|want|are\s+interested))\b", re.I)


_MODAL_SUBJECT = re.compile(
    rf"^{OWNER}\s+(?:(?:has|have|needs?)\s+to|must|will|shall)\s+(?:also\s+)?[a-z]{{3,}}\b"
)


_TITLE_LINE = re.compile(
    r"^[A-Z][\w/&-]*(?:\s+(?:[A-Z][\w/&()-]*|of|from|and|the|on|for|in)){1,5}$"
)


def modal_in_action_section(seg, context):
    """Under an action heading, an item that gives a body work with a modal ("the working group
    has to meet before the next meeting to finalise the guideline"): the section makes it a
    task even when its verb alone would not."""
    if not context.action_section:
        return None
    match = _MODAL_SUBJECT.match(seg.text.strip())
    if match is None or REPORTED_SPEECH.search(seg.text):
        return None
    owner = clean_owner(match.group("owner"))
    if owner is None or not plausible_owner(owner, context.document.text):
        return None
    return claim(s.ACTION, 0.75, task=seg.text.strip(), owner=owner)


def imperative_in_action_section(seg, context):
    """Under an action heading, an item in the imperative: "Send a press release ...",
    "Share Draft preliminary assessment ...", "To follow up with sub-cluster meetings"."""
    if not context.action_section:
        return None
    # "Action point To share the report": the first item glued to its column's label.
    text = re.sub(r"^action\s+points?\s+(?=to\s)", "", seg.text.strip(), flags=re.I)
    # "Activity Info: To discuss with ...": the topic the task is filed under.
    text = re.sub(r"^[A-Z][\w/&-]*(?:\s+[\w/&-]+){0,3}:\s+(?=to\s)", "", text, flags=re.I)
    text = re.sub(r"^to\s+", "", text, flags=re.I)
    if _TITLE_LINE.match(text):
        return None  # "Update from Partners": the next heading, not a task
    if IMPERATIVE.match(text) and len(text.split()) >= 3 and not _OFFER.search(text):
        return claim(s.ACTION, 0.8, task=seg.text.strip(), owner=None)
    return None
