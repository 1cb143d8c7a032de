"""The agenda as announced and the headings of agenda items (numbered, emphasised, matching
the agenda, "Any other business").
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from nethub.meetings.extract import actions
from nethub.meetings.extract.blocks import Block

AOB = re.compile(r"^(?:any\s+other\s+business|other\s+matters|a\.?o\.?b\.?|miscellaneous)\b", re.I)
AGENDA_INTRO = re.compile(r"\bagenda\b", re.I)
_NUMBERED_HEADING = re.compile(
    r"^(?:(?:agenda\s+)?item\s+\d+\s*[:.)–-]?\s*|\d{1,2}[.)]\s+|[IVX]{1,4}\.\s+)", re.I
)


def agenda_list(body: list[Block]) -> tuple[list[str], set[int]]:
    """ "The agenda ... included the following:" and the list under it (or the items named in
    that one sentence)."""
    for index, block in enumerate(body[:15]):
        if block.bullet or not AGENDA_INTRO.search(block.text) or len(block.text) > 400:
            continue
        if block.text.rstrip().endswith(":") or re.fullmatch(
            r"(?:draft\s+)?agenda\s*:?", block.text, re.I
        ):
            items, cursor = [], index + 1
            while cursor < len(body) and (
                body[cursor].bullet or _NUMBERED_HEADING.match(body[cursor].text)
            ):
                item = re.sub(r"[;,.]?\s*(?:and|,)?,?$", "", clean_heading(body[cursor].text))
                if any(_key(item) == _key(seen) for seen in items):
                    break  # the first item again: the agenda is over, its first item begins
                items.append(item)
                cursor += 1
            if items:
                return items, set(range(index, cursor))
        if re.search(
            r"\b(agenda (?:of|for) the\b.*\b(?:included|consisted|covered))", block.text, re.I
        ):
            return [], {index}
    return [], set()


def is_heading(block: Block, agenda: list[str], following: Block | None) -> bool:
    text = block.text
    if block.bullet and not _matches_agenda(text, agenda):
        # "1. Opening remarks" followed by its discussion: a numbered heading, not a list item.
        return bool(
            re.fullmatch(r"\(?(?:\d{1,2}|[IVX]{1,4})[.)]", block.marker)
            and len(text.split()) <= 15
            and text[-1:] not in ".;,:!?"
            and following is not None
            and not following.bullet
            and not AGENDA_INTRO.match(text)
        )
    if actions.action_heading(text) is not None or actions.DECISION_HEADING.match(text):
        return False
    if _matches_agenda(text, agenda) or AOB.match(text):
        return True
    if block.md_heading or (block.emphasised and len(text.split()) <= 30):
        return True
    if following is None or len(text.split()) > 35 or text[-1:] in ".;,:!?":
        return False
    return text[:1].isupper() or text[:1] in "“\"'‘" or text[:1].isdigit()


def _matches_agenda(text: str, agenda: list[str]) -> bool:
    key = _key(text)
    if len(key) > 400:
        return False  # a paragraph, not a heading
    for item in agenda:
        other = _key(item)
        if (
            key
            and other
            and (
                0.5 <= len(key) / len(other) <= 2
                and SequenceMatcher(None, key, other).ratio() >= 0.75
                or (len(key) > 12 and (key in other or other in key))
            )
        ):
            return True
    return False


def _key(text: str) -> str:
    text = _NUMBERED_HEADING.sub("", text)
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def clean_heading(text: str) -> str:
    return _NUMBERED_HEADING.sub("", text).strip(" :.–-")
