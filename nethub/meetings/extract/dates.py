"""Rules for dates as minutes write them: the meeting's first (and last) day, and due dates.

Meeting date: the first date of the document's opening that is not a circulation, publication
or issue date ("Circulated: 10 July 2015", "15 December 2006 Original: English", "22 April 2003
CEB/2003/4") nor the next meeting's; a range ("21-22 May 2015", "26 and 27 March 2003") gives
the first day and the end date. Written forms: glued ordinals ("2ndApril, 2014",
"15January 2012", "27 Dec2012"), two-digit years ("17 November 16", "28/10/10", "11.02.10"),
days listed ("6, 7 and 8 June 2016": from the 6th to the 8th).

Due dates: `due_date(sentence, meeting_date)` reads what `deadlines.find_deadline` reads, after
the same repairs and "31/May/2022", "June/2022", "Frid Nov 5", "by next Wednesday, 13th April";
a weekday with a day and month in figures ("Monday 10/4") is read in the order that makes the
weekday right; "for 27th August" and "a deadline of 31st January" are deadlines.
"""

from __future__ import annotations

import datetime
import re

from nethub.meetings.extract.deadlines import find_deadline, resolve
from nethub.meetings.extract.header import MONTHS, parse_date

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def repair(text: str) -> str:
    """Dates as they should have been written."""
    text = re.sub(rf"(\d)(st|nd|rd|th)?(?=(?:{MONTHS})\b)", r"\1\2 ", text)  # "2ndApril"
    text = re.sub(rf"\b(\d{{1,2}})/({MONTHS})/(\d{{4}})\b", r"\1 \2 \3", text, flags=re.I)
    text = re.sub(rf"\b({MONTHS})/(\d{{4}})\b", r"\1 \2", text, flags=re.I)  # "June/2022"
    text = re.sub(r"(\d(?:st|nd|rd|th)?)\s+,", r"\1,", text)  # "January 17th , 2013"
    text = re.sub(
        rf"\b({MONTHS})\.?\s+,(?=\s*\d{{4}}\b)", r"\1,", text, flags=re.I
    )  # "3 Nov , 2015"
    # "MONDAY 18 February, 3:15 PM, 2013": the year written after the time.
    text = re.sub(
        rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))\.?,?\s+\d{{1,2}}[:.]\d{{2}}\s*"
        r"(?:[AaPp]\.?[Mm]\.?)?,?\s+(\d{4})\b",
        r"\1 \2",
        text,
        flags=re.I,
    )
    text = re.sub(r"\bFrid\b", "Friday", text)
    # "by Tue 05 July": a weekday shortened.
    for short, day in (
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Tues", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Thurs", "Thursday"),
        ("Fri", "Friday"),
    ):
        text = re.sub(rf"\b{short}\.?(?=\s+\d)", day, text)
    text = re.sub(r"\bwk\s*\d+\s+", "", text, flags=re.I)
    text = re.sub(r"\bnext\s+(?=(?:mon|tues|wednes|thurs|fri)day\b)", "", text, flags=re.I)
    text = re.sub(r"\ba week['’]s time\b", "a week", text)
    # "17 November 16 (Thursday)": a two-digit year.
    text = re.sub(
        rf"\b(\d{{1,2}}\s+(?:{MONTHS}))\s+(\d{{2}})\b(?![\d:.])", r"\1 20\2", text, flags=re.I
    )
    # "27 Dec2012": the month glued to the year.
    text = re.sub(rf"\b(\d{{1,2}}\s+(?:{MONTHS}))(?=\d{{4}}\b)", r"\1 ", text, flags=re.I)
    # "11.02.10": day, month and a two-digit year with dots (not a time, "13.00").
    text = re.sub(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", r"\1/\2/\3", text)
    # "6, 7 and 8 June 2016": the days listed, the first and the last kept as a range.
    text = re.sub(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*\d{{1,2}}(?:st|nd|rd|th)?)+,?\s+and\s+"
        rf"(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))",
        r"\1 and \2",
        text,
        flags=re.I,
    )
    return re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{2})\b(?!/)", r"\1/\2/20\3", text)  # "28/10/10"


