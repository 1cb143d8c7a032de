"""Action points from the segments the rules labelled: each joins the structure's point it
restates (completing its owner and date) or the agenda item it stands under, with its owner
resolved and its due date.
"""

from __future__ import annotations

import datetime
import re

from nethub.meetings.extract import dates
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.actions import _several, owner_of, subject_as_written
from nethub.meetings.extract.learned import RULE as LEARNED
from nethub.meetings.extract.names import body_name
from nethub.meetings.extract.pipeline.listed_points import bracket_owner
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedAgendaItem,
    ExtractedMeeting,
)
from nethub.meetings.extract.rules.actions.labelled import LABEL_RULES

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "by",
        "with",
        "be",
        "is",
        "are",
        "will",
        "should",
        "this",
        "that",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def same_words(one: str, other: str) -> bool:
    a, b = _words(one), _words(other)
    return bool(a and b) and len(a & b) >= 0.8 * max(len(a), len(b))


def _covered(task: str, points: list[ExtractedActionPoint]) -> ExtractedActionPoint | None:
    """The point that already holds most of this task's words (at least 60% of them). The
    best holder, not the first: two tasks of one list that share their verb and deadline
    ("UNHCR to send the note by 30 June", "the Shelter Cluster to send the note by 30 June")
    are each their own point's twin."""
    words = _words(task)
    if not words:
        return None
    best, best_share = None, 0.6
    for point in points:
        share = len(words & _words(point.text)) / len(words)
        if share > best_share or (share == best_share and best is None):
            best, best_share = point, share
    return best


def _split_joined(meeting: ExtractedMeeting, document: s.LabelledDocument, resolver) -> None:
    """Rule: one sentence the structure read as one point, in which the rules found two
    tasks ("The HCT to comment by 23 August; the final version will be circulated by 31
    August"), is two points."""
    labelled = document.labelled(s.ACTION)
    for item in meeting.agenda_items:
        kept = []
        for point in item.action_points:
            source = _flat(point.source_sentence or point.text)
            # A labelled segment's task ("Action item (Lise): <task>") is what the sentence holds.
            inside = list(
                {
                    _flat(_task(seg)): seg
                    for seg in labelled
                    if len(_flat(_task(seg))) > 15 and _flat(_task(seg)) in source
                }.values()
            )
            if len(inside) < 2 or any(_flat(a.text) in _flat(b.text) for a, b in _pairs(inside)):
                kept.append(point)
                continue
            for seg in inside:
                part = _point(seg, seg.data.get("task") or seg.text, meeting.meeting_date, resolver)
                part.owner = part.owner or (point.owner if seg is inside[0] else None)
                kept.append(part)
        item.action_points = kept


def _task(seg: s.Segment) -> str:
    return seg.text if seg.rule not in LABEL_RULES else seg.data.get("task") or seg.text


def _pairs(items: list) -> list[tuple]:
    return [(a, b) for a in items for b in items if a is not b]


