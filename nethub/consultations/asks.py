"""Reading what a comment asks for and which workplan priorities it names. Plain patterns of
how consultation comments phrase requests; used by the importer and the synthesis."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ASK = re.compile(
    r"\b(we (?:would )?(?:highly |strongly )?(?:recommend|suggest|encourage|call for|call on|urge|"
    r"ask|propose|request)|(?:would|highly) recommend|it is proposed|should (?:consider|include|"
    r"introduce|add)|(?:needs?|need) to be (?:considered|included|added)|we would (?:like|welcome)|"
    r"would deserve|roundly supports|we hope|must be)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def find_asks(text: str) -> list[str]:
    """The sentences of `text` that ask for something, in order."""
    asks = []
    for paragraph in (text or "").split("\n"):
        for sentence in _SENTENCE.split(paragraph):
            sentence = sentence.strip()
            if len(sentence) > 20 and _ASK.search(sentence):
                asks.append(sentence if len(sentence) <= 600 else sentence[:597] + "…")
    return asks


@dataclass(frozen=True)
class PriorityMention:
    number: str
    title: str
    status: str  # "new", "ongoing" or ""


_QUOTED = r"[“\"‘']([^”\"’']{3,160})[”\"’']"
_PRIORITY = re.compile(
    r"\b(?:(?P<status>new|ongoing)\s+)?(?:network\s+)?priority(?:\s+area|\s+number)?\s+"
    r"(?:no\.?\s*)?(?P<number>\d{1,2})\b"
    r"(?P<tail>\s*(?:(?:entitled|dedicated to|called|named|on|:)\s*)?" + _QUOTED + r")?"
    r"(?P<entitled>\s+entitled\s+(?P<plain>[A-Z][^.;]{3,120}))?"
    r"(?P<on>\s+on\s+(?P<about>[a-z][^.;,]{3,120}))?",
    re.IGNORECASE,
)


def priority_mentions(text: str) -> list[PriorityMention]:
    """Numbered priorities the text names, with the title where the text gives one (quoted,
    "entitled …" or "on …"). Titles never come from anywhere but the text."""
    mentions = []
    for match in _PRIORITY.finditer(text or ""):
        title = ""
        tail = match.group("tail")
        if tail:
            quoted = re.search(_QUOTED, tail)
            title = quoted.group(1) if quoted else ""
        elif match.group("plain"):
            title = match.group("plain")
        elif match.group("about"):
            title = match.group("about")
        title = re.sub(r"\s+", " ", title).strip(" .,:;")
        mentions.append(
            PriorityMention(
                number=match.group("number"),
                title=title,
                status=(match.group("status") or "").lower(),
            )
        )
    return mentions