_NOT_MEETING = re.compile(
    r"(?:circulat\w*|publish\w*|post(?:ed)?\s+(?:on|date)|date\s+post|upload\w*|issued|"
    r"submitted\s+on|next\s+meeting(?:\s+date)?|updated|revised|printed|ver(?:sion)?\.?)"
    r"\W{0,3}(?:\w+\W+)?$",
    re.I,
)
_ISSUE = re.compile(r"^\W{0,3}(?:original\s*:|[A-Z]{2,}/\d{4}/)", re.I)
# "UNITAR/BT/57/3. 5 March 2017": a date right after a document symbol is its issue date.
_AFTER_SYMBOL = re.compile(r"\b[A-Z]{2,}(?:/[A-Z0-9.]+){2,}\.?\s*$")
# "07/06/2016, 09:00-10:30, Athens": a date with the meeting's hours after it.
_SLOT = re.compile(r"^\W{0,3}\d{1,2}[:.h]\d{2}\s*(?:-|–|to)\s*\d{1,2}[:.h]\d{2}")
_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?P<month>{MONTHS})\.?,?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?P<month2>{MONTHS})\s+(?P<e1>\d{{1,2}})\s*[-–]\s*(?P<e2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})\b",
    re.I,
)
_SINGLE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.I,
)


def meeting_dates(opening: str) -> tuple[datetime.date | None, datetime.date | None]:
    """(first day, last day or None) of the meeting the opening of minutes describes."""
    text = repair(opening)
    candidates = sorted(
        [(m.start(), m, True) for m in _RANGE.finditer(text)]
        + [(m.start(), m, False) for m in _SINGLE.finditer(text)],
        key=lambda item: item[0],
    )
    kept = [
        (start, match, is_range)
        for start, match, is_range in candidates
        if not _not_meeting(text, start, match)
        and (
            is_range
            or not any(r.start() <= start < r.end() for _, r, ranged in candidates if ranged)
        )
    ]
    if not kept:
        return None, None
    _, match, is_range = _labelled(text, kept) or _slot(text, kept) or kept[0]
    return _range(match) if is_range else (parse_date(match.group(0)), None)


def approved_minutes_dates(opening: str) -> set[str]:
    """The dates (ISO) of earlier minutes the meeting approves ("Minutes of the October 18,
    2005 Board meeting were presented")."""
    text = repair(opening)
    found = set()
    for match in _SINGLE.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _PREVIOUS_MINUTES.search(before) and _APPROVED.match(
            text[match.end() : match.end() + 60]
        ):
            day = parse_date(match.group(0))
            if day:
                found.add(day.isoformat())
    return found


def _not_meeting(text: str, start: int, match: re.Match) -> bool:
    """Rule: a circulation, publication, issue, version ("DRAFT Ver. 4 June 2014") or
    next-meeting date is not the meeting's; nor is a year before 1900 (an archive's stamp read
    wrong, "12 SEP 1352")."""
    before = text[max(0, start - 30) : start]
    year = re.search(r"\d{4}", match.group(0))
    if year and int(year.group(0)) < 1900:
        return True
    return bool(
        _NOT_MEETING.search(before)
        or _AFTER_SYMBOL.search(before)
        or _ISSUE.match(text[match.end() : match.end() + 20])
        or _PREVIOUS_MINUTES.search(before)
        and _APPROVED.match(text[match.end() : match.end() + 60])
    )


# Rule: "Minutes of the October 18, 2005 Board meeting were presented": the date of minutes the
# meeting approves is an earlier meeting's.
_PREVIOUS_MINUTES = re.compile(r"\bminutes\s+(?:of|from|for)\s+(?:the\s+)?$", re.I)
_APPROVED = re.compile(
    r"^,?\s*(?:[\w-]+\s+){0,3}?(?:meeting\s+)?(?:were|was|are|is|had\s+been|have\s+been)\s+"
    r"(?:\w+\s+)?(?:presented|approved|accepted|adopted|read|circulated|confirmed|signed)\b",
    re.I,
)


