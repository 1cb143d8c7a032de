"""Extracting a meeting's structure from the text of its summary: a pipeline of small rules.

`extract_meeting(text)` returns an `ExtractedMeeting`; nothing is saved. Rules live in their own
modules (blocks, header, participants, deadlines, actions) and each has its tests.
"""

from nethub.meetings.extract.pipeline import extract_meeting
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedAgendaItem,
    ExtractedMeeting,
    ExtractedParticipant,
)

__all__ = [
    "ExtractedActionPoint",
    "ExtractedAgendaItem",
    "ExtractedMeeting",
    "ExtractedParticipant",
    "extract_meeting",
]
