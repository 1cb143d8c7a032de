"""The ordered table of labelling rules: the first rule that claims a segment labels it.

Each rule is a small function `rule(segment, context) -> Claim | None` in a module of this
package (`structure`, the modules of `actions`). A new layout is a new rule, placed in `RULES`,
and its test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nethub.meetings.extract import labels
from nethub.meetings.extract.rules import structure
from nethub.meetings.extract.rules.actions import (
    clauses,
    commitments,
    future_tasks,
    labelled,
    note_style,
    passive,
    romance,
    section,
)
from nethub.meetings.extract.segments import HEADING, LabelledDocument, Segment


@dataclass
class Claim:
    label: str
    confidence: float
    data: dict = field(default_factory=dict)


@dataclass
class Context:
    document: LabelledDocument
    index: int = 0
    action_section: bool = False  # under "Action points:", "Next steps", an action column
    previous: Segment | None = None


RULES = [
    ("participants_label", structure.participants_label),
    ("action_section_heading", labelled.action_section_heading),
    ("decision_label", structure.decision_label),
    ("action_label_with_owner", labelled.action_label_with_owner),
    ("action_marker_names_owner", labelled.action_marker_names_owner),
    ("inline_action_label", labelled.inline_action_label),
    ("short_action_label", labelled.short_action_label),
    ("for_owner_label", labelled.for_owner_label),
    ("owner_label", labelled.owner_label),
    ("owner_to_verb", note_style.owner_to_verb),
    ("asked_to", commitments.asked_to),
    ("pronoun_will_task", future_tasks.pronoun_will_task),
    ("agreed_work", commitments.agreed_work),
    ("person_offered", commitments.person_offered),
    ("promised_work", commitments.promised_work),
    ("will_task", future_tasks.will_task),
    ("we_will_task", future_tasks.we_will_task),
    ("passive_by_person", passive.passive_by_person),
    ("passive_future_task", passive.passive_future_task),
    ("needs_doing", passive.needs_doing),
    ("resolved_that", passive.resolved_that),
    ("commitment_fr_es", romance.commitment_task),
    ("future_task_fr_es", romance.future_task),
    ("pronoun_future_task_fr_es", romance.pronoun_future_task),
    ("passive_future_task_fr_es", romance.passive_future_task),
    ("infinitive_todo_fr", romance.infinitive_todo),
    ("infinitive_todo_es", romance.infinitive_todo_es),
    ("clause_task_fr_es", romance.clause_task),
    ("imperative_in_action_section", section.imperative_in_action_section),
    ("modal_in_action_section", section.modal_in_action_section),
    ("task_clause", clauses.task_clause),
    ("short_heading", structure.short_heading),
]


def label_segments(document: LabelledDocument) -> None:
    context = Context(document)
    for index, seg in enumerate(document.segments):
        context.index = index
        for name, rule in RULES:
            claim = rule(seg, context)
            if claim is not None:
                seg.label, seg.rule, seg.confidence, seg.data = (
                    claim.label,
                    name,
                    claim.confidence,
                    claim.data,
                )
                break
        _update_section(seg, context)
        context.previous = seg


def _update_section(seg: Segment, context: Context) -> None:
    """An action heading opens a section of action points; the next heading or a long paragraph
    closes it ("Next Steps – After the Forum": the heading's own second half does not)."""
    previous = context.previous
    if seg.data.get("opens_actions"):
        context.action_section = True
    elif (
        previous is not None and previous.data.get("opens_actions") and previous.block == seg.block
    ):
        return
    elif _table_cell(seg):
        return  # an action table's column header or owner cell, read as a short heading
    elif seg.label == HEADING or (not seg.bullet and len(seg.text.split()) > 60):
        context.action_section = False


# "Focal Point / Organization", "Responsible", "Maysa (UNHCR)": the cells of an action table
# between its tasks.
_COLUMN_HEADER = re.compile(
    rf"^(?:{labels.OWNER_COLUMN}|{labels.DUE_COLUMN}|focal\s+points?|organi[sz]ations?|"
    r"responsib\w*|who|when|time\s*frame|status|lead|agency)(?:\s*[/&,]\s*[\w ]{2,30})*\s*:?$",
    re.I,
)


def _table_cell(seg: Segment) -> bool:
    if seg.rule != "short_heading":
        return False
    text = seg.text.strip()
    return bool(_COLUMN_HEADER.match(text) or labels.OWNER_CELL.match(text))
