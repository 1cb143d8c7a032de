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
    text = _glued(text)
    # "UNHCR- Tripoli Office15 January 2014", "Meeting3rd December 2008", "Minutes3/29/2016": a
    # date glued to the word before it.
    text = re.sub(
        rf"(?<=[a-z])(?=\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\s+\d{{4}}\b"
        r"|\d{1,2}/\d{1,2}/\d{4}\b)",
        " ",
        text,
        flags=re.I,
    )
    # "24th, Feb, 2015": commas between the parts.
    text = re.sub(
        rf"\b(\d{{1,2}}(?:st|nd|rd|th)?),\s+({MONTHS})\.?,\s+(\d{{4}})\b",
        r"\1 \2 \3",
        text,
        flags=re.I,
    )
    # "2009.06.15 Meeting Notes", "Minutes 2016/06/30": an ISO date written with dots or slashes.
    text = re.sub(r"\b((?:19|20)\d{2})[./](\d{2})[./](\d{2})\b", r"\1-\2-\3", text)
    # "27, 28 y 29 de octubre de 1999": the Spanish and French "de" between the parts.
    # "martes 05 de noviembre del año 2002".
    text = re.sub(
        rf"\b(\d{{1,2}})\s+de\s+({MONTHS})\s+del?\s+(?:año\s+)?(\d{{4}})\b",
        r"\1 \2 \3",
        text,
        flags=re.I,
    )
    text = _year_in_words(text)
    text = re.sub(rf"\b(\d{{1,2}})/({MONTHS})/(\d{{4}})\b", r"\1 \2 \3", text, flags=re.I)
    text = re.sub(rf"\b({MONTHS})/(\d{{4}})\b", r"\1 \2", text, flags=re.I)  # "June/2022"
    # "2008-June-10": a year, a month's name and a day.
    text = re.sub(rf"\b(\d{{4}})-({MONTHS})-(\d{{1,2}})\b", r"\3 \2 \1", text, flags=re.I)
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
    # "17 November 16 (Thursday)", "19th September 02": a two-digit year.
    text = re.sub(
        # Not "26th March 26, 2018": the day written twice, the year after it.
        rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))\s+(\d{{2}})\b(?![\d:.])(?!,?\s+\d{{4}}\b)",
        r"\1 20\2",
        text,
        flags=re.I,
    )
    # "11.02.10": day, month and a two-digit year with dots (not a time, "13.00").
    text = re.sub(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", r"\1/\2/\3", text)
    # "6, 7 and 8 June 2016", "27, 28 y 29 octubre": the days listed, the first and the last
    # kept as a range.
    text = re.sub(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*\d{{1,2}}(?:st|nd|rd|th)?)+,?\s+(?:and|y|et)\s+"
        rf"(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))",
        r"\1 and \2",
        text,
        flags=re.I,
    )
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{2})\b(?!/)", r"\1/\2/20\3", text)  # "28/10/10"
    return _day_first(text) if _month_first(text) else text


_UNITS = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_TEENS = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"]
# The years of this century as French official minutes write them ("deux mille dix-huit").
_YEAR_WORDS = {
    **{unit: i for i, unit in enumerate(_UNITS, start=1)},
    **{teen: i for i, teen in enumerate(_TEENS, start=10)},
    **{f"dix-{unit}": 10 + i for i, unit in enumerate(_UNITS[6:], start=7)},
    **{
        f"{tens}{' et ' if i == 1 else '-'}{unit}": base + i
        for tens, base in (("vingt", 20), ("trente", 30))
        for i, unit in enumerate(_UNITS, start=1)
    },
    "vingt": 20,
    "trente": 30,
}
_LEGAL_DATE = re.compile(
    r"\bl['’]an\s+deux\s+mille(?:\s+(?P<year>[a-z -]+?))?\s*,?\s+le\s+"
    rf"(?P<day>\d{{1,2}}|premier|1er)\s+(?P<month>{MONTHS})\b",
    re.I,
)


