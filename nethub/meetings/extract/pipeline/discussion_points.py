"""Action points found in a sentence of the discussion: with a deadline, a list item or a
note-style paragraph giving work to a named owner, a named owner given a concrete task.
"""

from __future__ import annotations

from nethub.meetings.extract import actions
from nethub.meetings.extract.deadlines import NEXT_MEETING, VAGUE, find_deadline
from nethub.meetings.extract.result import ExtractedActionPoint


def is_note_style(paragraph: str, sentence: str) -> bool:
    """Rule: a paragraph that is one note-style sentence ("OHCHR to share the dates of the
    consultation.") is an action point like a list item."""
    return paragraph.strip() == sentence.strip() and bool(
        actions._SUBJECT_TO.match(sentence.strip())
    )


def listed_work(sentence: str, meeting, resolve_owner) -> ExtractedActionPoint | None:
    """Rule: a list item of the discussion that gives work to a named owner ("o Members were
    invited to nominate focal points") is an action point even without a deadline."""
    if not actions.assigns_work(sentence):
        return None
    owner = actions.subject_owner(sentence, resolve_owner)
    if owner is None:
        return None
    deadline = find_deadline(sentence, meeting.meeting_date)
    return ExtractedActionPoint(
        text=sentence,
        owner=owner,
        due_date=deadline.date.isoformat() if deadline and deadline.date else None,
        deadline_text=deadline.text if deadline else "",
        source_sentence=sentence,
        explicit=False,
    )


def implicit_point(sentence: str, meeting, resolve_owner) -> ExtractedActionPoint | None:
    if not actions.assigns_work(sentence):
        return None
    deadline = find_deadline(sentence, meeting.meeting_date)
    if deadline is None or (
        deadline.date is None
        and not (NEXT_MEETING.search(deadline.text) or VAGUE.search(deadline.text))
    ):
        return None
    meeting_date = meeting.meeting_date
    if meeting_date and deadline.date and deadline.date < meeting_date:
        return None  # a past date reports what happened; it assigns nothing
    owner = actions.owner_of(sentence, resolve_owner, near=sentence.find(deadline.text))
    return ExtractedActionPoint(
        text=sentence,
        owner=owner,
        due_date=deadline.date.isoformat() if deadline.date else None,
        deadline_text=deadline.text,
        source_sentence=sentence,
        explicit=False,
    )


def running_task(sentence: str, resolve_owner) -> ExtractedActionPoint | None:
    """Rule: "OHCHR will review the concept note": a named owner given a concrete task in the
    discussion is an action point, even without a deadline."""
    owner = actions.running_task_owner(sentence, resolve_owner)
    if owner is None:
        return None
    return ExtractedActionPoint(
        text=sentence, owner=owner, source_sentence=sentence, explicit=False
    )
