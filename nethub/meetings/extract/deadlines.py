"""Rule: a deadline written in a sentence, resolved to a date against the meeting's date.

"by 1 May" at a meeting on 29 January 2024 is 1 May 2024; "in December" is the end of December;
"by end of Q2" is 30 June; a month or day already past at the meeting means the next year's.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

import dateparser

from nethub.meetings.extract.header import MONTHS

_DAY_MONTH = (
    r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"  # "by Friday 17 March"
    # "au plus tard vendredi 29 novembre", "antes del viernes 15 de mayo".
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo),?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{MONTHS})|(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"(?:,?\s+\d{4})?"
)
_MONTH = (
    rf"(?:(?:early|mid|late|end|the end of|end of|fin(?:\s+d['’]|\s+de)?|finales\s+de)[- ]?)?"
    rf"(?:{MONTHS})(?:\s+\d{{4}})?"
)
_QUARTER = (
    r"(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?(?:Q[1-4]|(?:first|second|third|fourth)\s+quarter)"
    r"(?:\s+(?:of\s+)?\d{4})?"
)
_YEAR_END = r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|\d{4})|year[- ]end|end-\d{4}"
# "H1 2024", "the first half of 2024": a half year, ending 30 June or 31 December.
_HALF = r"H[12](?:\s+\d{4})?|(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:the\s+year|\d{4})"
_NUMERIC = r"\d{1,2}[./]\d{1,2}[./]\d{4}"  # "31/03/2024": day first, as the UN writes it
# "by 3/27", "6/6/19": a day and month with no year or a two-digit one, read only when one of
# the two numbers can only be a day (or both are the same).
_SHORT_NUMERIC = r"\d{1,2}/\d{1,2}(?:/\d{2})?"
_TARGET = (
    rf"(?P<target>{_DAY_MONTH}|{_QUARTER}|{_HALF}|{_YEAR_END}|{_MONTH}|{_NUMERIC}|{_SHORT_NUMERIC}|"
    r"\d{4}-\d{2}-\d{2})"
)
DEADLINE = re.compile(
    rf"\b(?P<lead>by|before|no later than|not later than|NLT|until|in|during|due|at the end of|"
    rf"by the end of|by end of|by end|ahead of|prior to|deadline|timeline|timeframe|due date|"
    # French and Spanish: "d'ici le 21 mars", "avant fin avril", "antes del 15 de mayo".
    rf"d['’]ici(?:\s+(?:le|au|à\s+la))?|avant(?:\s+(?:le|la))?|au\s+plus\s+tard(?:\s+le)?|"
    rf"pour\s+le|antes\s+del?|a\s+m[áa]s\s+tardar(?:\s+el)?|para\s+el|hasta\s+el|"
    # "Echéance : 13 décembre", "fecha límite: 15 de mayo", "envoyer le compte rendu fin
    # novembre" (the end of the month).
    rf"[ée]ch[ée]ance|fecha\s+l[íi]mite|plazo|(?:en\s+)?fin(?:\s+d['’]|\s+de)?)"
    rf"\s*:?\s+(?:(?:COB|c\.o\.b\.|close of business|EOD|(?:the\s+)?end\s+of\s+(?:the\s+)?day)\s+"
    rf"(?:on\s+)?)?(?:the\s+)?"
    rf"(?:end[- ]of[- ]|end-)?{_TARGET}(?![\w-])",
    re.I,
)
# Leads that only count as deadlines with a month or a day ("in 2024" is not a deadline).
_SOFT_LEADS = {"in", "during", "on"}
_QUARTER_END = {"1": (3, 31), "2": (6, 30), "3": (9, 30), "4": (12, 31)}
_ORDINAL = {"first": "1", "second": "2", "third": "3", "fourth": "4"}


@dataclass(frozen=True)
class Deadline:
    text: str
    date: datetime.date | None


_REASON = re.compile(r"\s(?:since|because)\s+(?:the\s+)?[A-Z][\w-]*\s+(?:\w+ed|has|had|is|was)\b")


def find_deadline(sentence: str, meeting_date: datetime.date | None) -> Deadline | None:
    """The first deadline expression in `sentence`, with its date (None if unresolvable)."""
    # Rule: "WFP update on the corridor since GoS promised a decision by 28 May": a deadline in
    # a clause of reason belongs to its own subject, not to the task.
    reason = _REASON.search(sentence)
    if reason:
        sentence = sentence[: reason.start()]
    for match in DEADLINE.finditer(sentence):
        lead = match.group("lead").lower().strip()
        target = match.group("target")
        if lead in _SOFT_LEADS and not re.search(rf"{MONTHS}|Q[1-4]|quarter|end", target, re.I):
            continue
        if lead == "on" and not re.search(r"\d", target):
            continue
        if lead == "at the end of" and not re.search(r"\d|Q[1-4]|quarter|year", target, re.I):
            continue  # "at the end of May": see VAGUE
        whole = match.group(0)
        return Deadline(whole, resolve(whole, meeting_date))
    next_meeting = NEXT_MEETING.search(sentence)
    if next_meeting:
        return Deadline(next_meeting.group(0), None)  # a deadline, but no date to give it
    return _relative(sentence, meeting_date) or _vague(sentence)


# "before the summer", "in the coming weeks": a deadline with no date ("in the autumn" dates an
# event, "as soon as possible" sets no deadline). Rule: "will be submitted at the end of May"
# says when, and a month alone fixes no day ("by the end of May" stays a dated deadline).
VAGUE = re.compile(
    r"\b(?:(?:before|by|until)\s+(?:the\s+)?(?:summer|autumn|fall|winter|spring)"
    r"(?:\s+(?:break|recess))?|in\s+the\s+(?:coming|next\s+few)\s+(?:days|weeks|months)"
    rf"|at\s+the\s+end\s+of\s+(?:{MONTHS})(?!\s*\d))\b",
    re.I,
)


def _vague(sentence: str) -> Deadline | None:
    match = VAGUE.search(sentence)
    return Deadline(match.group(0), None) if match else None


NEXT_MEETING = re.compile(
    r"\b(?:at|by|before|for|to|ahead of|prior to|in time for)\s+(?:the\s+)?next\s+"
    r"(?:EC\s+|Principals[’']?\s+|"
    r"Executive Committee\s+|regular\s+)?(?:meeting|working\s+group(?:\s+meeting)?|call)\b",
    re.I,
)


_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "twelve": 12,
    "a": 1,
}
RELATIVE = re.compile(
    r"\b(?:(?:within|in)\s+(?:the\s+next\s+)?(?P<count>\d+|one|two|three|four|five|six|eight|ten|"
    r"twelve|a)\s+(?P<unit>day|week|month)s?"
    # "within two weeks of a meeting": a standing practice, no deadline of this meeting's.
    r"(?!\s+(?:of|after)\s+(?:a|each|every|any)\s)"
    # "by the end of the month", and "end of the month" alone at the end of a task.
    r"|(?:(?:by|before)\s+)?(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+)?(?P<end>week|month|quarter)"
    r"|(?:(?:by|before|during|in|within)\s+)?(?:the\s+)?(?:end\s+of\s+)?next\s+(?P<next>week|month)"
    # "will contact the county tomorrow", "will go through early on Wed", "by Friday": the day
    # after the meeting, or the first such weekday after it.
    r"|(?P<tomorrow>tomorrow)"
    # "COB Friday", "EOD on Tuesday": close of business on the first such day.
    r"|(?:on|by|before|until|(?:COB|c\.o\.b\.?|EOD|close\s+of\s+business)(?:\s+on)?)\s+"
    r"(?:next\s+)?(?P<weekday>mon|tue|wed|thu|fri|sat|sun)"
    r"(?:day|s|sday|nesday|rsday|urday)?(?![\w/-]|\s*,?\s*\d))\b",
    re.I,
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


# French and Spanish words for the same spans, read as the English they mean ("la semaine
# prochaine" is "next week"); the deadline keeps the words as written.
_RELATIVE_FR_ES = [
    (re.compile(r"\bla\s+semaine\s+prochaine\b|\bla\s+pr[óo]xima\s+semana\b", re.I), "next week"),
    (re.compile(r"\ble\s+mois\s+prochain\b|\bel\s+pr[óo]ximo\s+mes\b", re.I), "next month"),
    (re.compile(r"\bfin\s+de\s+(?:la\s+)?semaine\b", re.I), "end of the week"),
    (re.compile(r"\bfin\s+du\s+mois\b|\bfinales\s+de\s+mes\b", re.I), "end of the month"),
    (re.compile(r"\bdemain\b", re.I), "tomorrow"),
]


def _relative(sentence: str, meeting_date: datetime.date | None) -> Deadline | None:
    """ "within two weeks", "by the end of the month", "by next week", from the meeting date;
    the deadline keeps the words as written ("la semaine prochaine", not its English)."""
    found = _first_relative(sentence)
    if not found or meeting_date is None:
        return None
    written, match = found
    return Deadline(written, _relative_date(match, meeting_date))


def _first_relative(sentence: str) -> tuple[str, re.Match] | None:
    """The first relative deadline of `sentence`: its words as written, and the English
    pattern's match that reads them."""
    found = []
    english = RELATIVE.search(sentence)
    if english:
        found.append((english.start(), english.group(0), english))
    for words, reading in _RELATIVE_FR_ES:
        written = words.search(sentence)
        if written:
            found.append((written.start(), written.group(0), RELATIVE.search(reading)))
    if not found:
        return None
    _, written, match = min(found, key=lambda item: item[0])
    return written, match


