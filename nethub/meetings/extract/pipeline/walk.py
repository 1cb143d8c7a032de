"""The walk through the body's blocks: markers (an action table's header, an action or
decision heading) change its mode, then the first handler that takes a block reads it into
the current agenda item; each item's discussion is then read for points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nethub.meetings.extract import actions
from nethub.meetings.extract.blocks import Block
from nethub.meetings.extract.names import body_name
from nethub.meetings.extract.pipeline.discussion_points import (
    implicit_point,
    is_note_style,
    listed_work,
    running_task,
)
from nethub.meetings.extract.pipeline.headings import AOB, clean_heading, is_heading
from nethub.meetings.extract.pipeline.listed_points import listed_point, table_columns, table_point
from nethub.meetings.extract.pipeline.restated import (
    already_listed,
    drop_restated,
    same_point,
    undated_twin,
)
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedAgendaItem,
    ExtractedMeeting,
)

OPENING_TITLE = "Opening update"

_DOCUMENT_LABEL = re.compile(
    r"^(?:(?:brief|short|final|draft)\s+)?(?:summary|record|minutes|notes?)"
    r"(?:\s+(?:of|on)\s+(?:the\s+)?(?:discussions?|meeting|proceedings|deliberations))?\s*:?$",
    re.I,
)


@dataclass
class _Walk:
    """The state of the walk through the body's blocks."""

    meeting: ExtractedMeeting
    resolve_owner: object
    items: list[ExtractedAgendaItem]
    paragraphs: dict[int, list[str]]
    mode: str = "discussion"  # or "actions", "decisions"
    list_bullets: int = 0  # list items seen under the current action heading
    columns: dict[str, int] = field(default_factory=dict)  # an action table's columns
    item_indent: int | None = None  # the indent of the action list's last item

    @property
    def current(self) -> ExtractedAgendaItem:
        return self.items[-1]


def _owner_resolver(resolver):
    def resolve_owner(candidate: str) -> str | None:
        name = body_name(candidate)
        if name:
            return name
        found = resolver.resolve_in(re.sub(r"^the\s+", "", candidate, flags=re.I))
        if found and not found.remainder:
            return str(found.organization)
        return None

    return resolve_owner


def _on_table_header(walk: _Walk, block: Block) -> bool:
    """ "Action | Responsible | Deadline": the rows below are action points."""
    table = table_columns(block.text) if not block.bullet else {}
    if table:
        walk.mode, walk.list_bullets, walk.columns = "actions", 0, table
    return bool(table)


def _on_action_heading(walk: _Walk, block: Block) -> bool:
    heading_rest = actions.action_heading(block.text) if not block.bullet else None
    if heading_rest is None:
        return False
    # "Action Point: GTF to design a workshop" names its point: what follows is not a list of
    # them (a bare "Action points:" opens one).
    if not heading_rest or walk.mode == "actions":
        walk.mode, walk.list_bullets, walk.columns = "actions", 0, {}
        walk.item_indent = None
    else:
        walk.mode = "discussion"
    sentences = actions.split_sentences(heading_rest) if heading_rest else []
    if len(sentences) > 1 and all(actions.assigns_work(x) for x in sentences):
        # "Action: DESA to finalise the report. Members were encouraged to ...": two.
        for sentence in sentences:
            walk.current.action_points.append(
                listed_point(sentence, walk.meeting, walk.resolve_owner)
            )
    elif heading_rest:
        walk.current.action_points.append(
            listed_point(heading_rest, walk.meeting, walk.resolve_owner)
        )
    return True


def _on_decision_heading(walk: _Walk, block: Block) -> bool:
    decision = actions.DECISION_HEADING.match(block.text) if not block.bullet else None
    if decision:
        walk.mode = "decisions"
        if decision.group("rest"):  # "Decision: the Principals endorsed ..."
            walk.current.decisions.append(decision.group("rest").strip())
    return bool(decision)


def _on_document_label(walk: _Walk, block: Block) -> bool:
    """ "Summary of discussion": a label of the document, not an agenda item."""
    return bool(_DOCUMENT_LABEL.match(block.text) and not block.bullet)


def _on_table_row(walk: _Walk, block: Block, heading: bool) -> bool:
    if not (walk.mode == "actions" and walk.columns and " | " in block.text):
        return False
    point = table_point(block.text, walk.columns, walk.meeting, walk.resolve_owner)
    if point and not already_listed(point, walk.items):
        walk.current.action_points.append(point)
    return True