def _year_in_words(text: str) -> str:
    """Rule: "L'an deux mille dix-huit, le 19 octobre": the year French official minutes write
    in words, before the day and month."""

    def written(match: re.Match) -> str:
        words = (match.group("year") or "").strip().lower()
        if words and words not in _YEAR_WORDS:
            return match.group(0)
        day = "1" if match.group("day").lower() in ("premier", "1er") else match.group("day")
        return f"le {day} {match.group('month')} {2000 + _YEAR_WORDS.get(words, 0)}"

    return _LEGAL_DATE.sub(written, text)


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _month_first(text: str) -> bool:
    """Rule: slashed dates are day first (UN usage), unless the text writes one that can only
    be month first ("8/25/2019") and none that can only be day first. (How a page writes its
    named dates says nothing: a site's listing line "Aug 2, 2019" heads day-first minutes.)"""
    pairs = [(int(a), int(b)) for a, b, _year in _SLASHED.findall(text)]
    return not any(a > 12 for a, _b in pairs) and any(b > 12 for _a, b in pairs)


def _day_first(text: str) -> str:
    """Slashed dates rewritten day first, as the parsers read them."""
    return _SLASHED.sub(lambda m: f"{m.group(2)}/{m.group(1)}/{m.group(3)}", text)


def _glued(text: str) -> str:
    """Rule: date parts written without their spaces ("2ndApril", "27March2018", "3rd
    November2014", "31May23", "THURSDAY22 SEPTEMBER 2016", "29 th May") or with the time
    between day and year (a chat log's "Wed Jun 21 18:59:31 2017") are read as one date."""
    text = re.sub(rf"(\d)(st|nd|rd|th)?(?=(?:{MONTHS})(?:\b|\d))", r"\1\2 ", text, flags=re.I)
    text = re.sub(r"\b(\d{1,2})\s+(st|nd|rd|th)\b", r"\1\2", text)
    text = re.sub(
        r"(?<![a-z])((?:mon|tues|wednes|thurs|fri|satur|sun)day)(?=\d)", r" \1 ", text, flags=re.I
    )
    # The month glued to its year: "27 Dec2012", "31 May23" (a short year made whole below).
    text = re.sub(
        rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS}))(?=\d{{2}}(?:\d{{2}})?\b)",
        r"\1 ",
        text,
        flags=re.I,
    )
    return re.sub(
        rf"\b({MONTHS})\.?\s+(\d{{1,2}}),?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
        r"(?:\s*[AP]M)?(?:\s+[A-Z]{2,4})?\s+(\d{4})\b",
        r"\1 \2, \3",
        text,
        flags=re.I,
    )


_NOT_MEETING = re.compile(
    r"\b(?:circulat\w*|publish\w*|post(?:ed)?\s+(?:on|date)|date\s+post|upload\w*|issued|"
    r"submitted(?:\s+by\s+[^\n]{0,30}?)?\s+on|next\s+meeting(?:\s+date)?|updated|revised|printed|v(?:er(?:sion)?)?\b\.?)"
    r"\W{0,3}(?:\w+\W+)?$",
    re.I,
)
# "The last meeting was held on 26 May 2015", "La dernière réunion s'était tenue le 26 mai
# 2015": an earlier meeting's date.
_LAST_MEETING = re.compile(
    r"\b(?:(?:last|previous|prior)\s+(?:[\w-]+\s+){0,2}meeting|"
    r"(?:derni[èe]re|pr[ée]c[ée]dente)\s+r[ée]union|r[ée]union\s+pr[ée]c[ée]dente)"
    r"[^\n.;]{0,35}$",
    re.I,
)
# "The next TSC meeting is scheduled on November 14th, 2019": the next meeting's date.
_NEXT_SCHEDULED = re.compile(
    r"\bnext\s+(?:[\w-]+\s+){0,2}meeting\s+(?:is|was|will\s+be)\s+(?:\w+\s+){0,2}(?:on|for)\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.I,
)
# Rule: "By Jo Bloggs | November 26, 2018": a blog post's byline dates the post.
_BYLINE = re.compile(r"(?:^|\n)\s*(?:posted\s+)?by\b[^\n|]{0,40}\|\s*$", re.I)
_ISSUE = re.compile(r"^\W{0,3}(?:original\s*:|[A-Z]{2,}/\d{4}/)", re.I)
# "UNITAR/BT/57/3. 5 March 2017": a date right after a document symbol is its issue date.
_AFTER_SYMBOL = re.compile(r"\b[A-Z]{2,}(?:/[A-Z0-9.]+){2,}\.?\s*$")
# "07/06/2016, 09:00-10:30, Athens": a date with the meeting's hours after it.
_SLOT = re.compile(r"^\W{0,3}\d{1,2}[:.h]\d{2}\s*(?:-|–|to)\s*\d{1,2}[:.h]\d{2}")
# "Weds 1 & Thurs 2 June 2011": a day's name before each day of a range.
_DAY_NAME = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_RANGE = re.compile(
    rf"\b{_DAY_NAME}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|&|y|et|au|al)\s*{_DAY_NAME}"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?P<month>{MONTHS})\.?,?\s+(?P<year>\d{{4}})\b"
    rf"|\b(?P<month2>{MONTHS})\s+(?P<e1>\d{{1,2}})\s*[-–]\s*(?P<e2>\d{{1,2}}),?\s+(?P<year2>\d{{4}})\b"
    # "2008-07-21/22": an ISO day and the last day after a slash.
    r"|\b(?P<iso>\d{4}-\d{2})-(?P<i1>\d{2})/(?P<i2>\d{2})\b",
    re.I,
)
_SINGLE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{{4}}"
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
    # A stamped date gives way to any other; alone, it stands (e-mailed minutes of "today's
    # call" are dated by their header).
    kept = [item for item in kept if not _stamped(text, item[1])] or kept
    if not kept:
        return _weekday_year(text), None
    _, match, is_range = _labelled(text, kept) or _slot(text, kept) or kept[0]
    return _range(match) if is_range else (parse_date(match.group(0)), None)