def _relative_date(match: re.Match, base: datetime.date) -> datetime.date:
    if match.group("tomorrow"):
        return base + datetime.timedelta(days=1)
    if match.group("weekday"):
        ahead = (_WEEKDAYS.index(match.group("weekday").lower()) - base.weekday()) % 7 or 7
        return base + datetime.timedelta(days=ahead)
    if match.group("count"):
        count = _NUMBERS.get(match.group("count").lower()) or int(match.group("count"))
        unit = match.group("unit").lower()
        if unit == "month":
            month = base.month - 1 + count
            year, month = base.year + month // 12, month % 12 + 1
            return datetime.date(year, month, min(base.day, calendar.monthrange(year, month)[1]))
        return base + datetime.timedelta(days=count * (7 if unit == "week" else 1))
    period = (match.group("end") or match.group("next")).lower()
    if period == "week":
        friday = base + datetime.timedelta(days=(4 - base.weekday()) % 7)
        return friday + datetime.timedelta(days=7 if match.group("next") else 0)
    if period == "quarter":
        month = ((base.month - 1) // 3 + 1) * 3
        return datetime.date(base.year, month, calendar.monthrange(base.year, month)[1])
    year, month = base.year, base.month
    if match.group("next"):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def resolve(expression: str, meeting_date: datetime.date | None) -> datetime.date | None:
    """The date `expression` names, read relative to the meeting date."""
    base = meeting_date or datetime.date.today()
    text = expression.lower()
    text = re.sub(
        r"^(by|before|no later than|not later than|nlt|until|in|during|due|ahead of|"
        r"prior to|deadline[: ]+|on)\s+",
        "",
        text,
    ).strip()
    text = re.sub(
        r"^(?:(?:cob|c\.o\.b\.|close of business|eod|(?:the\s+)?end\s+of\s+(?:the\s+)?day)\s+"
        r"(?:on\s+)?)?(the\s+)?",
        "",
        text,
    )
    year = re.search(r"\b(\d{4})\b", text)
    short = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}))?", text)
    if short:
        return _short_numeric(*short.groups(), base)
    numeric = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", text)
    if numeric:
        day, month, number_year = (int(g) for g in numeric.groups())
        try:
            return datetime.date(number_year, month, day)
        except ValueError:
            return None
    half = re.search(r"\bh([12])\b|(first|second)\s+half", text)
    if half:
        month, day = (6, 30) if (half.group(1) or half.group(2)) in ("1", "first") else (12, 31)
        return _next(base, month, day, int(year.group(1)) if year else None)
    quarter = re.search(r"q([1-4])|(first|second|third|fourth)\s+quarter", text)
    if quarter:
        number = quarter.group(1) or _ORDINAL[quarter.group(2)]
        month, day = _QUARTER_END[number]
        return _next(base, month, day, int(year.group(1)) if year else None)
    if re.search(r"end of (the )?year|year[- ]end", text):
        return datetime.date(base.year, 12, 31)
    if re.fullmatch(r"(end of |by end of |end-)?\d{4}", text.replace("the ", "")):
        return datetime.date(int(year.group(1)), 12, 31)
    month_name = re.search(rf"\b({MONTHS})\b", text, re.I)
    if not month_name:
        parsed = dateparser.parse(text, languages=["en"])
        return parsed.date() if parsed else None
    month = _month_number(month_name.group(1))
    day_match = re.search(
        r"\b(\d{1,2})(?:st|nd|rd|th)?\b", text.replace(year.group(1), "") if year else text
    )
    if day_match:
        day = int(day_match.group(1))
    elif re.search(r"\b(early|beginning)\b", text):
        day = 1  # "early March": its first days
    elif re.search(r"\bmid\b", text):
        day = 15
    else:
        day = calendar.monthrange(int(year.group(1)) if year else base.year, month)[1]
    try:
        return _next(base, month, day, int(year.group(1)) if year else None)
    except ValueError:
        return None