def _flat(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _restated(point: ExtractedActionPoint, points: list[ExtractedActionPoint]):
    """The point this one restates, by the structure's rules (same owner and task words, or
    the same deadline and a word of the task)."""
    from nethub.meetings.extract.pipeline.restated import restates, same_point

    point.explicit = False
    return next((p for p in points if same_point(point, p) or restates(point, p)), None)


def add_labelled_points(meeting: ExtractedMeeting, document: s.LabelledDocument, resolver) -> None:
    _split_joined(meeting, document, resolver)
    points = meeting.action_points()
    meeting_date = meeting.meeting_date
    for seg in document.labelled(s.ACTION):
        task = seg.data.get("task") or seg.text
        point = _point(seg, task, meeting_date, resolver)
        labelled = point.explicit and seg.rule in LABEL_RULES
        twin = _covered(task, points) or _restated(point, points)
        if twin is not None and _halves_of_one_sentence(twin, seg):
            twin = None
        # "Further information will be shared in the next meeting. Action point – CARE to
        # share information on the training in the next meeting": the wording that names who
        # does it wins over the running text's, as a label's does.
        named = point.owner is not None and twin is not None and not twin.owner
        if twin is not None and (labelled or named) and twin.rule in _UNLABELLED:
            _take_label(twin, point)
            continue
        if twin is not None:  # the structure's point keeps its own rule and confidence
            sentence = twin.source_sentence or twin.text
            if same_words(task, sentence) or _words(task) <= _words(sentence):
                # The same sentence (or the rule's reading of part of it, a leading "By
                # Tuesday," aside): what the rule read completes what the structure read.
                if _flat(sentence) in _flat(seg.text) or _flat(task) in _flat(sentence):
                    # Only the words themselves lend their span: a restatement elsewhere in
                    # the document would highlight the wrong place.
                    twin.span = twin.span or seg.span
                twin.owner = twin.owner or point.owner
                if seg.rule == "owner_label" and point.owner:
                    # The owner the item is led by wins over one read from its words.
                    twin.owner = point.owner
                if twin.due_date is None and point.due_date:
                    twin.due_date, twin.deadline_text = point.due_date, point.deadline_text
            continue
        _item_for(meeting, document, seg).action_points.append(point)
        points.append(point)


# Rules that read a task from running text: a labelled restatement of their point wins.
_UNLABELLED = frozenset(
    ["will_task", "passive_future_task", "pronoun_will_task", "needs_doing", "task_clause"]
)


def _halves_of_one_sentence(twin: ExtractedActionPoint, seg: s.Segment) -> bool:
    """Rule: two tasks the segmenter cut from one sentence ("To include OCHA in the group and
    the group has to meet ...") are two points, however many words they share."""
    if not (twin.rule and twin.span and seg.span):
        return False
    first, second = sorted([twin.span, seg.span])
    # "Lia will share these. Action Point: Lia to share ...": a full stop ends the first.
    first_text = twin.source_sentence or twin.text if first == twin.span else seg.text
    return 0 <= second[0] - first[1] <= 5 and not first_text.rstrip().endswith((".", "!", "?"))


def _take_label(twin: ExtractedActionPoint, labelled: ExtractedActionPoint) -> None:
    """Rule: "Amany will share the toolkits. ... Action Point: Amany to share the draft
    toolkits with the group.": the labelled wording is the point; what the sentence read
    (owner, due date) stays when the label does not say it."""
    owner, due, words = twin.owner, twin.due_date, twin.deadline_text
    for field in ("text", "source_sentence", "rule", "confidence", "span", "explicit"):
        setattr(twin, field, getattr(labelled, field))
    twin.explicit = True
    twin.owner = labelled.owner or owner
    if not labelled.due_date:
        twin.due_date, twin.deadline_text = due, words
    else:
        twin.due_date, twin.deadline_text = labelled.due_date, labelled.deadline_text


def _point(seg: s.Segment, task: str, meeting_date: datetime.date | None, resolver):
    due, words = dates.due_date(task, meeting_date)
    written = seg.data.get("owner")
    if written is None and seg.rule == LEARNED:
        written = subject_as_written(task)  # no rule read the point, so none read its owner
    if written is None:
        written = bracket_owner(task)  # "Prévenir la fédération (Christian)"
    return ExtractedActionPoint(
        text=task.strip(),
        owner=resolved_owner(written, task, resolver),
        due_date=due,
        deadline_text=words,
        source_sentence=seg.text,
        explicit=seg.rule in (*LABEL_RULES, "imperative_in_action_section"),
        rule=seg.rule,
        confidence=seg.confidence,
        span=seg.span,
    )


def resolved_owner(written: str | None, task: str, resolver) -> str | None:
    """The owner: a body of the network or an organisation the directory knows, else as
    written; else whom the sentence names (the structure's owner rules)."""

    def resolve_owner(candidate: str) -> str | None:
        name = body_name(candidate)
        if name:
            return name
        found = resolver.resolve_in(re.sub(r"^the\s+", "", candidate, flags=re.I))
        return str(found.organization) if found and not found.remainder else None

    if written:
        return resolve_owner(written) or _several(written, resolve_owner) or written
    return owner_of(task, resolve_owner)


def _item_for(meeting: ExtractedMeeting, document: s.LabelledDocument, seg: s.Segment):
    """The agenda item a segment stands under: the last one whose heading comes before it."""
    chosen = None
    for item in meeting.agenda_items:
        at = _heading_block(document, item.title)
        if at is not None and at <= seg.block:
            chosen = item
    if chosen is None:
        if not meeting.agenda_items:
            meeting.agenda_items.append(ExtractedAgendaItem(title="Discussion"))
        chosen = meeting.agenda_items[0]
    return chosen


def item_at(meeting: ExtractedMeeting, document: s.LabelledDocument, point):
    """The agenda item the text at a point's start stands under."""
    seg = next(
        (x for x in document.segments if x.start is not None and x.start <= point.span[0] < x.end),
        s.Segment("", block=len(document.blocks)),
    )
    return _item_for(meeting, document, seg)


def _heading_block(document: s.LabelledDocument, title: str) -> int | None:
    key = _words(title)
    for index, block in enumerate(document.blocks):
        if key and _words(block.text) == key:
            return index
    return None