# A day and a month, either way round ("24th May", "Sep. 18"): the core of the readers of
# dates written without their year (`_YEARLESS`, `_DAY_MONTH`, `_ANY_DAY_MONTH`).
_DAY_AND_MONTH = (
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTHS})\.?"
    rf"|(?P<month2>{MONTHS})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)\b"
)


def _day_and_month(match: re.Match) -> tuple[str, str]:
    return match.group("day") or match.group("day2"), match.group("month") or match.group("month2")


# "Wednesday, August 30", "Monday 24th May", "Thursday 17 March": a weekday, a day and a month,
# the year left out.
_YEARLESS = re.compile(
    rf"\b(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+(?:the\s+)?"
    rf"{_DAY_AND_MONTH}(?!,?\s*\d{{4}})",
    re.I,
)


def _weekday_year(text: str) -> datetime.date | None:
    """Rule: a meeting dated by weekday, day and month alone is in the year the text names
    elsewhere ("TT2010", a copyright, a file's name) whose calendar puts that day on that
    weekday; none when no named year, or more than one, fits."""
    match = _YEARLESS.search(text)
    if match is None:
        return None
    day, month = _day_and_month(match)
    weekday = _WEEKDAYS.index(match.group("weekday").lower())
    fits = set()
    for year in {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)}:
        day_of = parse_date(f"{day} {month} {year}")
        if day_of and day_of.weekday() == weekday:
            fits.add(day_of)
    return fits.pop() if len(fits) == 1 else None


def rejected_dates(opening: str) -> set[str]:
    """The dates (ISO) the opening gives that are not the meeting's: of earlier minutes the
    meeting approves ("Minutes of the October 18, 2005 Board meeting were presented"), the next
    meeting's, a circulation or byline date (see `_not_meeting`)."""
    text = repair(opening)
    found = set()
    for match in _SINGLE.finditer(text):
        if _not_meeting(text, match.start(), match):
            day = parse_date(match.group(0))
            if day:
                found.add(day.isoformat())
    return found


def _not_meeting(text: str, start: int, match: re.Match) -> bool:
    """Rule: a circulation, publication, issue, version ("DRAFT Ver. 4 June 2014"), byline or
    next-meeting date is not the meeting's; nor is a year before 1900 (an archive's stamp read
    wrong, "12 SEP 1352")."""
    before = text[max(0, start - 30) : start]
    if _SITE_LISTING.search(_line_before(text, start)):
        return True
    year = re.search(r"\d{4}", match.group(0))
    if year and int(year.group(0)) < 1900:
        return True
    return bool(
        _NOT_MEETING.search(before)
        or _BYLINE.search(text[max(0, start - 50) : start])
        or _NEXT_SCHEDULED.search(text[max(0, start - 60) : start])
        or _LAST_MEETING.search(text[max(0, start - 60) : start])
        or _AFTER_SYMBOL.search(before)
        or _ISSUE.match(text[match.end() : match.end() + 20])
        or _PREVIOUS_MINUTES.search(text[max(0, start - 90) : start])
        and _APPROVED.match(text[match.end() : match.end() + 60])
    )


