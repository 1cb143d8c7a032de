"""Due dates the point's own words do not give: implausible ones dropped, "by the next
meeting", a date on the next line, the day of an event announced just before.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import dates
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.actions import split_sentences
from nethub.meetings.extract.header import MONTHS
from nethub.meetings.extract.result import ExtractedMeeting


def drop_implausible_dues(meeting: ExtractedMeeting) -> None:
    for point in meeting.action_points():
        if dates.implausible(point.due_date, meeting.meeting_date, point.source_sentence):
            point.due_date, point.deadline_text = None, ""


_BY_NEXT = re.compile(
    r"\b(?:at|by|before|for|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:the\s+)?next\s+"
    r"(?:[A-Za-z/-]+\s+){0,2}?(?:meeting|working\s+group|call)\b",
    re.I,
)


def next_meeting_dues(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: "by the next meeting" is due on the next meeting's date when the minutes state it
    ("Next meeting: 14 July 2016"); otherwise it stays without a date."""
    undated = [
        p
        for p in meeting.action_points()
        if p.due_date is None and _BY_NEXT.search(p.source_sentence or p.text)
    ]
    if not undated:
        return
    found = dates.next_meeting_date(document.text, meeting.meeting_date)
    for point in undated:
        if found is not None:
            point.due_date = found.isoformat()
            point.deadline_text = _BY_NEXT.search(point.source_sentence or point.text).group(0)


# "Date: 20/3/21", "Due - 27 March", "by Friday 5 May" or a date alone: a line that only dates.
_DATE_LINE = re.compile(
    r"^[\s\-–•*]*(?:(?:due(?:\s+date)?|date|by|deadline|when|target(?:\s+date)?)\s*[:\-–]?\s*)?"
    r"(?P<date>[^\n]{3,40}?)[\s.]*$",
    re.I,
)


def date_on_next_line(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: an item with no deadline of its own whose next line holds only a date ("- Bob to
    repair the door" / "  Date: 20/3/21") is due on that date."""
    for point in meeting.action_points():
        if point.due_date or not point.span:
            continue
        end = document.text.find("\n", point.span[1])
        if end < 0 or document.text[point.span[1] : end].strip(" .;"):
            continue  # the item goes on: its line's next one is no line of its own
        line = document.text[end + 1 :].split("\n", 1)[0]
        match = _DATE_LINE.match(line)
        if match is None:
            continue
        written = f"by {match.group('date').strip()}"
        due, words = dates.due_date(written, meeting.meeting_date)
        # The whole line is the deadline (figures may come back repaired: "21" -> "2021").
        letters = [set(re.findall(r"[a-z]+", x.lower())) for x in (written, words)]
        if due and words.lower().startswith("by ") and letters[0] <= letters[1]:
            point.due_date, point.deadline_text = due, line.strip()


# "On Tuesday 19th November there is a provincial meeting. The coordinator will represent
# the cluster.": a task at an event the sentence before announces with its day.
_AT_EVENT = re.compile(
    r"\b(?:represent|attend|participate|present|speak|join)\b(?!.*\b(?:by|before|until)\b)", re.I
)
_EVENT_WORD = re.compile(
    r"\b(?:meeting|workshop|session|conference|training|event|visit|mission|forum)\b", re.I
)


def event_before_dues(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a point with no deadline of its own whose work is at an event (represent, attend,
    present) is due on the day of the event the sentence just before it announces."""
    for point in meeting.action_points():
        if point.due_date or not point.span or not _AT_EVENT.search(point.text):
            continue
        before = text[max(0, point.span[0] - 250) : point.span[0]]
        sentences = split_sentences(before.split("\n\n")[-1])
        if not sentences or not _EVENT_WORD.search(sentences[-1]):
            continue
        found = dates.find_deadline(f"by {_day_of(sentences[-1])}", meeting.meeting_date)
        if found and found.date and meeting.meeting_date and found.date >= meeting.meeting_date:
            point.due_date, point.deadline_text = found.date.isoformat(), sentences[-1]


def _day_of(sentence: str) -> str:
    match = re.search(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?:,?\s+\d{{4}})?"
        rf"|\b(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
        sentence,
    )
    return match.group(0) if match else ""
