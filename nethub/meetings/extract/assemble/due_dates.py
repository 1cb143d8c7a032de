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
        if dates.implausible(
            point.due_date, meeting.meeting_date, point.source_sentence, point.deadline_text
        ):
            point.due_date, point.deadline_text = None, ""


def own_words_dues(meeting: ExtractedMeeting, *, reread: bool) -> None:
    """Rule: a deadline read while the meeting's date was unknown or another (the header gave
    none: "before 12 September" taken as this year's) is read again against the meeting's
    settled date; a point its rule found without reading a deadline takes the one its own
    words give."""
    for point in meeting.action_points():
        if point.deadline_text and not reread:
            continue
        due, words = dates.due_date(point.deadline_text or point.text, meeting.meeting_date)
        if due:
            point.due_date, point.deadline_text = due, point.deadline_text or words


_BY_NEXT = re.compile(
    r"\b(?:at|by|before|for|to|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:the\s+)?next\s+"
    r"(?:[A-Za-z/-]+\s+){0,2}?(?:meeting|working\s+group|call)\b",
    re.I,
)


def next_meeting_dues(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: "by the next meeting" (or "invite them to the next meeting") is due on the next
    meeting's date: the one the sentence gives right after it ("before next meeting 3/17"),
    else the one the minutes state ("Next meeting: 14 July 2016"); otherwise no date.
    Rule: "in the August board meeting" is due on the next meeting's date when it falls in
    that month."""
    stated: list = []  # the next meeting's date, read once when a point needs it
    for point in meeting.action_points():
        sentence = point.source_sentence or point.text
        by_next = _BY_NEXT.search(sentence)
        month_meeting = dates.MEETING_IN.search(sentence)
        if point.due_date is not None or not (by_next or month_meeting):
            continue
        if by_next:
            after = sentence[by_next.end() : by_next.end() + 30]
            due, _ = dates.due_date(f"by {after.strip(' :,-')}", meeting.meeting_date)
            if due and dates.starts_with_date(after):
                point.due_date, point.deadline_text = due, by_next.group(0) + after
                continue
        if not stated:
            stated.append(dates.next_meeting_date(document.text, meeting.meeting_date))
        found = stated[0]
        if found is not None and (by_next or _month(month_meeting) == found.month):
            point.due_date = found.isoformat()
            point.deadline_text = (by_next or month_meeting).group(0)


def _month(match: re.Match) -> int:
    name = (match.group("month") or match.group("month2")).lower()[:3]
    return _MONTHS.index(name) + 1


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


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


# ". Deadline: 28 December.", " – Due date: 5 May": a deadline label right after the item.
_LABELLED_AFTER = re.compile(
    r"^[\s.;,–-]{0,4}(?:deadline|due(?:\s+date)?|by\s+when|target\s+date)\s*[:\-–]\s*"
    r"(?P<date>[^.\n;]{3,40})",
    re.I,
)


def labelled_deadline_after(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: an item with no deadline of its own followed on its line by a deadline label
    ("SWG to circulate the draft. Deadline: 28 December.") is due on that date."""
    for point in meeting.action_points():
        if point.due_date or not point.span:
            continue
        match = _LABELLED_AFTER.match(document.text[point.span[1] : point.span[1] + 80])
        if match:
            due, _words = dates.due_date(f"by {match.group('date').strip()}", meeting.meeting_date)
            if due:
                point.due_date, point.deadline_text = due, match.group(0).strip(" .;,–-")


def bare_date_dues(meeting: ExtractedMeeting) -> None:
    """Each point still undated that names one day and month takes it (`dates.bare_date`)."""
    for point in meeting.action_points():
        if point.due_date:
            continue
        found = dates.bare_date(point.text, meeting.meeting_date)
        if found:
            point.due_date, point.deadline_text = found


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
        day = _day_of(sentences[-1])
        # Rule: an event already past in the meeting's year ("the donor meeting was held on
        # 23 March", minutes of May) is no coming event: no date for the task.
        if not day or not meeting.meeting_date or not dates.not_past(day, meeting.meeting_date):
            continue
        found = dates.find_deadline(f"by {day}", meeting.meeting_date)
        if found and found.date and found.date >= meeting.meeting_date:
            point.due_date, point.deadline_text = found.date.isoformat(), sentences[-1]


def _day_of(sentence: str) -> str:
    match = re.search(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?:,?\s+\d{{4}})?"
        rf"|\b(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
        sentence,
    )
    return match.group(0) if match else ""