# Rule: "29th Mar 2024 16:34 GMT", "Thu, 15 Feb 2001 18:46:34 +0100": a date stamped with its
# clock's zone or seconds is when a page or a message was written, not a meeting's day, when
# the text gives another.
_TIMESTAMP = re.compile(
    r"^,?\s+\d{1,2}:\d{2}(?::\d{2}\s*(?:[+-]\d{4})?|\s*(?:GMT|BST|UTC|CES?T|[ECMP][SD]T|[+-]\d{4})\b)"
)


def _stamped(text: str, match: re.Match) -> bool:
    return bool(_TIMESTAMP.match(text[match.end() : match.end() + 30]))


# "0 downloads 142 Views 243KB Size Report" then "Jan 31, 2014 - The meeting took ... 11/11/14":
# the line after a document site's listing is its upload date and a snippet of the text.
_SITE_LISTING = re.compile(r"size\s+report|\bdownloads?\b.{0,30}\bviews\b", re.I)


def _line_before(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start)
    if line_start < 0:
        return ""
    return text[text.rfind("\n", 0, line_start) + 1 : line_start]


# Rule: "Minutes of the October 18, 2005 Board meeting were presented": the date of minutes the
# meeting approves is an earlier meeting's.
# ("The minutes of the Safeguarding Board (LSCB) meeting held on 17 July 2015 were approved".)
_PREVIOUS_MINUTES = re.compile(
    r"\bminutes\s+(?:of|from|for)\s+(?:the\s+)?(?:[\w()-]+\s+){0,8}$", re.I
)
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
# "Date: Wednesday 19/9/2012" in the header under a title that dates the page otherwise (after
# the held sentence: a report's own "DATE:" may head the notes of a meeting held earlier).
_DATE_LABEL = re.compile(
    r"^\W*(?:date|fecha)\s*:\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I | re.M
)
# What minutes call themselves, in English, French and Spanish.
_MINUTES = (
    r"(?:(?:meeting\s+)?minutes|compte[- ]rendu|proc[eè]s[- ]verbal|acta|"
    r"memoria\s+de\s+(?:la\s+)?reuni[oó]n)"
)
# "March 11 2008, Monthly Meeting Minutes" under a blog post's date: a line that opens with a
# date and names itself the minutes.
_TITLED = re.compile(rf"^,?\s*(?:[\w-]+\s+){{0,4}}{_MINUTES}\s*$", re.I | re.M)
# "St. Dominic Refugee Committee Minutes, Jan. 6, 2016" under a blog post's date: a line that
# names itself the minutes and ends with its date (not an earlier meeting's minutes).
# "Assemblée Générale – 23 juin 2018" after a post's date: a general meeting names itself so.
_TITLE_THEN_DATE = re.compile(
    rf"\b(?:{_MINUTES}|assembl[ée]e\s+g[ée]n[ée]rale|asamblea\s+general|general\s+assembly|"
    r"annual\s+general\s+meeting)\b[^\n\d]{0,100}$",
    re.I,
)


# "Notes of a meeting held on Monday 29th April 2019", "a meeting held in London, UK,
# 2008-07-21/22", "Minutes of the board meeting Oslo, 5 May 2016": the meeting's own date in
# the sentence that says it met (not one "to be held").
# "The Standing Committee, meeting in Strasbourg on 29 April 2009", "The board met on": a
# sentence that says the meeting took place, after a dateline's place and date.
_HELD = re.compile(
    r"(?:(?<!to be )(?<!will be )\bheld\s+(?:on|in|at)\b|^\W*minutes\s+of\b[^\n]{0,80}\bmeeting\b|"
    r"\b(?:meeting|met)\s+in\s+(?-i:[A-Z])[^\n,.;]{0,40}?\s+on\b|\bmet\s+on\b|"
    # French and Spanish: "Reunión celebrada el día 8 de abril", "réunion tenue le 3 mai",
    # "qui s'est tenue le", "s'est réuni le".
    r"\b(?:celebrad[ao]|realizad[ao])\s+(?:el|en)\b|\b(?:tenue?|réunie?)\s+(?:le|à)\b)"
    r"[^\n.;]{0,40}$",
    re.I | re.M,
)


