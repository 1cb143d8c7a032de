"""Finds the figures a document states: "48 country-level Networks", "USD 30 million",
"10% funded", "four out of five regional reviews". Each candidate keeps what is counted (a
label and a series slug), its value, unit, the sentence it comes from, character offsets of
the figure in the text, and the rule that found it.

Rules, in order: money (`money`), percentages (`percent`), "N out of M" (`out_of`), and
counts: a number (digits or words) followed by what it counts (`count`). Numbers that are
identifiers, dates, years or times are not figures and are skipped (see `_is_identifier`).
The secretariat confirms candidates before they feed any chart.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.text import slugify

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
SCALE = {"million": 1_000_000, "m": 1_000_000, "mn": 1_000_000, "billion": 1_000_000_000,
         "bn": 1_000_000_000, "b": 1_000_000_000, "thousand": 1_000, "k": 1_000}  # fmt: skip
CURRENCY = r"(?:USD|US\$|US\s?dollars|\$|EUR|€|CHF|GBP|£)"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

_MONEY_BEFORE = re.compile(
    rf"(?P<cur>{CURRENCY})\s?(?P<num>{NUM})"
    r"(?:\s?(?P<scale>million|billion|thousand|mn|bn|m|b|k)\b)?",
    re.I,
)
_MONEY_AFTER = re.compile(
    rf"\b(?P<num>{NUM})\s?(?P<scale>million|billion|thousand)?\s?"
    r"(?P<cur>US dollars|dollars|USD|euros?|EUR|CHF)\b",
    re.I,
)
_PERCENT = re.compile(rf"\b(?P<num>{NUM})\s?(?P<unit>%|per\s?cent\b|percent\b)", re.I)
_WORD_NUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_OUT_OF = re.compile(
    rf"\b(?P<num>\d+|{_WORD_NUM})\s+(?:out\s+)?of\s+(?:the\s+)?(?P<total>\d+|{_WORD_NUM})\s+(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){{0,3}})",
    re.I,
)
_COUNT = re.compile(
    rf"(?<![\w/.\-])(?P<num>{NUM}|{_WORD_NUM})(?![\w/%\-]|\.\d|,\d)"
    r"(?:\s+(?P<scale>million|billion))?"
    r"(?=(?:\s+\([^()]{1,30}\))?"  # "50 (and counting) country networks"
    r"(?:\s+(?:more|new|additional|other|such|of\s+the|of\s+its|of\s+their))?"
    r"\s+(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){0,4}))",
    re.I,
)
# "the total number of country Networks to 50", "the number of members is 12"
_TOTAL = re.compile(
    r"\b(?:total\s+)?number\s+of\s+(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){0,3}?)"
    rf"\s+(?:to|is|was|stands\s+at|reached|of|at)\s+(?P<num>{NUM})\b",
    re.I,
)
# "between 75,000 and 120,000 migrant disappearances": the first end counts what the second does
_RANGE = re.compile(
    rf"(?P<num>{NUM})\s+(?:and|to|–|-)\s+(?P<num2>{NUM})(?:\s+(?P<scale>million|billion))?\s+"
    r"(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){0,4})",
    re.I,
)
_DURATION = {"years", "year", "months", "month", "weeks", "week", "days", "day", "decades",
             "decade", "hours", "hour", "minutes"}  # fmt: skip
# Words that never start what a number counts: the number is then a date, a list, a time...
_NOT_COUNTED = {
    "and", "or", "to", "of", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an",
    "is", "are", "was", "were", "will", "be", "has", "have", "had", "that", "which", "as",
    "am", "pm", "hours", "hour", "minutes", "minute", "years", "year", "months", "month",
    "weeks", "week", "days", "day", "times", "time", "pages", "page", "percent", "per",
    "per cent", "million", "billion", "thousand", "p", "pp", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "edition", "editions", "st", "nd", "rd", "th", "this", "these", "those", "it", "its",
    "out", "than", "including", "also", "not", "but", "so", "if", "i", "ii", "iii", "all",
    "decades", "decade", "o'clock", "gmt", "utc", "cet", "est", "edt", "s",
}  # fmt: skip
# What a number labels rather than counts: "Objective 23", "SDG 10", "resolution 73/195".
_IDENTIFIER_BEFORE = re.compile(
    r"(?:objectives?|sdgs?|goals?|targets?|resolutions?|paragraphs?|para|articles?|sections?|"
    r"chapters?|annex|pages?|p\.|no\.|nos?\.|numbers?|rounds?|phases?|covid|a/res|a/|version|"
    r"principles?|recommendations?|tables?|figures?|box|items?|agenda|level|grade|step|"
    r"priorit(?:y|ies)|workstreams?|group|session|edition|sdg\s?target|indicator|cop|obj\.?|pd)"
    r"\s*[-–#:]?\s*$"
    # the second of a list of identifiers: "Objectives 19 and 20", "SDG 1, 2, 3"
    r"|(?:objectives?|sdgs?|goals?|paragraphs?|para|obj\.?|pd)\s+\d+(?:\s*(?:,|and|&)\s*\d+)*"
    r"\s*(?:,|and|&)\s*$"
    r"|covid[-\s]*$",
    re.I,
)
_STOP_WHAT = re.compile(
    r"\b(?:and|or|to|of|in|on|at|by|for|from|with|that|which|who|were|was|are|is|have|has|had|"
    r"will|would|could|should|be|been|being|as|than|since|across|under|within|into|through|"
    r"this|these|the|their|its|his|her|our|per|while|where|when|including|during|between|"
    r"among|over|out|about|each|both|but|not|so|all|yet|such|more|also|already|currently|"
    r"still|now|only|just|up|down|together|participated|signed|joined|took|led|received)\b",
    re.I,
)
# A canonical series for the things the network counts most; others get their own slug.
_COUNTRY_NETWORKS = (
    r"country[- ]level networks?|country networks?|networks? (?:have been )?integrated"
)
SERIES = [
    (re.compile(r"champion", re.I), "champion-countries", "Champion countries"),
    (re.compile(_COUNTRY_NETWORKS, re.I), "country-networks", "Country-level networks"),
    (
        re.compile(r"regional (?:networks?|migration coordination)", re.I),
        "regional-networks",
        "Regional networks",
    ),
    (re.compile(r"joint programmes?", re.I), "joint-programmes", "Joint programmes"),
    (re.compile(r"regional reviews?", re.I), "regional-reviews", "Regional reviews held"),
    (
        re.compile(r"voluntary (?:gcm )?(?:national )?(?:reviews?|reports?)", re.I),
        "voluntary-reviews",
        "Voluntary GCM reviews",
    ),
]


@dataclass
class FoundFact:
    series: str
    label: str
    value: float
    unit: str
    date: datetime.date
    sentence: str
    start: int  # offsets of the figure (number and unit) in the text
    end: int
    rule: str


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at . ! ? ; : followed by a space and a capital or a digit, at
    line breaks before list bullets, and at blank lines before a capital. (Text taken from
    PDFs has blank lines in the middle of sentences: "each of the four \n\nroundtables".)"""
    spans = []
    start = 0
    boundary = (
        r"(?<=[.!?;:])[\"”’)]?\s+(?=[A-Z0-9•\-–*\"“(])"
        r"|\n\s*\n(?=\s*[A-Z•\-–*#])"
        r"|\n\s*(?=[•\-–*]\s)"
    )
    for match in re.finditer(boundary, text):
        end = match.start()
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _is_identifier(text: str, start: int, end: int, value: float, raw: str) -> bool:
    before = text[max(0, start - 30) : start]
    after = text[end : end + 20]
    if _IDENTIFIER_BEFORE.search(before):
        return True
    if re.search(rf"\b(?:{MONTHS})\.?\s*$", before, re.I) or re.match(
        rf"\s*(?:{MONTHS})\b", after, re.I
    ):
        return True  # a day of a date: "5 May", "May 5"
    if re.match(r"[:h]\d", after) or re.match(r"\s*(?:am|pm|a\.m\.|p\.m\.)\b", after, re.I):
        return True  # a time
    if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2100:
        return True  # a year
    if re.search(r"[\[(]$", before) and re.match(r"[\])]", after) and value < 100:
        return True  # a footnote or a list mark: "[1]", "(2)"
    # a range or a code: "2022-2024", "73/195"
    return bool(re.match(r"\s*[-–]\s*\d", after) or re.search(r"\d\s*[-–/]\s*$", before))