_MEETING_DATE_LABEL = re.compile(
    r"(?:meeting\s+date|date\s+of\s+(?:the\s+)?meeting"
    # "Meeting Minutes of April 16, 2009" under a blog post's "Monday, April 27, 2009".
    r"|^\W*(?:meeting\s+)?minutes\s+(?:of|for)(?:\s+(?:the\s+)?meeting)?(?:\s+held)?(?:\s+on)?)"
    r"\s*[:.]?\s*$",
    re.I | re.M,
)


def _labelled(text: str, kept: list) -> tuple | None:
    """Rule: a date under a "Meeting Date" label is the meeting's, whatever date comes first
    (a page's listing date: "Nov 23, 2017 - ... Meeting Date 23rd October, 2017")."""
    return next(
        (item for item in kept if _MEETING_DATE_LABEL.search(text[max(0, item[0] - 25) : item[0]])),
        None,
    )


def _slot(text: str, kept: list) -> tuple | None:
    """Rule: when the first date has no hours after it and a later one does ("Jul 14, 2016 -
    ... 07/06/2016, 09:00-10:30, UNHCR Office"), the one with the meeting's hours is the
    meeting's date."""
    if _SLOT.match(text[kept[0][1].end() : kept[0][1].end() + 25]):
        return None
    return next(
        (item for item in kept[1:] if _SLOT.match(text[item[1].end() : item[1].end() + 25])),
        None,
    )


def _range(match: re.Match) -> tuple[datetime.date | None, datetime.date | None]:
    if match.group("d1"):
        first, last = match.group("d1"), match.group("d2")
        month, year = match.group("month"), match.group("year")
    else:
        first, last = match.group("e1"), match.group("e2")
        month, year = match.group("month2"), match.group("year2")
    start = parse_date(f"{first} {month} {year}")
    end = parse_date(f"{last} {month} {year}")
    if start and end and end > start:
        return start, end
    return start, None


# "before the meeting in February", "during Feb meeting", "at a meeting in July": a meeting, not
# a date (none invented).
_MEETING_IN = re.compile(
    rf"\b(?:before|at|during|by|until|in)\s+(?:the\s+|its\s+|an?\s+)?(?:next\s+)?(?:(?:meeting|session),?"
    rf"\s+in\s+(?:{MONTHS})|(?:{MONTHS})\.?\s+(?:meeting|session))\b",
    re.I,
)
_WEEKDAY_FIGURES = re.compile(
    r"\b(?P<weekday>mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    re.I,
)
# "... as of 23 Oct": the date a thing stands at, no deadline.
_FOR_DAY = re.compile(
    rf"\b(?:for|on|(?<!\bas\s)of)\s+(?:(?:mon|tues|wednes|thurs|fri)day,?\s+)?"
    rf"(?P<target>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:,?\s+\d{{4}})?"
    # "on May 5th": the month first.
    rf"|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b",
    re.I,
)


def due_date(sentence: str, meeting_date: datetime.date | None) -> tuple[str | None, str]:
    """(ISO due date or None, the words that gave it)."""
    text = repair(sentence)
    text = _MEETING_IN.sub("", text)
    deadline = find_deadline(text, meeting_date)
    if (
        deadline is not None
        and deadline.date is not None
        and (meeting_date is None or deadline.date >= meeting_date)
    ):
        return deadline.date.isoformat(), deadline.text
    figures = _WEEKDAY_FIGURES.search(text)
    if figures and meeting_date:
        found = _weekday_date(figures, meeting_date)
        if found:
            return found.isoformat(), figures.group(0)
    target = _FOR_DAY.search(text)
    if target and meeting_date and _not_past(target.group("target"), meeting_date):
        found = resolve(target.group("target"), meeting_date)
        if found and found >= meeting_date:
            return found.isoformat(), target.group(0)
    return None, deadline.text if deadline else ""