def _labelled(text: str, kept: list) -> tuple | None:
    """Rule: a date under a "Meeting Date" label is the meeting's, whatever date comes first
    (a page's listing date: "Nov 23, 2017 - ... Meeting Date 23rd October, 2017"); failing
    one, so is the date of the sentence that says the meeting was held (a list of earlier
    meetings' dates, or the report's own date, may come first; the first date, when it is the
    held one, stays, whatever later meeting is said to be held); failing that, a later date
    under a "Date:" label, or on a line that names itself the minutes ("March 11 2008, Monthly
    Meeting Minutes" under a blog post's date)."""
    return (
        next(
            (
                item
                for item in kept
                if _MEETING_DATE_LABEL.search(text[max(0, item[0] - 25) : item[0]])
            ),
            None,
        )
        or next((item for item in kept if _held(text[max(0, item[0] - 130) : item[0]])), None)
        or next((item for item in kept[1:] if _met_after(text, item[1])), None)
        or next((item for item in kept[1:] if _named_meeting(text, item[1])), None)
        or _under_the_title(text, kept)
    )


def _under_the_title(text: str, kept: list) -> tuple | None:
    """A later line that names itself the minutes wins; a later "Date:" label wins over a
    first date inside a title, not over one alone on its line (a dateline: "Sunday, August 16,
    2009" over the "Date:" of the event the meeting plans)."""
    titled = next((item for item in kept[1:] if _titled(text, item[1])), None)
    if titled or _alone_on_its_line(text, kept[0][1]):
        return titled
    return next(
        (item for item in kept[1:] if _DATE_LABEL.search(text[max(0, item[0] - 35) : item[0]])),
        None,
    )


