"""Rules for the structure of minutes: attendance labels, decisions, headings."""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ATTENDANCE_LINE

_DECISION = re.compile(r"^(?:decisions?(?:\s+taken)?|agreed|resolved)\s*[:–-]\s*\S", re.I)


def participants_label(seg, context):
    """ "Participants: UNHCR, UNICEF", "Present: Simon Lambert, ...", "List of Attendees:"."""
    from nethub.meetings.extract.rules import Claim

    if ATTENDANCE_LINE.match(seg.text):
        return Claim(s.PARTICIPANTS, 0.95)
    return None


def decision_label(seg, context):
    """ "Decision: working groups will function as explained below"."""
    from nethub.meetings.extract.rules import Claim

    if _DECISION.match(seg.text):
        return Claim(s.DECISION, 0.9)
    return None


def short_heading(seg, context):
    """A short line without closing punctuation that starts with a capital or a number:
    "Milestone Reporting", "2. Sectoral updates"."""
    from nethub.meetings.extract.rules import Claim

    text = seg.text.strip()
    if (
        len(text.split()) <= 10
        and text[-1:] not in ".;,!?"
        and (text[:1].isupper() or text[:1].isdigit())
        and not re.search(r"\b(?:to|will|should)\s+[a-z]+\b", text)
    ):
        return Claim(s.HEADING, 0.6)
    return None