def _on_listed_decision(walk: _Walk, block: Block, heading: bool) -> bool:
    """ "Decisions and action points:" lists both: "The EC endorsed ..." is a decision."""
    if (
        walk.mode == "actions"
        and not heading
        and actions.is_decision(block.text)
        and not actions.assigns_work(block.text)
    ):
        walk.current.decisions.append(block.text)
        return True
    return False


def _on_listed_action(walk: _Walk, block: Block, heading: bool) -> bool:
    if walk.mode != "actions" or heading:
        return False
    if block.bullet and walk.item_indent is not None and block.indent > walk.item_indent:
        # Rule: an item indented under an action item ("Re-order the timeline: (Goksel)" then
        # "  • put deadlines in the timeline") details it: no point of its own.
        return True
    walk.list_bullets += block.bullet
    if block.bullet:
        walk.item_indent = block.indent
    if block.bullet or not (walk.list_bullets or _starts_discussion(block.text)):
        point = listed_point(block.text, walk.meeting, walk.resolve_owner)
        if not already_listed(point, walk.items):
            walk.current.action_points.append(point)
        return True
    walk.mode = "discussion"
    return False


def _on_decision_line(walk: _Walk, block: Block, heading: bool) -> bool:
    if walk.mode == "decisions" and not heading:
        walk.current.decisions.append(block.text)
        return True
    return False


def _on_heading(walk: _Walk, block: Block, heading: bool) -> bool:
    if not heading:
        return False
    walk.mode = "discussion"
    walk.items.append(
        ExtractedAgendaItem(
            title=clean_heading(block.text), kind="aob" if AOB.match(block.text) else "item"
        )
    )
    walk.paragraphs[len(walk.items) - 1] = []
    return True


def _on_discussion(walk: _Walk, block: Block, heading: bool) -> bool:
    walk.mode = "discussion"
    walk.paragraphs[len(walk.items) - 1].append(("- " if block.bullet else "") + block.text)
    return True


# Markers change the walk's mode; then each block is read by the first handler that takes it.
_MARKERS = (_on_table_header, _on_action_heading, _on_decision_heading, _on_document_label)
_HANDLERS = (
    _on_table_row,
    _on_listed_decision,
    _on_listed_action,
    _on_decision_line,
    _on_heading,
    _on_discussion,
)


def _discussion_points(walk: _Walk) -> None:
    """Decisions and action points found in each item's discussion."""
    meeting, resolve_owner = walk.meeting, walk.resolve_owner
    for position, item in enumerate(walk.items):
        item.discussion = "\n\n".join(walk.paragraphs[position])
        for paragraph in walk.paragraphs[position]:
            for sentence in actions.split_sentences(paragraph.removeprefix("- ")):
                if actions.is_decision(sentence):
                    item.decisions.append(sentence)
                point = (
                    implicit_point(sentence, meeting, resolve_owner)
                    or (
                        listed_work(sentence, meeting, resolve_owner)
                        if paragraph.startswith("- ") or is_note_style(paragraph, sentence)
                        else None
                    )
                    or running_task(sentence, resolve_owner)
                )
                if point is not None:
                    _add_discussion_point(item, point)


def _add_discussion_point(item: ExtractedAgendaItem, point: ExtractedActionPoint) -> None:
    twin = next((o for o in item.action_points if same_point(point, o)), None)
    twin = twin or undated_twin(point, item.action_points)
    if twin is None:
        item.action_points.append(point)
    elif twin.explicit and point.due_date and not twin.due_date:
        # Rule: the discussion's date completes the listed point it restates.
        twin.due_date, twin.deadline_text = point.due_date, point.deadline_text


def read_agenda_items(meeting: ExtractedMeeting, body: list[Block], resolver) -> None:
    walk = _Walk(
        meeting,
        _owner_resolver(resolver),
        [ExtractedAgendaItem(title=OPENING_TITLE, kind="opening")],
        {0: []},
    )
    for index, block in enumerate(body):
        if any(marker(walk, block) for marker in _MARKERS):
            continue
        following = body[index + 1] if index + 1 < len(body) else None
        heading = is_heading(block, meeting.agenda, following)
        for handler in _HANDLERS:
            if handler(walk, block, heading):
                break
    _discussion_points(walk)
    items = walk.items
    drop_restated(items)
    meeting.agenda_items = [
        item for item in items if item.kind != "opening" or item.discussion or item.action_points
    ]
    if len(meeting.agenda_items) == 1 and meeting.agenda_items[0].kind == "opening":
        # No headings at all: the whole summary is one discussion, not an opening update.
        meeting.agenda_items[0].title, meeting.agenda_items[0].kind = "Discussion", "item"


def _starts_discussion(text: str) -> bool:
    """After an action list, a long paragraph that is no action point returns to discussion."""
    return len(text.split()) > 60