def _not_past(target: str, meeting_date: datetime.date) -> bool:
    """Rule: "the minutes of the meeting on July 15", written on 22 July: a day already past in
    the meeting's year is that day, not next year's (no deadline)."""
    if re.search(r"\d{4}", target):
        return True
    same_year = parse_date(f"{target} {meeting_date.year}")
    return same_year is None or same_year >= meeting_date


def _weekday_date(match: re.Match, meeting_date: datetime.date) -> datetime.date | None:
    """ "Monday 10/4" after a meeting on 1 October 1999 is 4 October: the order of day and
    month that falls on the weekday named, soonest after the meeting."""
    a, b = int(match.group("a")), int(match.group("b"))
    weekday = next(
        i for i, d in enumerate(_WEEKDAYS) if d.startswith(match.group("weekday").lower())
    )
    options = []
    for day, month in ((a, b), (b, a)):
        for year in (meeting_date.year, meeting_date.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                continue
            if candidate >= meeting_date and candidate.weekday() == weekday:
                options.append(candidate)
    return min(options) if options else None


def implausible(due: str | None, meeting_date: datetime.date | None, sentence: str) -> bool:
    """Rule: a due date from "a meeting in February" is invented; one more than three years
    after the meeting is a misreading."""
    if not due:
        return False
    if _MEETING_IN.search(repair(sentence)):
        return True
    return bool(meeting_date) and datetime.date.fromisoformat(due).year > meeting_date.year + 3


# "Next Meeting: 14/07/2016", "The next meeting will be held on 5 May 2016", "Next meeting date
# Monday April 27 2015".
_NEXT_MEETING_DATE = re.compile(
    r"\bnext\s+(?:[A-Za-z/-]+\s+)?meeting(?:\s+date)?\s*(?:(?:will\s+be|is)\s+(?:held\s+)?"
    r"(?:on\s+|scheduled\s+(?:for|on)\s+)?)?"
    # "our next meeting which is tentatively set for 20th October", "next meeting provisionally
    # fixed for 3 May": the day after the phrase that sets it.
    r"(?:,?\s*(?:which|that)\s+(?:is|was|will\s+be)\s+|(?:is|was)\s+)?"
    r"(?:(?:tentatively|provisionally)\s+)?(?:(?:set|scheduled|planned|fixed|targeted)\s+(?:for|on)\s+)?"
    r"[:\-–]?\s*",
    re.I,
)


def next_meeting_date(text: str, meeting_date: datetime.date | None) -> datetime.date | None:
    """The next meeting's date when the minutes state it (after the meeting's own)."""
    repaired = repair(text)
    for match in _NEXT_MEETING_DATE.finditer(repaired):
        date = _SINGLE.match(repaired, match.end()) or _SINGLE.search(
            repaired[match.end() : match.end() + 40]
        )
        found = parse_date(date.group(0)) if date else None
        found = found or _day_month(repaired[match.end() : match.end() + 40], meeting_date)
        if found and (meeting_date is None or found > meeting_date):
            return found
    return None


# "Next Meeting: Thursday 27th March": a day and a month with no year, right after the label.
_DAY_MONTH = re.compile(
    rf"^(?:[A-Z][a-z]+day,?\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{MONTHS})|(?P<month2>{MONTHS})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b",
    re.I,
)


def _day_month(text: str, meeting_date: datetime.date | None) -> datetime.date | None:
    """Rule: a next meeting given by its day and month takes the first such day after the
    meeting's own (the minutes' year, or the next one in December for January)."""
    match = _DAY_MONTH.match(text.strip())
    if not match or meeting_date is None:
        return None
    day, month = (
        match.group("day") or match.group("day2"),
        match.group("month") or match.group("month2"),
    )
    for year in (meeting_date.year, meeting_date.year + 1):
        found = parse_date(f"{day} {month} {year}")
        if found and found > meeting_date:
            return found
    return None
