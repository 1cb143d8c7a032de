"""The ordered table of labelling rules: the first rule that claims a segment labels it.

Each rule is a small function `rule(segment, context) -> Claim | None` in a module of this
package (`structure`, `actions`). A new layout is a new rule, placed in `RULES`, and its test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nethub.meetings.extract.rules import actions, structure
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
    ("action_section_heading", actions.action_section_heading),
    ("decision_label", structure.decision_label),
    ("action_label_with_owner", actions.action_label_with_owner),
    ("inline_action_label", actions.inline_action_label),
    ("for_owner_label", actions.for_owner_label),
    ("owner_label", actions.owner_label),
    ("owner_to_verb", actions.owner_to_verb),
    ("asked_to", actions.asked_to),
    ("pronoun_will_task", actions.pronoun_will_task),
    ("agreed_work", actions.agreed_work),
    ("person_offered", actions.person_offered),
    ("promised_work", actions.promised_work),
    ("will_task", actions.will_task),
    ("passive_by_person", actions.passive_by_person),
    ("passive_future_task", actions.passive_future_task),
    ("needs_doing", actions.needs_doing),
    ("resolved_that", actions.resolved_that),
    ("imperative_in_action_section", actions.imperative_in_action_section),
    ("modal_in_action_section", actions.modal_in_action_section),
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
    elif seg.label == HEADING or (not seg.bullet and len(seg.text.split()) > 60):
        context.action_section = False