def _line_around(text: str, match: re.Match) -> tuple[str, str]:
    """What stands before and after the match on its line."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    return text[line_start : match.start()], text[match.end() : line_end if line_end >= 0 else None]


def _alone_on_its_line(text: str, match: re.Match) -> bool:
    rest = "".join(_line_around(text, match))
    return not re.sub(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|[\W_]", "", rest, flags=re.I)


def _titled(text: str, match: re.Match) -> bool:
    before, after = _line_around(text, match)
    if not before.strip():
        return bool(_TITLED.match(after))
    return (
        bool(_TITLE_THEN_DATE.search(before))
        and not _EARLIER.search(before)
        and not after.strip(" .,;:)")
    )


# "The minutes of the previous meeting held on ...", "To adopt the minutes of the meeting held
# on ...": an earlier meeting's date.
_EARLIER = re.compile(
    r"\b(?:previous|last|prior|earlier|receive|adopt\w*|approv\w*|confirm\w*|note)\b", re.I
)


def _held(before: str) -> bool:
    match = _HELD.search(before)
    if match is None:
        return False
    line = before[: match.start()].rsplit("\n", 1)[-1]
    return not _EARLIER.search(line + match.group(0))


# "T5 SHELTER CO-ORDINATION MEETING - 27 March 2014, 14:00", "Meeting– November 7, 2011",
# "Health Coordination meeting 2nd July 2015": the line names the meeting, then its date (not
# the next, last or previous one's).
_MEETING_THEN = re.compile(
    r"\b(?:meeting|r[ée]union|reuni[óo]n)\s*(?:[-–—:,]\s*)?(?:(?:on|of|du|del|de)\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.I,
)
_OTHER_MEETING = re.compile(
    r"\b(?:next|following|upcoming|future|previous|last|prior|prochaine?|pr[óo]xim[ao]|"
    r"anterior|derni[eè]re?|pr[ée]c[ée]dente?)\b",
    re.I,
)


# "... del 24 de enero de 2014 se reúne el CONSEJO ESCOLAR", "le 3 mai 2016 s'est réuni le
# bureau", "on 5 May 2016 took place": the sentence says the meeting met on that date.
_MET = re.compile(
    r"^[^\n.;]{0,25}?\b(?:se\s+re[úu]ne[n]?|se\s+reuni[óo]|nos\s+reunimos|se\s+celebr[óa]|"
    r"tuvo\s+lugar|s['’]est\s+r[ée]uni[e]?|se\s+sont\s+r[ée]uni[e]?s|a\s+eu\s+lieu|"
    r"s['’]est\s+tenue?|took\s+place|convened|met)\b",
    re.I,
)


def _met_after(text: str, match: re.Match) -> bool:
    """Rule: a later date that the sentence goes on to say the meeting met on wins over a first
    date of the page (a blog post's)."""
    return bool(_MET.match(text[match.end() : match.end() + 60]))


def _named_meeting(text: str, match: re.Match) -> bool:
    """Rule: a later date that its line names the meeting's wins over a first date of the page
    (a listing's, a post's, a page header's)."""
    before, _after = _line_around(text, match)
    return bool(_MEETING_THEN.search(before)) and not _OTHER_MEETING.search(before)


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
    if match.group("iso"):
        start = parse_date(f"{match.group('iso')}-{match.group('i1')}")
        end = parse_date(f"{match.group('iso')}-{match.group('i2')}")
        return (start, end) if start and end and end > start else (start, None)
    if match.group("d1"):
        first, last = match.group("d1"), match.group("d2")
        month, year = match.group("month"), match.group("year")
    else:
        first, last = match.group("e1"), match.group("e2")
        month, year = match.group("month2"), match.group("year2")
    start = parse_date(f"{first} {month} {year}")
    end = parse_date(f"{last} {month} {year}")
    if start and end and (end - start).days > _LONGEST_MEETING:
        return end, None  # "Council 3 - 24th November 2015": a number, then the day
    if start and end and end > start:
        return start, end
    return start, None


# Days a meeting spans at most: a longer "range" is a number before the day.
_LONGEST_MEETING = 14


# "before the meeting in February", "during Feb meeting", "at a meeting in July", "for the next
# SG meeting in September", "in August DPG H meeting": a meeting, not a date (none invented;
# `assemble.due_dates` gives the next meeting's day when the minutes state it).
MEETING_IN = re.compile(
    rf"\b(?:before|at|during|by|until|in|for)\s+(?:the\s+|its\s+|an?\s+)?(?:next\s+)?"
    rf"(?:(?:(?-i:[A-Z][\w-]*)\s+){{0,2}}(?:meeting|session),?\s+in\s+(?P<month>{MONTHS})"
    rf"|(?P<month2>{MONTHS})\.?\s+(?:(?-i:[A-Z][\w-]*)\s+){{0,3}}(?:meeting|session))\b",
    re.I,
)
_WEEKDAY_FIGURES = re.compile(
    r"\b(?P<weekday>mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?P<a>\d{1,2})/(?P<b>\d{1,2})\b(?!/)",
    re.I,
)
# "... as of 23 Oct": the date a thing stands at, no deadline.
_FOR_DAY = re.compile(
    # "at the Sept. 21st event": the day of an event the task is for.
    rf"\b(?:for|on|at\s+the|(?<!\bas\s)of)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<target>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:,?\s+\d{{4}})?"
    # "on May 5th": the month first.
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b",
    re.I,
)
# "by 5/17", "at the 8/25/19 service", "facilitate 8/18 Question and Answer": a day and month in
# figures after a word that dates a task (not a fraction, a score or part of a longer number).
_SLASHED_DAY = re.compile(
    r"\b(?:by|on|before|until|for|due|at\s+the|[a-z]{4,})\s+"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<year>\d{2}|\d{4}))?(?![\d/])",
    re.I,
)


def _slashed_day(text: str, meeting_date: datetime.date | None) -> tuple[str, str] | None:
    """Rule: a day and month in figures that can be read only one way ("5/17", "18/5") is the
    first such day on or after the meeting, within half a year; a year written must agree.
    One that reads both ways ("3/4") gives no date."""
    match = _SLASHED_DAY.search(text)
    if match is None or meeting_date is None:
        return None
    a, b = int(match.group("a")), int(match.group("b"))
    if a <= 12 and b <= 12:
        return _the_near_reading(a, b, meeting_date, match)
    written = match.group("year")
    readings = [
        day
        for day in _figure_readings(a, b, meeting_date)
        if (not written or int(written) % 100 == day.year % 100)
        and (day - meeting_date).days <= 183
    ]
    if not readings:
        return None
    return min(readings).isoformat(), match.group(0)


