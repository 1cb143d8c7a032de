"""One action point written twice (in the discussion and in a list, or in two lists): how
the two are recognised and which wording and deadline stay.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from nethub.meetings.extract import actions
from nethub.meetings.extract.names import BODIES
from nethub.meetings.extract.result import ExtractedActionPoint, ExtractedAgendaItem


def already_listed(point: ExtractedActionPoint, items: list[ExtractedAgendaItem]) -> bool:
    """A list at the end ("Summary of action points") repeats points listed under their items."""
    key = re.sub(r"\W+", " ", point.text.lower()).strip()
    return any(
        SequenceMatcher(None, key, re.sub(r"\W+", " ", other.text.lower()).strip()).ratio() >= 0.9
        for item in items
        for other in item.action_points
        if other.explicit
    )


_STOPWORDS = frozenset(
    re.findall(r"\w+", "the a an of to and or in on for by with be is are will should this that")
)


def same_point(found: ExtractedActionPoint, listed: ExtractedActionPoint) -> bool:
    """A sentence of the discussion repeats a listed action point when both give the same
    deadline (and no different owners) or share most of their words."""
    if (
        found.due_date
        and found.due_date == listed.due_date
        and (not found.owner or not listed.owner or found.owner == listed.owner)
    ):
        return True  # two owners with the same deadline are two points
    if _owners_differ(found, listed):
        return False  # "Jane will prepare a report for May", "Chairs will present a report in May"
    words = {w for w in re.findall(r"[a-z]+", found.text.lower()) if w not in _STOPWORDS}
    other = {w for w in re.findall(r"[a-z]+", listed.text.lower()) if w not in _STOPWORDS}
    return bool(words and other) and len(words & other) / min(len(words), len(other)) >= 0.6


def _owners_differ(one: ExtractedActionPoint, other: ExtractedActionPoint) -> bool:
    """Rule: two tasks given to owners who share no word are two points, however many words
    of the task they share."""
    if not (one.owner and other.owner):
        return False
    words = set(re.findall(r"\w+", one.owner.lower()))
    return not words & set(re.findall(r"\w+", other.owner.lower()))


def undated_twin(
    found: ExtractedActionPoint, points: list[ExtractedActionPoint]
) -> ExtractedActionPoint | None:
    """Rule: an owner-less sentence with a deadline ("The brief should be ready before the end
    of November") restates the one undated listed point of its agenda item that shares a word
    of its task ("UNICEF and ILO to prepare a joint brief ..."). What the meeting agreed ("It
    was agreed that a guidance note should be finalised by ...") stays a point of its own."""
    if found.owner or not found.due_date or found.explicit or actions.is_decision(found.text):
        return None
    words = _task_words(found)
    candidates = [p for p in points if p.explicit and not p.due_date and words & _task_words(p)]
    return candidates[0] if len(candidates) == 1 else None


def drop_restated(items: list[ExtractedAgendaItem]) -> None:
    """Rule: a sentence of the discussion that gives the same owner the same deadline as a point
    of a list elsewhere (a closing "Follow-up" table) is that point again: the list's wording
    stays."""
    listed = {
        (point.owner, point.due_date)
        for item in items
        for point in item.action_points
        if point.explicit and point.owner and point.due_date
    }
    for item in items:
        item.action_points = [
            point
            for point in item.action_points
            if point.explicit or (point.owner, point.due_date) not in listed
        ]
    _merge_restated(items)


def _merge_restated(items: list[ExtractedAgendaItem]) -> None:
    """Rule: one task written twice, in the discussion ("The Secretariat will draft the note
    within a month") and in a list ("Secretariat to draft the note (mid-July)"), is one action
    point: the list's wording stays, with the more specific of the two dates (a written day,
    then a month or part of one, then a delay counted from the meeting; the list's on a tie).
    Both must give the work to the same owner (or one names none) and share most of their
    words, leaving out the owner and the dates; a sentence naming no owner needs only the same
    deadline and one word of the task."""
    listed = [point for item in items for point in item.action_points if point.explicit]
    for item in items:
        kept = []
        for point in item.action_points:
            twin = None
            if not point.explicit:
                twin = next((other for other in listed if restates(point, other)), None)
            if twin is None:
                kept.append(point)
                continue
            if point.due_date and (
                twin.due_date is None
                or deadline_precision(point.deadline_text) > deadline_precision(twin.deadline_text)
            ):
                twin.due_date, twin.deadline_text = point.due_date, point.deadline_text
        item.action_points = kept


_DATE_WORDS = re.compile(
    r"\b(?:\d+\w*|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|"
    r"dec\w*|early|mid|late|end|within|week|weeks|month|months|next|by|before)\b",
    re.I,
)


def _task_words(point: ExtractedActionPoint) -> set[str]:
    text = _DATE_WORDS.sub(" ", point.text.lower())
    owner = set(re.findall(r"[a-z]+", (point.owner or "").lower()))
    return {
        w
        for w in re.findall(r"[a-z]+", text)
        if w not in _STOPWORDS and w not in owner and len(w) > 2
    }


def restates(found: ExtractedActionPoint, listed: ExtractedActionPoint) -> bool:
    words, other = _task_words(found), _task_words(listed)
    shared = len(words & other)
    if not found.owner and found.due_date and found.due_date == listed.due_date and shared:
        # Rule: an owner-less restatement ("It was agreed that the brief would be shared by
        # 15 January") of a listed point with the same deadline and a task word in common.
        return True
    if (
        found.due_date
        and found.due_date == listed.due_date
        and shared
        and listed.owner
        and _names_owner(found.text, listed.owner)
    ):
        # Rule: "UNEP and IOM will lead the drafting, with inputs from all EC members by 15
        # September": the sentence names a listed point's owner, its deadline and a word of
        # its task ("EC members to provide inputs ... by 15 September"): that point again.
        return True
    if found.owner and listed.owner and found.owner != listed.owner:
        return False
    needed = 0.6 if found.owner and listed.owner else 0.8
    return shared >= 2 and shared / min(len(words), len(other)) >= needed


def _names_owner(text: str, owner: str) -> bool:
    """Whether `text` names every part of a canonical owner ("Executive Committee" as "EC
    members", "UNEP, IOM" as both acronyms)."""
    for part in owner.split(", "):
        pattern = dict(BODIES).get(part)
        if pattern is not None:
            if not re.search(rf"\b(?:{pattern})\b", text, re.I):
                return False
        elif not re.search(rf"\b{re.escape(part)}\b", text):
            return False
    return True


def deadline_precision(deadline_text: str) -> int:
    """How exactly a deadline is written: 3 a day ("15 May", "31/10/2025"), 2 a month, quarter
    or part of one ("early June", "Q3"), 1 a delay from the meeting ("within a month"), 0 none."""
    text = deadline_text.lower()
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:day|week|month)s?\b)", text) and not (
        re.search(r"\b(?:within|in)\s+\d", text)
    ):
        return 3
    if _names_month(text):
        return 2
    return 1 if text.strip() else 0


def _names_month(text: str) -> bool:
    return bool(
        re.search(
            r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bq[1-4]\b|"
            r"\bquarter\b|\bhalf\b|\byear\b",
            text,
        )
    )
