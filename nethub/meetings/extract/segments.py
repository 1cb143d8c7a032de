"""Stage 1 of extraction: the document as labelled segments.

A segment is a block of the document (a paragraph, a list item, a line, a table row) or, inside a
block of running text, one of its sentences or cells. `label_document(text)` cuts the text into
segments, finds each one's span in the text, and labels it with the first rule of the ordered
table in `rules` that claims it; the learned classifier (`classifier`) labels what no rule
claims. Every segment keeps the rule (or "classifier") that labelled it and a confidence.
Stage 2 (`assemble`) builds the meeting from the labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nethub.meetings.extract.blocks import Block, split_blocks
from nethub.meetings.extract.header import MONTHS
from nethub.meetings.extract.labels import (
    ACTION_LABEL_WORDS,
    ACTION_POINT_ALONE,
    NEXT_REPORT,
    REGISTER_CODE,
)

HEADING = "heading"
PARTICIPANTS = "participant_line"
AGENDA_ITEM = "agenda_item"
DISCUSSION = "discussion"
DECISION = "decision"
ACTION = "action_point"
TABLE_ROW = "table_row"
OTHER = "other"
LABELS = (HEADING, PARTICIPANTS, AGENDA_ITEM, DISCUSSION, DECISION, ACTION, TABLE_ROW, OTHER)


@dataclass
class Segment:
    text: str
    block: int  # index of its block
    start: int | None = None  # span in the document's text, when found
    end: int | None = None
    bullet: bool = False
    label: str = OTHER
    rule: str = ""
    confidence: float = 0.0
    data: dict = field(default_factory=dict)  # what the rule read: owner, task, ...

    @property
    def span(self) -> list[int] | None:
        return [self.start, self.end] if self.start is not None else None


@dataclass
class LabelledDocument:
    text: str
    blocks: list[Block]
    segments: list[Segment]

    def labelled(self, label: str) -> list[Segment]:
        return [s for s in self.segments if s.label == label]


# Cells of a flattened table ("... with the LGUs. / -PC will share report"), glued list items
# ("-CPWG will ...", "· David to present"), inline numbering ("1.Send a press release").
_CELL = re.compile(
    r"\s+/\s+(?=[-·•]?\s*[A-Z(])|\s+[·•\uf0b7\uf0a7\uf0d8▪]\s+|(?:\s+\*)+\s+(?=[A-Z])|(?<=[.:;])\s*-(?=[A-Z])|\s+[-–—]\s+(?=[A-Z][a-z])"
    r"|;\s+(?=(?:the\s+)?[a-zA-Z]+\s+(?:\w+\s+){0,3}(?:will|to|should|shall)\b)"
    # "To include OCHA in the group and the working group has to meet ...": two tasks.
    r"|\s+and\s+(?=the\s+(?:[\w/-]+\s+){1,4}(?:has|have)\s+to\s)"
    # "... among agencies and civil society UNDP APRC to prepare the minutes": a flattened
    # table's next task, its owner an acronym, glued to the cell before.
    # "Photocopier – ongoing – MB to arrange", "No quote yet, so AS to ask someone else": a
    # task by initials after a topic and its status.
    r"|(?<=[–—.,])\s+(?:so\s+)?(?=[A-Z]{2,}[\w/-]*(?:\s+(?:and|&)\s+[A-Z]{2,}[\w/-]*)?\s+to\s+"
    r"(?!(?:the|an?|all|its|their|this|these|be)\b)[a-z]{3,}\b)"
    # "... for endorsement Action Point: Members to review ...": a label mid-line opens a cell.
    rf"|\s+(?=(?i:{ACTION_LABEL_WORDS})\s*:|(?i:action(?:\s+items?)?)\s*\([^()]{{1,40}}\)\s*:)"
    # Not after a verb whose object is asked to act ("JZ to ask NRC to investigate"): one task.
    r"|(?<=[a-z])(?<!\bfor)(?<!\bthat)(?<!\bof)(?<!\bto)(?<!\band)(?<!\bby)(?<!\bwith)(?<!\basked)"
    r"(?<!\bask)(?<!\btell)(?<!\binvite)(?<!\bremind)(?<!\brequest)(?<!\bencourage)(?<!\burge)"
    r"(?<!\bhelp)(?<!\ballow)(?<!\bget)(?<!\bwant)(?<!\bexpect)"
    r"\s+(?=[A-Z]{2,}[\w-]*(?:\s+(?:[A-Z][\w-]*|and|&)){0,4}\s+to\s+"
    r"(?!(?:the|an?|all|its|their|this|these)\b)[a-z]{3,}\b)"
)
# "Prioritization of Health activities: Health Cluster to share ...": a label, then the task.
_LABEL_THEN_TASK = re.compile(r"^([^:]{3,60}):\s+(?=(?:[A-Z][\w.]*\s+){1,4}(?:to|will|was|were)\s)")
_ACTION_LABEL = re.compile(
    rf"^(?:{ACTION_LABEL_WORDS}|action(?:\s+items?)?\s*\([^()]{{1,40}}\))$", re.I
)
# "1.Send", "Status 1 Prioritization", "inputs. 2 UNICEF or WHO": numbered items run together.
_INLINE_NUMBER = re.compile(
    r"(?<=\s)\d{1,2}\.(?=[A-Z][a-z])|(?<=[a-z.)])\s+\d{1,2}\s+"
    rf"(?!(?:{MONTHS})\b)(?=[A-Z][A-Za-z]+\s)"
)


_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9]{2})\.(?=[A-Z][A-Za-z]*[\s,])")
# An item's number before its text: "2 Members", "1.5OCHA to raise", "5-2 Norah to apologise".
_ITEM_NUMBER = re.compile(
    r"^\d{1,2}(?:[.-]\d{1,2})*[.)]?\s*(?=[A-Z][a-z]|[A-Z]{2,})|^\d{1,2}[.)]?\s+(?=[A-Z])"
)


def _pieces(block: Block) -> list[str]:
    """The sentences and cells of a block."""
    from nethub.meetings.extract.actions import split_sentences

    text = _INLINE_NUMBER.sub("\n", block.text)
    # "... working_group.php?Id=7 SP will finish ...": a sentence after a web address.
    text = re.sub(r"(https?://\S+)\s+(?=[A-Z])", "\\1\n", text)
    # "... is the 26th Sept 2007.Kawshi will confirm": a sentence glued to the one before.
    text = _GLUED_SENTENCE.sub(".\n", text)
    pieces: list[str] = []
    for part in re.split(r"\n", text):
        for cell in _CELL.split(part):
            cell = _ITEM_NUMBER.sub("", cell.strip(" -·•/\uf0b7\uf0a7\uf0d8▪"))
            cell = REGISTER_CODE.sub("", cell)
            label = _LABEL_THEN_TASK.match(cell)
            # The inline label rule's labels stay; so does a checklist item's owner ("[ ] Group:
            # Glossary to define ...": the owner label rule reads it).
            if label and not _ACTION_LABEL.match(label.group(1)) and not cell.startswith("["):
                pieces.append(label.group(1))
                cell = cell[label.end() :]
            if cell:
                pieces.extend(split_sentences(cell))
    return _after_labels_cut(pieces) or [block.text]


def _after_labels_cut(pieces: list[str]) -> list[str]:
    """Rule: the task after an "Action point –" label ends where the discussion's next
    sentence, its full stop lost, begins with who reported what ("... in the next meeting
    EFRR informed that ...")."""
    cut: list[str] = []
    for piece in pieces:
        if cut and ACTION_POINT_ALONE.match(cut[-1]):
            cut.extend(part for part in NEXT_REPORT.split(piece, maxsplit=1) if part.strip())
        else:
            cut.append(piece)
    return cut


def _locator(text: str):
    """Finds pieces in the text in order; whitespace may differ (PDF wrapping undone)."""
    flat, positions = [], []
    for index, char in enumerate(text):
        if not char.isspace():
            flat.append(char)
            positions.append(index)
    flat_text = "".join(flat)
    cursor = [0]

    def locate(piece: str) -> tuple[int | None, int | None]:
        key = re.sub(r"\s+", "", piece)[:60]
        if not key:
            return None, None
        at = flat_text.find(key, cursor[0])
        if at < 0:
            at = flat_text.find(key)
        if at < 0:
            return None, None
        end_key = re.sub(r"\s+", "", piece)
        last = min(at + len(end_key), len(positions)) - 1
        cursor[0] = at + 1
        return positions[at], positions[last] + 1

    return locate


_TWO_SENTENCES = re.compile(r"[a-z]{3}[.!?]\s+[A-Z][\w]*\s+[a-z]{2,}\s+[a-z]")


def segment(text: str) -> LabelledDocument:
    blocks = split_blocks(text)
    locate = _locator(text)
    segments = []
    for index, block in enumerate(blocks):
        # A short block is one piece (a heading, a cell), unless it holds two sentences:
        # "The draft was reviewed. MT will circulate it."
        short = len(block.text) < 60 and not _TWO_SENTENCES.search(block.text)
        pieces = [REGISTER_CODE.sub("", block.text)] if short else _pieces(block)
        for piece in pieces:
            start, end = locate(piece)
            segments.append(Segment(piece, index, start, end, bullet=block.bullet))
    return LabelledDocument(text, blocks, segments)


def label_document(text: str) -> LabelledDocument:
    """Stage 1: the document's segments, each labelled by a rule of the table or the
    classifier."""
    from nethub.meetings.extract import classifier
    from nethub.meetings.extract.rules import label_segments

    document = segment(text)
    label_segments(document)
    classifier.label_rest(document)
    return document