def _the_near_reading(
    a: int, b: int, meeting_date: datetime.date, match: re.Match
) -> tuple[str, str] | None:
    """Rule: a day and month in figures that reads both ways ("by 10/6" after a meeting on 1
    September) is the reading that falls within two months after the meeting, when only one
    does: a task's deadline is near. Both near ("3/4" in February), or neither, give no date."""
    if match.group("year"):
        return None
    near = {day for day in _figure_readings(a, b, meeting_date) if (day - meeting_date).days <= 60}
    if len(near) != 1:
        return None
    return near.pop().isoformat(), match.group(0)


def due_date(sentence: str, meeting_date: datetime.date | None) -> tuple[str | None, str]:
    """(ISO due date or None, the words that gave it)."""
    text = repair(sentence)
    text = MEETING_IN.sub("", text)
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
    if target and meeting_date and not_past(target.group("target"), meeting_date):
        found = resolve(target.group("target"), meeting_date)
        if found and found >= meeting_date:
            return found.isoformat(), target.group(0)
    found = _weekday_day(text, meeting_date) or _slashed_day(text, meeting_date)
    if found:
        return found
    latest = _LATEST.search(text) or _LATEST_BEFORE.search(text)
    if latest and meeting_date:
        day = resolve(latest.group("target"), meeting_date)
        if day and day >= meeting_date:
            return day.isoformat(), latest.group(0)
    today = _TODAY.search(text)
    if today and meeting_date and deadline is None:
        return meeting_date.isoformat(), today.group(0)
    return None, deadline.text if deadline else ""


# Rule: "April 6 latest", "6 April at the latest", "latest 6 April": a deadline written with
# "latest" instead of "by".
_LATEST = re.compile(
    rf"\b(?P<target>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?:,?\s+\d{{4}})?"
    r"(?:,?\s*(?:at\s+the\s+)?latest\b)",
    re.I,
)
_LATEST_BEFORE = re.compile(
    rf"\b(?:at\s+the\s+)?latest\s+(?:by\s+|on\s+)?(?P<target>\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{MONTHS})|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.I,
)


# "by Tue 14", "Friday the 13th": a weekday and a day of the month, no month.
_WEEKDAY_DAY = re.compile(
    r"\b(?:by|before|on|until|for)\s+(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
    r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[/.:]\d|(?:st|nd|rd|th\s+)?(?:of\s+)?"
    rf"(?:{MONTHS})\b|[ap]\.?m\b|hrs?\b))",
    re.I,
)


# "before 31st", "by the 21st": a day of the month alone, written as an ordinal.
_ORDINAL_DAY = re.compile(
    r"\b(?:by|before|on|until)\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)\b"
    # Not the first day of a range whose month comes after the second ("24th and 25 June").
    rf"(?!\s*(?:(?:and|&|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:of\s+)?(?:{MONTHS})\b"
    r"|\s*[/.:]\d)",
    re.I,
)


def _weekday_day(text: str, meeting_date: datetime.date | None) -> tuple[str, str] | None:
    """Rule: "by Tue 14" is the first day numbered 14 after the meeting that falls on a
    Tuesday, within the next two months (none if no such day: a misreading); "before 31st",
    with no weekday, the first day numbered 31 on or after the meeting."""
    match = _WEEKDAY_DAY.search(text) or _ORDINAL_DAY.search(text)
    if match is None or meeting_date is None:
        return None
    named = match.groupdict().get("weekday")
    weekday = [d[:3] for d in _WEEKDAYS].index(named.lower()[:3]) if named else None
    year, month = meeting_date.year, meeting_date.month
    for _ in range(3):
        try:
            candidate = datetime.date(year, month, int(match.group("day")))
        except ValueError:
            candidate = None
        if candidate and candidate >= meeting_date and weekday in (None, candidate.weekday()):
            return candidate.isoformat(), match.group(0)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


