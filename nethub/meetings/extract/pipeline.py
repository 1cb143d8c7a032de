"""The structure of minutes from their blocks: header, participants list, agenda items (with
their discussion, decisions and listed action points). Stage 2 (`assemble`) calls it first, then
adds what the labelled segments find."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from nethub.meetings.extract import actions, name_runs
from nethub.meetings.extract.blocks import Block
from nethub.meetings.extract.deadlines import NEXT_MEETING, VAGUE, find_deadline
from nethub.meetings.extract.header import DATE_PATTERN, parse_header
from nethub.meetings.extract.names import BODIES, body_name
from nethub.meetings.extract.participants import (
    ABSENT_LABEL,
    PARTICIPANTS_HEADING,
    SUBLIST_LABEL,
    is_participant_line,
    is_table_rule,
    parse_participant,
    split_entries,
    split_inline,
    sublist_entries,
    table_entry,
    table_header,
)
from nethub.meetings.extract.participants import (
    HONORIFICS as HONORIFIC_PREFIX,
)
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedAgendaItem,
    ExtractedMeeting,
)

OPENING_TITLE = "Opening update"
AOB = re.compile(r"^(?:any\s+other\s+business|other\s+matters|a\.?o\.?b\.?|miscellaneous)\b", re.I)
AGENDA_INTRO = re.compile(r"\bagenda\b", re.I)
_NUMBERED_HEADING = re.compile(
    r"^(?:(?:agenda\s+)?item\s+\d+\s*[:.)–-]?\s*|\d{1,2}[.)]\s+|[IVX]{1,4}\.\s+)", re.I
)
_SKIP = re.compile(
    r"^(?:final\s+)?(?:summary|draft|minutes|record|note for the file)\b.{0,20}$", re.I
)

_DOCUMENT_LABEL = re.compile(
    r"^(?:(?:brief|short|final|draft)\s+)?(?:summary|record|minutes|notes?)"
    r"(?:\s+(?:of|on)\s+(?:the\s+)?(?:discussions?|meeting|proceedings|deliberations))?\s*:?$",
    re.I,
)


def _inline_entries(text: str, resolver) -> list[str]:
    """The entries of a list after "Participants:"; a list of organisations ("IRC, UNESCO,
    Church of Ankawa, MoE") names no people: only those the resolver knows are kept, as
    organisations."""
    entries = split_inline(text)
    if name_runs.names_bodies(entries, resolver):
        return [e for e in entries if resolver.resolve_in(e) is not None]
    return entries


def assemble_structure(blocks: list[Block], resolver) -> ExtractedMeeting:
    """The structure of one meeting summary from its blocks: header, participants list, agenda
    items with their discussion, decisions and listed action points. Never raises on odd
    input: what cannot be found is left empty and named in `warnings`."""
    meeting = ExtractedMeeting()
    participants_at = _find_participants(blocks)
    trailing = participants_at is not None and _after_discussion(blocks, participants_at)
    header_end = (
        participants_at if participants_at is not None and not trailing else _header_end(blocks)
    )
    header = parse_header([b.text for b in blocks[:header_end] if not _SKIP.match(b.text)])
    meeting.title = header.title
    meeting.series = header.series or "Meeting"
    meeting.date = header.date.isoformat() if header.date else None
    if header.times:
        meeting.start_time, meeting.end_time, meeting.timezone = header.times[0]
        meeting.other_times = [
            {"start_time": s, "end_time": e, "timezone": z} for s, e, z in header.times[1:]
        ]
    meeting.is_virtual, meeting.venue = header.is_virtual, header.venue
    body_start = header_end
    list_end = None
    if participants_at is not None:
        body_start = participants_at + 1
        body_start = participants_at
        columns = None  # a participants table's header row, once seen
        absent = False  # under "Apologies:": those listed did not attend
        while body_start < len(blocks) and (
            _participant_block(blocks[body_start])
            or _bare_name(blocks, body_start)
            or _attendance_label(blocks[body_start], first=body_start == participants_at)
        ):
            row = blocks[body_start].text
            label = (
                None
                if blocks[body_start].bullet
                else _attendance_label(blocks[body_start], first=body_start == participants_at)
            )
            if label is not None:
                absent, role = label.re is ABSENT_LABEL, ""
                if label.re is PARTICIPANTS_HEADING:
                    entries = _inline_entries(label.group("inline") or "", resolver)
                elif label.re is SUBLIST_LABEL:
                    entries, role = sublist_entries(label)
                else:
                    entries = []
                for entry in entries:
                    person = parse_participant(entry, resolver)
                    person.role = person.role or role
                    meeting.participants.append(person)
                body_start += 1
                continue
            if absent:
                body_start += 1
                continue
            if is_table_rule(row) or table_header(row):
                columns = table_header(row) or columns
                body_start += 1
                continue
            if columns and "|" in row:
                meeting.participants.append(parse_participant(table_entry(row, columns), resolver))
                body_start += 1
                continue
            for entry in split_entries(row):
                meeting.participants.append(parse_participant(entry, resolver))
            body_start += 1
        if trailing:  # "List of participants" after the discussion: the body goes round it
            list_end, body_start = body_start, header_end
    body = (
        blocks[body_start:participants_at] + blocks[list_end:]
        if list_end is not None
        else blocks[body_start:]
    )
    meeting.agenda, agenda_blocks = _agenda_list(body)
    _agenda_items(meeting, [b for i, b in enumerate(body) if i not in agenda_blocks], resolver)
    if not meeting.date:
        meeting.warnings.append("No meeting date found.")
    if not meeting.participants:
        meeting.warnings.append("No participants list found.")
    return meeting


def _find_participants(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks[:40]):
        if PARTICIPANTS_HEADING.match(block.text):
            return _sublists_above(blocks, index)
    for index, block in enumerate(blocks[:40]):  # no heading: the first sub-list ("Chair: A")
        if _after_discussion(blocks, index):
            break
        if not block.bullet and not block.md_heading and _sublist_start(blocks, index):
            return index
    return None


def _sublists_above(blocks: list[Block], heading: int) -> int:
    """Rule: "Chair:" and its person just above a "Members present:" heading belong to the
    attendance: the list starts at the first sub-list label directly above the heading."""
    start = heading
    index = heading - 1
    while index >= 0:
        block = blocks[index]
        if not block.bullet and not block.md_heading and _sublist_start(blocks, index):
            start = index
        elif not (_participant_block(block) or _bare_name(blocks, index)):
            break
        index -= 1
    return start


def _attendance_label(block: Block, *, first: bool = False) -> re.Match | None:
    """ "Participants:", "Co-chairs: A, DG, IOM; B, ...", "Apologies: ILO": a label of the
    attendance list (a Markdown heading only when it opens the list or ends with ":")."""
    if block.md_heading and not first and not block.text.rstrip().endswith(":"):
        return None
    return (
        PARTICIPANTS_HEADING.match(block.text)
        or SUBLIST_LABEL.match(block.text)
        or ABSENT_LABEL.match(block.text)
    )


def _sublist_start(blocks: list[Block], index: int) -> bool:
    """Rule: a sub-list label opens the attendance when people follow it: on its line
    ("Chair: Nadia Rahman, Head, ...") or in the blocks below ("EC members:" then a list)."""
    match = SUBLIST_LABEL.match(blocks[index].text)
    if not match:
        return False
    inline = match.group("inline").strip()
    if inline:
        return bool(
            is_participant_line(inline) or _NAME.match(re.sub(HONORIFIC_PREFIX, "", inline))
        )
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and (
        _participant_block(following) or _bare_name(blocks, index + 1)
    )


def _after_discussion(blocks: list[Block], index: int) -> bool:
    """Rule: a participants list placed after paragraphs of discussion (an annex-like "List
    of participants" at the end) is not the end of the header."""
    return any(
        len(block.text.split()) > 25 and not is_participant_line(block.text)
        for block in blocks[:index]
    )


def _header_end(blocks: list[Block]) -> int:
    """Without a participants list, the header is the first lines up to the one with the date."""
    for index, block in enumerate(blocks[:10]):
        if DATE_PATTERN.search(block.text):
            return index + 1
    return min(3, len(blocks))


def _participant_block(block: Block) -> bool:
    return (
        not block.md_heading
        and not _numbered_title(block)
        and is_participant_line(block.text)
        and not (block.text.endswith(".") and len(block.text.split()) > 12)
    )


def _numbered_title(block: Block) -> bool:
    """Rule: "1. Preparations for the first Review Forum (IMRF)" is an agenda heading, not a
    participant: numbered, no comma, semicolon, slash or bar, and more words than a name
    before its brackets."""
    if not re.fullmatch(r"\(?(?:\d{1,2}|[IVX]{1,4})[.)]", block.marker or "") and not (
        re.match(r"^(?:agenda\s+)?item\s+\d", block.text, re.I)
    ):
        return False
    if re.search(r"[,;/|]", block.text):
        return False
    return len(block.text.split("(")[0].split()) > 5


_NAME = re.compile(r"^(?:[A-Z][\w’'.-]*\.?\s+){1,4}[A-Z][\w’'.-]+$")


def _bare_name(blocks: list[Block], index: int) -> bool:
    """A name alone on its line ("Amy Pope") is a participant when the list goes on after it;
    a heading ("UN System Pledge") is followed by its discussion instead."""
    text = re.sub(HONORIFIC_PREFIX, "", blocks[index].text)
    if not _NAME.match(text) or blocks[index].md_heading:
        return False
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None:
        return False
    next_text = re.sub(HONORIFIC_PREFIX, "", following.text)
    return bool(_participant_block(following) or _NAME.match(next_text))


def _agenda_list(body: list[Block]) -> tuple[list[str], set[int]]:
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


def _is_heading(block: Block, agenda: list[str], following: Block | None) -> bool:
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
    table = _table_columns(block.text) if not block.bullet else {}
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
            walk.current.action_points.append(_point(sentence, walk.meeting, walk.resolve_owner))
    elif heading_rest:
        walk.current.action_points.append(_point(heading_rest, walk.meeting, walk.resolve_owner))
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
    point = _table_point(block.text, walk.columns, walk.meeting, walk.resolve_owner)
    if point and not _listed(point, walk.items):
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
        point = _point(block.text, walk.meeting, walk.resolve_owner)
        if not _listed(point, walk.items):
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
                    _implicit_point(sentence, meeting, resolve_owner)
                    or (
                        _listed_work(sentence, meeting, resolve_owner)
                        if paragraph.startswith("- ") or _note_style(paragraph, sentence)
                        else None
                    )
                    or _running_task(sentence, resolve_owner)
                )
                if point is not None:
                    _add_discussion_point(item, point)


def _add_discussion_point(item: ExtractedAgendaItem, point: ExtractedActionPoint) -> None:
    twin = next((o for o in item.action_points if _same_point(point, o)), None)
    twin = twin or _undated_twin(point, item.action_points)
    if twin is None:
        item.action_points.append(point)
    elif twin.explicit and point.due_date and not twin.due_date:
        # Rule: the discussion's date completes the listed point it restates.
        twin.due_date, twin.deadline_text = point.due_date, point.deadline_text


def _agenda_items(meeting: ExtractedMeeting, body: list[Block], resolver) -> None:
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
        heading = _is_heading(block, meeting.agenda, following)
        for handler in _HANDLERS:
            if handler(walk, block, heading):
                break
    _discussion_points(walk)
    items = walk.items
    _drop_restated(items)
    meeting.agenda_items = [
        item for item in items if item.kind != "opening" or item.discussion or item.action_points
    ]
    if len(meeting.agenda_items) == 1 and meeting.agenda_items[0].kind == "opening":
        # No headings at all: the whole summary is one discussion, not an opening update.
        meeting.agenda_items[0].title, meeting.agenda_items[0].kind = "Discussion", "item"


_COLUMN_NAMES = [
    ("owner", r"responsible|lead|owner|who|focal point|entity|by whom"),
    ("due", r"deadline|due|timeline|timeframe|when|by when|date"),
    ("text", r"action|what|task|follow[- ]?up|activity"),
]


def _table_columns(text: str) -> dict[str, int]:
    """The header row of an action table ("Action | Responsible | Deadline"), by column."""
    if " | " not in text:
        return {}
    columns: dict[str, int] = {}
    for index, cell in enumerate(part.strip() for part in text.split(" | ")):
        for name, pattern in _COLUMN_NAMES:
            if name not in columns and re.match(rf"^(?:{pattern})\b", cell, re.I):
                columns[name] = index
                break
    return columns if "text" in columns else {}


def _table_point(text: str, columns: dict[str, int], meeting, resolve_owner):
    cells = [cell.strip() for cell in text.split(" | ")]

    def cell(name):
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    action = cell("text")
    if not action:
        return None
    point = _point(action, meeting, resolve_owner)
    owner = cell("owner")
    if owner:
        point.owner = resolve_owner(owner) or actions._several(owner, resolve_owner) or owner
    due = cell("due")
    if due:
        written = due if re.match(r"(?i)(?:by|before|until|no later)\b", due) else f"by {due}"
        deadline = find_deadline(written, meeting.meeting_date)
        if deadline and deadline.date:
            point.due_date, point.deadline_text = deadline.date.isoformat(), due
    point.source_sentence = text
    return point


def _listed(point: ExtractedActionPoint, items: list[ExtractedAgendaItem]) -> bool:
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


def _same_point(found: ExtractedActionPoint, listed: ExtractedActionPoint) -> bool:
    """A sentence of the discussion repeats a listed action point when both give the same
    deadline (and no different owners) or share most of their words."""
    if (
        found.due_date
        and found.due_date == listed.due_date
        and (not found.owner or not listed.owner or found.owner == listed.owner)
    ):
        return True  # two owners with the same deadline are two points
    words = {w for w in re.findall(r"[a-z]+", found.text.lower()) if w not in _STOPWORDS}
    other = {w for w in re.findall(r"[a-z]+", listed.text.lower()) if w not in _STOPWORDS}
    return bool(words and other) and len(words & other) / min(len(words), len(other)) >= 0.6


def _undated_twin(
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


def _starts_discussion(text: str) -> bool:
    """After an action list, a long paragraph that is no action point returns to discussion."""
    return len(text.split()) > 60


def _point(text: str, meeting: ExtractedMeeting, resolve_owner) -> ExtractedActionPoint:
    deadline = find_deadline(text, meeting.meeting_date)
    bracket = re.search(r"\(([^()]{3,30})\)\s*\.?$", text)
    if deadline is None and bracket:
        # Rule: "draft the guide (17 December)": a listed point's date written in brackets.
        found = find_deadline(f"by {bracket.group(1)}", meeting.meeting_date)
        deadline = found if found and found.date else None
    dash = re.search(r"\s[–—-]\s*([^–—()]{3,30}?)\s*\.?$", text)
    if deadline is None and dash:
        # Rule: "synthesis of the outcomes – end of January 2026": a date after a closing dash.
        found = find_deadline(f"by {dash.group(1)}", meeting.meeting_date)
        deadline = found if found and found.date else None
    owner = actions.owner_of(text, resolve_owner)
    if owner is None and bracket and not (deadline and bracket.group(1) in deadline.text):
        owner = _bracket_people(bracket.group(1))
    if owner is None:
        owner = _leading_people(text)
    return ExtractedActionPoint(
        text=text.strip(),
        owner=owner,
        due_date=deadline.date.isoformat() if deadline and deadline.date else None,
        deadline_text=deadline.text if deadline else "",
        source_sentence=text.strip(),
        explicit=True,
    )


# "(Jen and Neil)", "(Dan)", "(Everyone)", "(Zoltan until further training)": people in brackets.
_BRACKET_PEOPLE = re.compile(
    r"^\s*(?P<owner>[A-Z][a-z]+(?:\s*(?:,|&|\band\b)\s*[A-Z][a-z]+)*)(?:\s+[a-z][^()]*)?\s*$"
)


def _bracket_people(bracket: str) -> str | None:
    """Rule: an item of an action list closed by capitalised names in brackets ("Setup the Wiki
    (Dan)", "Register the team ( Jen and Neil)") gives the work to them: what a listed point
    puts in its closing brackets is its owner or its date, and a date was looked for first."""
    match = _BRACKET_PEOPLE.match(bracket)
    if match is None or match.group("owner").lower() in _NOT_BRACKET_OWNER:
        return None
    return match.group("owner")


# "NW and JH: register the team", "Jannetta: put the ideas onto a spreadsheet", "JH & AW: ...".
_LEADING_PEOPLE = re.compile(
    r"^(?P<owner>[A-Z][\w.&'’-]*(?:\s*(?:/|,|&|\band\b)\s*[A-Z][\w.&'’-]*){0,4})\s*:\s+"
    r"(?:to\s+)?[a-z]{3,}\b"
)
# Labels that lead an item with a colon and are no one ("Note: check ...", "Status: done").
_ITEM_LABELS = {
    "note",
    "notes",
    "format",
    "status",
    "deadline",
    "update",
    "comment",
    "comments",
    "action",
    "decision",
    "responsible",
    "timeline",
    "next",
    "outcome",
    "result",
    "issue",
    "topic",
    "nb",
}


def _leading_people(text: str) -> str | None:
    """Rule: an item of an action list led by names or initials and a colon, then the task in
    lower case ("NW and JH: register the team", "Jannetta: merge the agenda"), gives the work to
    them: a list's item names its owner first as often as last."""
    match = _LEADING_PEOPLE.match(text.strip())
    if match is None:
        return None
    parts = re.split(r"\s*(?:/|,|&|\band\b)\s*", match.group("owner"))
    if any(part.lower().strip(".") in _ITEM_LABELS for part in parts):
        return None
    return match.group("owner")


# Capitalised words that close an item in brackets and are no one ("(Optional)", "(Draft)").
_NOT_BRACKET_OWNER = {"optional", "draft", "ongoing", "done", "pending", "closed", "open", "tbc"}


def _drop_restated(items: list[ExtractedAgendaItem]) -> None:
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
                twin = next((other for other in listed if _restates(point, other)), None)
            if twin is None:
                kept.append(point)
                continue
            if point.due_date and (
                twin.due_date is None
                or _precision(point.deadline_text) > _precision(twin.deadline_text)
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


def _restates(found: ExtractedActionPoint, listed: ExtractedActionPoint) -> bool:
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


def _precision(deadline_text: str) -> int:
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


def _note_style(paragraph: str, sentence: str) -> bool:
    """Rule: a paragraph that is one note-style sentence ("OHCHR to share the dates of the
    consultation.") is an action point like a list item."""
    return paragraph.strip() == sentence.strip() and bool(
        actions._SUBJECT_TO.match(sentence.strip())
    )


def _listed_work(sentence: str, meeting, resolve_owner) -> ExtractedActionPoint | None:
    """Rule: a list item of the discussion that gives work to a named owner ("o Members were
    invited to nominate focal points") is an action point even without a deadline."""
    if not actions.assigns_work(sentence):
        return None
    owner = actions.subject_owner(sentence, resolve_owner)
    if owner is None:
        return None
    deadline = find_deadline(sentence, meeting.meeting_date)
    return ExtractedActionPoint(
        text=sentence,
        owner=owner,
        due_date=deadline.date.isoformat() if deadline and deadline.date else None,
        deadline_text=deadline.text if deadline else "",
        source_sentence=sentence,
        explicit=False,
    )


def _implicit_point(sentence: str, meeting, resolve_owner) -> ExtractedActionPoint | None:
    if not actions.assigns_work(sentence):
        return None
    deadline = find_deadline(sentence, meeting.meeting_date)
    if deadline is None or (
        deadline.date is None
        and not (NEXT_MEETING.search(deadline.text) or VAGUE.search(deadline.text))
    ):
        return None
    meeting_date = meeting.meeting_date
    if meeting_date and deadline.date and deadline.date < meeting_date:
        return None  # a past date reports what happened; it assigns nothing
    owner = actions.owner_of(sentence, resolve_owner, near=sentence.find(deadline.text))
    return ExtractedActionPoint(
        text=sentence,
        owner=owner,
        due_date=deadline.date.isoformat() if deadline.date else None,
        deadline_text=deadline.text,
        source_sentence=sentence,
        explicit=False,
    )


def _running_task(sentence: str, resolve_owner) -> ExtractedActionPoint | None:
    """Rule: "OHCHR will review the concept note": a named owner given a concrete task in the
    discussion is an action point, even without a deadline."""
    owner = actions.running_task_owner(sentence, resolve_owner)
    if owner is None:
        return None
    return ExtractedActionPoint(
        text=sentence, owner=owner, source_sentence=sentence, explicit=False
    )