def _short_numeric(first: str, second: str, year: str | None, base: datetime.date):
    """ "3/27" is 27 March (a day cannot be the month), "27/3" too; "3/4" could be either and
    gives no date. A missing year is the next such day from the meeting."""
    a, b = int(first), int(second)
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:
        return None
    try:
        return _next(base, month, day, 2000 + int(year) if year else None)
    except ValueError:
        return None


_MONTH_NUMBERS = (
    {
        name.lower(): number
        for number in range(1, 13)
        for name in (calendar.month_name[number], calendar.month_abbr[number])
    }
    | {"sept": 9}
    # French and Spanish, Catalan, Galician and Portuguese (`header.MONTHS_FR_ES`,
    # `header.MONTHS_CA_GL_PT`), with and without their accents.
    | {
        name: number
        for number, names in enumerate(
            [
                ("janvier", "enero", "gener", "xaneiro", "janeiro"),
                ("février", "fevrier", "febrero", "febrer", "febreiro", "fevereiro"),
                ("mars", "marzo", "març", "marc", "março", "marco"),
                ("avril", "abril"),
                ("mai", "mayo", "maig", "maio"),
                ("juin", "junio", "juny", "xuño", "xuno", "junho"),
                ("juillet", "julio", "juliol", "xullo", "julho"),
                ("août", "aout", "agosto", "agost"),
                ("septembre", "septiembre", "setiembre", "setembre", "setembro"),
                ("octobre", "octubre", "outubro"),
                ("novembre", "noviembre", "novembro"),
                ("décembre", "decembre", "diciembre", "desembre", "decembro", "dezembro"),
            ],
            start=1,
        )
        for name in names
    }
)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS.get(name.lower().rstrip("."), 1)


def _next(base: datetime.date, month: int, day: int, year: int | None) -> datetime.date:
    if year:
        return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))
    candidate = datetime.date(base.year, month, min(day, calendar.monthrange(base.year, month)[1]))
    if candidate < base:
        candidate = datetime.date(
            base.year + 1, month, min(day, calendar.monthrange(base.year + 1, month)[1])
        )
    return candidate