# Rule: "Kim to send it to the chair today" (or "tonight"), "to share at today's call": due on
# the meeting's own day ("as of today" states a fact; read only for a point already found, as
# the meeting day alone makes no sentence a task).
_TODAY = re.compile(r"(?<!as of )(?<!until )\b(?:today|tonight|tonite)\b(?:['’]s\s+\w+)?", re.I)


# "3/17", "14 July", "Tuesday 5 May": a date where the words begin.
_STARTS_WITH_DATE = re.compile(
    rf"^\W{{0,3}}(?:(?:[A-Z][a-z]+day,?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}\b)|\d{{1,2}}[./]\d{{1,2}}\b)",
    re.I,
)


def starts_with_date(text: str) -> bool:
    return bool(_STARTS_WITH_DATE.match(repair(text)))


def not_past(target: str, meeting_date: datetime.date) -> bool:
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
    options = [day for day in _figure_readings(a, b, meeting_date) if day.weekday() == weekday]
    return min(options) if options else None


def _figure_readings(a: int, b: int, meeting_date: datetime.date) -> list[datetime.date]:
    """The days "a/b" can be, day first or month first, in the meeting's year or the next,
    on or after the meeting."""
    readings = []
    for day, month in ((a, b), (b, a)):
        for year in (meeting_date.year, meeting_date.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                continue
            if candidate >= meeting_date:
                readings.append(candidate)
    return readings


def implausible(
    due: str | None, meeting_date: datetime.date | None, sentence: str, words: str = ""
) -> bool:
    """Rule: a due date from "a meeting in February" is invented; one more than three years
    after the meeting is a misreading. Rule: without the meeting's date, a deadline with no
    year ("in Feb", "before Thursday 27th May") has no year to take (today's is a guess)."""
    if not due:
        return False
    if MEETING_IN.search(repair(sentence)):
        return True
    if meeting_date is None and words and not re.search(r"\d{4}", words):
        return True
    return bool(meeting_date) and (
        _just_past_month(words, meeting_date)
        or datetime.date.fromisoformat(due).year > meeting_date.year + 3
    )


def _just_past_month(words: str, meeting_date: datetime.date) -> bool:
    """Rule: "the survey released in Feb", minutes of March: a month alone (no day, no year)
    that ended in the three months before the meeting is the past one, not next year's."""
    month = re.fullmatch(
        rf"(?:in|during|by|until|before)\s+(?:the\s+)?(?:end\s+of\s+)?({MONTHS})\.?",
        words.strip(),
        re.I,
    )
    if month is None:
        return False
    number = parse_date(f"1 {month.group(1)} 2000").month
    return (meeting_date.month - number) % 12 in (1, 2, 3)


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
_DAY_MONTH = re.compile(rf"^(?:[A-Z][a-z]+day,?\s+)?{_DAY_AND_MONTH}", re.I)


def _day_month(text: str, meeting_date: datetime.date | None) -> datetime.date | None:
    """Rule: a next meeting given by its day and month takes the first such day after the
    meeting's own (the minutes' year, or the next one in December for January)."""
    match = _DAY_MONTH.match(text.strip())
    if not match or meeting_date is None:
        return None
    day, month = _day_and_month(match)
    for year in (meeting_date.year, meeting_date.year + 1):
        found = parse_date(f"{day} {month} {year}")
        if found and found > meeting_date:
            return found
    return None


# "will be issued 22 Oct for review", "with the presenters, Sep 18.": a day and a month
# anywhere in a task, no preposition before it.
_ANY_DAY_MONTH = re.compile(rf"(?<![\w/]){_DAY_AND_MONTH}(?![/:]|\s*\d{{4}})", re.I)


def bare_date(task: str, meeting_date: datetime.date | None) -> tuple[str, str] | None:
    """Rule: a task naming one day and month and no other date ("The list will be issued 22
    Oct for review") is due that day, when it falls within three months after the meeting
    (further off, it is a date the task mentions, not its deadline)."""
    repaired = repair(task)
    found = list(_ANY_DAY_MONTH.finditer(repaired))
    if len(found) != 1 or meeting_date is None or _SINGLE.search(repaired):
        return None
    match = found[0]
    day = _day_month(match.group(0), meeting_date)
    if day is None or (day - meeting_date).days > 92:
        return None
    return day.isoformat(), match.group(0)
