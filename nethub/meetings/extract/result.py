"""The structure extracted from a meeting summary, before anything is saved.

`ExtractedMeeting.to_dict()` is the JSON shape `manage.py extract_meeting --format json` prints
and the import page lets people correct; `from_dict` reads a corrected copy back.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field


@dataclass
class ExtractedParticipant:
    name: str
    title: str = ""
    organization: str | None = None  # canonical acronym or name; as written when unresolved
    honorific: str = ""
    role: str = ""  # e.g. "Network Coordinator", written after the organisation
    as_written: str = ""
    rule: str = ""  # the rule that found this person
    confidence: float = 1.0
    span: list[int] | None = None  # [start, end) in the document's text


@dataclass
class ExtractedActionPoint:
    text: str
    owner: str | None = None
    due_date: str | None = None  # ISO date
    source_sentence: str = ""
    explicit: bool = True  # from a list under "Action points:"; False: found in the discussion
    deadline_text: str = ""
    rule: str = ""  # the rule (or "classifier") that found this point
    confidence: float = 1.0
    span: list[int] | None = None  # [start, end) of its source in the document's text


@dataclass
class ExtractedAgendaItem:
    title: str
    discussion: str = ""
    decisions: list[str] = field(default_factory=list)
    action_points: list[ExtractedActionPoint] = field(default_factory=list)
    kind: str = "item"  # "opening", "item" or "aob"
    # Where each decision is in the document's text ([start, end), or None), in their order.
    decision_spans: list[list[int] | None] = field(default_factory=list)


@dataclass
class ExtractedMeeting:
    title: str = ""
    series: str = ""
    date: str | None = None  # the first day of the meeting
    end_date: str | None = None  # its last day, when held over several days
    start_time: str | None = None
    end_time: str | None = None
    timezone: str | None = None
    other_times: list[dict] = field(default_factory=list)
    is_virtual: bool = False
    venue: str = ""
    participants: list[ExtractedParticipant] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)  # the agenda as announced, if listed
    agenda_items: list[ExtractedAgendaItem] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)  # attending, when listed alone
    mentioned: list[ExtractedParticipant] = field(default_factory=list)  # named, not attending
    warnings: list[str] = field(default_factory=list)

    @property
    def meeting_date(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.date) if self.date else None

    def action_points(self) -> list[ExtractedActionPoint]:
        return [point for item in self.agenda_items for point in item.action_points]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ExtractedMeeting:
        data = dict(data)
        participants = [_build(ExtractedParticipant, p) for p in data.pop("participants", [])]
        mentioned = [_build(ExtractedParticipant, p) for p in data.pop("mentioned", [])]
        items = []
        for raw in data.pop("agenda_items", []):
            raw = dict(raw)
            points = [_build(ExtractedActionPoint, p) for p in raw.pop("action_points", [])]
            items.append(_build(ExtractedAgendaItem, raw, action_points=points))
        return _build(cls, data, participants=participants, mentioned=mentioned, agenda_items=items)


def _build(kind, data: dict, **extra):
    """A dataclass from a dict that may carry extra keys (the JSON shape allows them)."""
    known = set(kind.__dataclass_fields__)
    return kind(**{k: v for k, v in data.items() if k in known and k not in extra}, **extra)
