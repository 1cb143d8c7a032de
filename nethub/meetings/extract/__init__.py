"""Extracting a meeting from the text of its minutes, in two stages.

1. `segments.label_document`: blocks and their sentences or cells, each labelled (heading,
   participant line, agenda item, discussion, decision, action point, table row, other) by the
   ordered table of rules in `rules` or, where no rule speaks, the classifier in `classifier`.
2. `assemble.extract_meeting`: the meeting built from the labels, each item with the rule that
   produced it, a confidence and its span in the text.
`extract_meeting(text)` returns an `ExtractedMeeting`; nothing is saved. `read_attendance(text)`
reads an attendance list pasted on its own (the import review's "Add several participants"),
`read_task(text)` a task a person chose in the text (the review's "Add as action point").
"""

from nethub.meetings.extract.assemble import extract_meeting, read_attendance, read_task
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
    "read_attendance",
    "read_task",
]
