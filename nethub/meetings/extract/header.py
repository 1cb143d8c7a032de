"""Rules for the header of a summary: title, series, date, times and their time zones, venue.

Time zones: "NY time", "New York", "EST/EDT" -> America/New_York; "GVA time", "Geneva", "CET/CEST"
-> Europe/Zurich (Geneva keeps Zurich's clock). A time written without a zone has no zone
(DEFAULT_TIMEZONE is empty): a meeting's time zone is what the document says, never a guess.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

import dateparser

DEFAULT_TIMEZONE = ""

ZONES = [
    (r"N\.?\s?Y\.?|New\s+York|EST|EDT|ET|Eastern", "America/New_York"),
    (r"GVA|Geneva|Gen[eè]ve|CET|CEST|Central European", "Europe/Zurich"),
    (r"Bangkok|ICT", "Asia/Bangkok"),
    (r"Nairobi|EAT", "Africa/Nairobi"),
    (r"UTC|GMT", "UTC"),
]

# The network writes in English, French and Spanish: minutes in any of them name their months.
MONTHS_FR_ES = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|"
    r"noviembre|diciembre"
)
# Its members' minutes in Catalan, Galician and Portuguese name theirs too ("6 de febreiro de
# 2009", "17 de maig de 2008").
MONTHS_CA_GL_PT = (
    r"gener|febrer|mar[çc]|maig|juny|juliol|agost|setembre|desembre|xaneiro|febreiro|maio|"
    r"xu[ñn]o|xullo|outubro|novembro|decembro|janeiro|fevereiro|mar[çc]o|junho|julho|dezembro"
)
MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    rf"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|{MONTHS_FR_ES}|{MONTHS_CA_GL_PT}"
)
DATE_PATTERN = re.compile(
    rf"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    # "14 March 2023", "1er mars 2023", "5 de mayo de 2022".
    rf"(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:of\s+|de\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{{4}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}"  # "10.03.2023", "10/03/2023": day first (UN usage)
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.I,
)
_TIME = r"(\d{1,2})(?:[.:h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
TIME_RANGE = re.compile(
    # Not inside a number: "12 February 2025 – 16:00 to 17:15" is no range "25 – 16:00".
    rf"(?<![\d.:]){_TIME}\s*(?:h|hrs|hours)?\s*(?:–|—|-|to|until)\s*{_TIME}\s*(?:h|hrs|hours)?\b"
    r"(?:\s*\(?\s*(?P<zone>[A-Za-zè. ]{2,25}?)\s*(?:time)?\s*\)?(?=$|[/,;)]|\s+[/(]|\s*$))?",
    re.I,
)
SERIES = [
    (r"\bPrincipals\b", "Executive Committee Principals Meeting"),
    (r"\bannual meeting\b", "Network Annual Meeting"),
    (r"\bworking group\b", "Working Group Meeting"),
    (r"\bExecutive Committee\b|\bEC\b", "Executive Committee Meeting"),
]


@dataclass
class Header:
    title: str = ""
    series: str = ""
    date: datetime.date | None = None
    times: list[tuple[str, str, str]] = field(default_factory=list)  # (start, end, zone)
    is_virtual: bool = False
    venue: str = ""


def parse_date(text: str) -> datetime.date | None:
    """The first full date written in `text` ("Monday, 29 January 2024", "May 5, 2021")."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    written = re.sub(r"(?<=\d)(?:st|nd|rd|th|er)?\s+(?:of|de)\s+", " ", match.group(0))
    written = re.sub(r"(?<=\d)er\b", "", written)
    written = re.sub(r"\s+(?:de|del)\s+(?=\d{4})", " ", written)
    parsed = dateparser.parse(
        written,
        languages=["en", "fr", "es", "ca", "gl", "pt"],
        settings={"STRICT_PARSING": True, "DATE_ORDER": "DMY"},
    )
    return parsed.date() if parsed else None


def zone_of(label: str | None) -> str | None:
    if not label:
        return None
    for pattern, zone in ZONES:
        if re.search(rf"\b(?:{pattern})\b", label, re.I):
            return zone
    return None


def _clock(hour: str, minute: str | None, meridiem: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    meridiem = (meridiem or "").replace(".", "").lower()
    if meridiem == "pm" and h < 12:
        h += 12
    if meridiem == "am" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= m <= 59):
        return None
    return f"{h:02d}:{m:02d}"


def parse_times(text: str) -> list[tuple[str, str, str]]:
    """Each time range in `text` with its zone: "09.00 – 10.30 (NY time)/15.00 – 16.30 (GVA
    time)" gives two; a range without a zone gets DEFAULT_TIMEZONE."""
    found = []
    for match in TIME_RANGE.finditer(text):
        start = _clock(match.group(1), match.group(2), match.group(3) or match.group(6))
        end = _clock(match.group(4), match.group(5), match.group(6))
        if (
            not start
            or not end
            or (
                match.group(2) is None
                and match.group(5) is None
                and not (match.group(3) or match.group(6))
            )
        ):
            continue  # "2022-2024" or "5-6" are not times
        zone = zone_of(match.group("zone")) or zone_of(text[match.end() : match.end() + 20])
        found.append((start, end, zone or DEFAULT_TIMEZONE))
    return found


def parse_header(lines: list[str]) -> Header:
    """Read the lines before the participants list."""
    header = Header()
    joined = " \n".join(lines)
    header.date = parse_date(joined)
    header.times = parse_times(joined)
    header.is_virtual = bool(
        re.search(r"\bvirtual\b|\bonline\b|\bvideo ?conference\b", joined, re.I)
    )
    venue = re.search(r"(?:venue|location|place)\s*:\s*(.+)", joined, re.I)
    if venue:
        header.venue = venue.group(1).strip()
    for pattern, series in SERIES:  # the most specific series named anywhere in the header
        if any(re.search(pattern, line, re.I) for line in lines):
            header.series = series
            break
    scored = [(_title_score(line), -index, line) for index, line in enumerate(lines)]
    if scored:
        header.title = clean_title(max(scored)[2])
    return header


def _title_score(line: str) -> int:
    """The title names the body and says "meeting"; a page title saying "summary" is second."""
    score = 2 * bool(
        re.search(
            r"Executive Committee|Principals|Working Group|Annual Meeting|"
            r"Network",
            line,
            re.I,
        )
    )
    score += bool(re.search(r"\bmeeting\b", line, re.I))
    score -= bool(re.search(r"\bsummary\b|\bminutes\b", line, re.I))
    return score - (len(line) > 200)


def clean_title(line: str) -> str:
    """The title without the date, times and "(virtual)" that often share its line."""
    cut = DATE_PATTERN.search(line)
    title = line[: cut.start()] if cut else line
    title = TIME_RANGE.sub("", title)
    title = re.sub(r"\(\s*virtual\s*\)\s*$", "", title.strip(), flags=re.I)
    return title.strip(" ,;–-")