def _what(raw: str) -> str:
    words = []
    for word in raw.split():
        clean = word.strip(".,;:()[]\"“”'’")
        if not clean or _STOP_WHAT.fullmatch(clean):
            break
        if words and len(clean) > 4 and clean.lower().endswith("ed"):
            break  # a verb after what is counted: "35 countries attended"
        words.append(clean)
        if word != clean and word[-1] in ".,;:)":
            break
    return " ".join(words)


def _series_for(what: str, sentence: str, after: str = "") -> tuple[str, str]:
    """The series of what is counted; `after` (the words following the number) may name it
    better than the noun alone ("31 Networks have been integrated into UN country teams")."""
    for pattern, slug, label in SERIES:
        if pattern.search(what) or (after and pattern.match(after.strip())):
            return slug, label
    if re.match(r"countr", what, re.I) and re.search(r"champion", sentence, re.I):
        return "champion-countries", "Champion countries"
    label = what[:1].upper() + what[1:]
    return slugify(what)[:80] or "figures", label


class _Sentence:
    """The figures of one sentence; a span taken by one rule is not taken again."""

    def __init__(self, text: str, start: int, end: int, date: datetime.date):
        self.text = text[start:end]
        self.offset = start
        self.date = date
        self.taken: list[tuple[int, int]] = []
        self.found: list[FoundFact] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.taken)

    def add(self, start, end, value, unit, series, label, rule) -> None:
        self.taken.append((start, end))
        self.found.append(
            FoundFact(
                series=series,
                label=label,
                value=value,
                unit=unit,
                date=self.date,
                sentence=" ".join(self.text.split()),
                start=self.offset + start,
                end=self.offset + end,
                rule=rule,
            )
        )


def _currency(raw: str) -> str:
    raw = raw.upper().replace(" ", "")
    if raw in ("EUR", "€", "EUROS", "EURO"):
        return "EUR"
    return {"CHF": "CHF", "GBP": "GBP", "£": "GBP"}.get(raw, "USD")


def _money(s: _Sentence) -> None:
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for m in pattern.finditer(s.text):
            value = _number(m.group("num"))
            if value is None or not s.free(m.start(), m.end()):
                continue
            value *= SCALE.get((m.group("scale") or "").lower(), 1)
            context = s.text[max(0, m.start() - 60) : m.end() + 60].lower()
            if "target" in context:
                series, label = "funding-target", "Funding target"
            elif re.search(r"contribut|commit|mobili[sz]|received|pledged|raised|donat", context):
                series, label = "contributions", "Contributions"
            else:
                series, label = "funding", "Funding"
            s.add(m.start(), m.end(), value, _currency(m.group("cur")), series, label, "money")


def _percent(s: _Sentence) -> None:
    for m in _PERCENT.finditer(s.text):
        value = _number(m.group("num"))
        if value is None or not s.free(m.start(), m.end()):
            continue
        what = _what(s.text[m.end() : m.end() + 60])
        if what:
            series, label = _series_for(what, s.text)
        elif re.match(r"\s*funded", s.text[m.end() :], re.I):
            series, label = "funded-share", "Share funded"
        else:
            series, label = "percent", "Percentage"
        s.add(m.start(), m.end(), value, "%", series, label, "percent")


_OF_WHICH = re.compile(
    r"(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){0,2})(?:\s+of\s+the\s+\w+)?,?\s+"
    r"of\s+which\s*$",
    re.I,
)


def _out_of(s: _Sentence) -> None:
    for m in _OUT_OF.finditer(s.text):
        value = _number(m.group("num"))
        if value is None or not s.free(m.start("num"), m.end("num")):
            continue
        what = _what(m.group("what"))
        if not what or what.split()[0].lower() in _NOT_COUNTED:
            # "the regional reviews of the GCM, of which four out of five have been held"
            before = _OF_WHICH.search(s.text[max(0, m.start() - 80) : m.start()])
            what = before.group("what") if before else ""
            what = _what(re.sub(r"^.*?\b(?:the|its|their)\s+", "", what, flags=re.I))
        if not what or what.split()[0].lower() in _NOT_COUNTED:
            continue
        series, label = _series_for(what, s.text)
        s.add(m.start("num"), m.end("num"), value, "", series, label, "out_of")


def _counted(what: str) -> bool:
    """Whether `what` names things counted (not a date, a duration, a list letter...)."""
    if not what or what[0].isdigit() or what.split()[0].lower() in _NOT_COUNTED:
        return False
    if len(what) == 1:
        return False  # "9 d)": a list letter
    # "three difficult years", "four weeks": a duration (a later "Year" in a title is not)
    return not any(word.lower() in _DURATION for word in what.split()[:2])


def _total(s: _Sentence) -> None:
    for m in _TOTAL.finditer(s.text):
        value = _number(m.group("num"))
        if value is None or not s.free(m.start("num"), m.end("num")):
            continue
        what = _what(m.group("what"))
        if not _counted(what):
            continue
        series, label = _series_for(what, s.text, m.group("what"))
        s.add(m.start("num"), m.end("num"), value, "", series, label, "total")


def _range(s: _Sentence) -> None:
    for m in _RANGE.finditer(s.text):
        what = _what(m.group("what"))
        if not _counted(what):
            continue
        scale = SCALE.get((m.group("scale") or "").lower(), 1)
        series, label = _series_for(what, s.text, m.group("what"))
        for key in ("num", "num2"):
            value = _number(m.group(key))
            if value is None or not s.free(m.start(key), m.end(key)):
                continue
            if _is_identifier(s.text, m.start(key), m.end(key), value, m.group(key)):
                continue
            s.add(m.start(key), m.end(key), value * scale, "", series, label, "range")


def _count(s: _Sentence) -> None:
    for m in _COUNT.finditer(s.text):
        raw = m.group("num")
        value = _number(raw)
        end = m.end("scale") if m.group("scale") else m.end("num")
        if value is None or not s.free(m.start("num"), end):
            continue
        if _is_identifier(s.text, m.start("num"), m.end("num"), value, raw):
            continue
        what = _what(m.group("what"))
        if not _counted(what):
            continue
        value *= SCALE.get((m.group("scale") or "").lower(), 1)
        after = s.text[m.start("what") : m.start("what") + 60]
        series, label = _series_for(what, s.text, after)
        s.add(m.start("num"), end, value, "", series, label, "count")


_FRACTION_WORDS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                   "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
_FRACTION = re.compile(
    r"\b(?P<num>one|two|three|four)\s+(?P<den>half|thirds?|quarters?|fifths?|tenths?)\b"
    rf"|\b(?P<num2>one|two|three|four|\d+)\s+in\s+(?P<den2>{_WORD_NUM}|\d+)\b",
    re.I,
)
# "1,253 were unaccompanied migrant children", "895 were identified as victims of trafficking"
_SUBJECT = re.compile(
    r"(?<![\w.,/])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:were|are|was|is)\s+"
    r"(?:(?:identified|recorded|reported|registered|counted)\s+as\s+)?"
    r"(?P<what>[A-Za-z][\w\-’']*(?:\s+[A-Za-z][\w\-’']*){0,4})",
)
# "followed by Greece (6,153) and Austria (4,812)": counts of what the sentence counts
_PAREN = re.compile(r"\((?P<num>\d{1,3}(?:,\d{3})+|\d{2,})\)")


def _fraction(s: _Sentence) -> None:
    for m in _FRACTION.finditer(s.text):
        raw_num = (m.group("num") or m.group("num2") or "").lower()
        num = 1.0 if raw_num == "one" else _number(raw_num)
        den_raw = (m.group("den") or m.group("den2") or "").lower()
        den = _FRACTION_WORDS.get(den_raw) or _number(den_raw)
        if not num or not den or num >= den or not s.free(m.start(), m.end()):
            continue
        s.add(m.start(), m.end(), round(num / den * 100, 2), "%", "share", "Share", "fraction")


def _subject(s: _Sentence) -> None:
    for m in _SUBJECT.finditer(s.text):
        value = _number(m.group("num"))
        if value is None or not s.free(m.start("num"), m.end("num")):
            continue
        if _is_identifier(s.text, m.start("num"), m.end("num"), value, m.group("num")):
            continue
        what = _what(m.group("what"))
        if not _counted(what):
            continue
        series, label = _series_for(what, s.text, m.group("what"))
        s.add(m.start("num"), m.end("num"), value, "", series, label, "subject")


def _paren(s: _Sentence) -> None:
    counts = [f for f in s.found if f.rule in ("count", "subject") and f.unit == ""]
    if not counts:
        return
    for m in _PAREN.finditer(s.text):
        raw = m.group("num")
        value = _number(raw)
        if value is None or not s.free(m.start("num"), m.end("num")):
            continue
        if _is_identifier(s.text, m.start("num"), m.end("num"), value, raw):
            continue
        before = [f for f in counts if f.start - s.offset < m.start()]
        if not before:
            continue
        last = before[-1]
        s.add(m.start("num"), m.end("num"), value, "", last.series, last.label, "paren")


RULES = (_money, _percent, _fraction, _out_of, _total, _range, _subject, _count, _paren)


def extract_facts(text: str, *, date: datetime.date) -> list[FoundFact]:
    """Candidate figures in `text`, dated `date` (the document's date), in text order."""
    found: list[FoundFact] = []
    for start, end in sentences(text):
        sentence = _Sentence(text, start, end, date)
        for rule in RULES:
            rule(sentence)
        found.extend(sentence.found)
    found.sort(key=lambda fact: fact.start)
    return found
