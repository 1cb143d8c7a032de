"""Rules for action points a label announces: action headings, "Action point:" inline or
bare, an owner in the label or before a colon, checklist items.
"""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.labels import ACTION_HEADING_LINE, ACTION_OWNER_LABEL, NEXT_REPORT
from nethub.meetings.extract.rules.actions.vocabulary import (
    OWNER_TO,
    OWNER_WILL,
    claim,
    clean_owner,
    plausible_owner,
)

# Rules of this module that read a point from its label ("Action point: ...", "Action item
# (staff): ...", "AI:", "Action JH"): the label vouches for the point and gives its task.
LABEL_RULES = (
    "inline_action_label",
    "action_label_with_owner",
    "short_action_label",
    "action_marker_names_owner",
)

_INLINE = re.compile(
    r"(?:^|[.;]\s+|\s)(?:>>\s*)?(?:key\s+)?(?:action\s+p(?:oi|io)nts?\s*(?:[:;]|[–—]\s?|\s-\s?(?=[A-Z]))|"
    r"(?:action|next\s+steps?)(?:\s*\((?:ongoing|new|open|pending)\))?\s*:"
    # "ACTION Ana to put the draft ...", "ACTION @ana.lind to ...": the marker, then the task.
    r"|(?-i:ACTION)\s+(?=@?[\w.-]+\s+to\s+[a-z]))\s*(?P<task>\S.*)$",
    re.I,
)
# "... Action Point/Suggestion First item to be deleted ...", "Proposed action Each agency
# must fill in the matrix": a label without its colon (a flattened action column), taken only
# when a task follows it.
_BARE_LABEL = re.compile(
    r"(?:^|\s)(?:proposed\s+action|action\s+points?\s*/\s*suggestions?|action\s+points?"
    r"(?:\s+(?:update|status|follow[- ]?up|responsible|deadline|timeline|owner)[/\s-]*)+)"
    r"\s+(?P<task>[A-Z]\S.*)$",
    re.I,
)
_TASK_WORDING = re.compile(
    r"\bto\s+be\s+\w+ed\b|^(?:(?:[A-Z][\w/&.-]*|and|&)\s+){1,6}to\s+[a-z]{3,}\b|"
    r"\b(?:must|shall|will|should)\s+(?:be\s+)?\w+"
)
# "review of last meeting action points: ...": a label of past points, not one.
_PAST_POINTS = re.compile(
    r"\b(?:review\w*|follow[- ]?up\s+on|previous|last\s+meeting)\b[^.]{0,30}$", re.I
)
_TRAILING = re.compile(r"^(?P<task>.+?)\s*>>\s*ACTION\b", re.I)


def task_after_label(text: str) -> str:
    """The task of a line its label announces ("Action point: UNHCR to ...", "... >> ACTION"),
    else the line as it is."""
    found = _INLINE.search(text) or _TRAILING.search(text)
    return found.group("task").strip() if found else text.strip()


_FOLLOWING = re.compile(r"\bthe\s+following\s+(?:action\s+points|actions|tasks)\b", re.I)
_DONE = re.compile(r"^\W*(?:\w+\s+){0,3}(?:completed|closed|done|achieved)\b", re.I)


# "Summary of Action Points Item 1. 2. 3.": a heading, then the numbers of a flattened column.
_SUMMARY_OF = re.compile(r"^(?:summary|list|table)\s+of\s+(?:the\s+)?(?=action|follow)", re.I)
_COLUMN_TAIL = re.compile(
    r"(?:(?:\s+(?:items?|no\.?|#)(?:\s+\d{1,2}\.?)+)"
    # "Summary of Action Points Action point": the heading, then its table's first column.
    r"|(?<=s)\s+(?:action\s+points?|actions?))\s*$",
    re.I,
)
# "1. Summary of Action Points": a numbered heading.
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


def action_section_heading(seg, context):
    """ "Action points:", "Follow-up action and Responsibility:", "Next Steps – After Fall
    Forum", "Decisions and Actions:": what follows is action points. So is what follows a
    sentence announcing them ("... and the following action points have been passed to this
    meeting.")."""
    heading = _COLUMN_TAIL.sub("", _SUMMARY_OF.sub("", _NUMBERED.sub("", seg.text.strip())))
    if len(heading.split()) <= 8 and ACTION_HEADING_LINE.match(heading):
        return claim(s.HEADING, 0.9, opens_actions=True)
    following = _FOLLOWING.search(seg.text)
    if following and not _DONE.search(seg.text[following.end() :]):
        return claim(s.OTHER, 0.8, opens_actions=True)
    return None


_STATUSES = frozenset(["ongoing", "new", "open", "pending"])
_OWNER_IN_LABEL = re.compile(rf"(?:^|[.;]\s+|\s){ACTION_OWNER_LABEL}\s*(?P<task>\S.*)$", re.I)


def action_label_with_owner(seg, context):
    """ "Action item (staff): publish the schedule", "Action (Alan): provide the text", "Action
    point for Thomas: reach out to ...": the label names the owner in brackets or after "for"
    (a status there, "(ongoing)", or "for discussion", is no owner)."""
    match = _OWNER_IN_LABEL.search(seg.text)
    who = match and (match.group("who") or match.group("for_who")).strip()
    if not who or who.lower() in _STATUSES or who.lower() in _NOT_FOR_OWNER:
        return None
    task = match.group("task").strip()
    if len(task.split()) < 2:
        return None
    return claim(s.ACTION, 0.95, task=task, owner=who, opens_actions=True)


def inline_action_label(seg, context):
    """ "Action Points: WHO to share DEWS report regularly.", "ACTION (ongoing): Veronika to
    clarify ...", "... Action point; GTF to design ...", "Share the draft >> ACTION"."""
    match = _INLINE.search(seg.text)
    if match and _PAST_POINTS.search(seg.text[: match.start("task")].rsplit(":", 1)[0]):
        match = None
    if match and len(match.group("task").split()) >= 2:
        task = NEXT_REPORT.split(match.group("task").strip(), maxsplit=1)[0]
        owner = OWNER_TO.match(task) or OWNER_WILL.match(task)
        return claim(
            s.ACTION,
            0.95,
            task=task,
            owner=clean_owner(owner.group("owner")) if owner else None,
            opens_actions=True,
        )
    trailing = _TRAILING.match(seg.text)
    if trailing:
        return claim(s.ACTION, 0.9, task=trailing.group("task"))
    return _bare_label(seg.text)


def _bare_label(text: str):
    bare = _BARE_LABEL.search(text)
    if bare is None or not _TASK_WORDING.search(bare.group("task")):
        return None
    task = bare.group("task").strip()
    owner = OWNER_TO.match(task) or OWNER_WILL.match(task)
    return claim(
        s.ACTION, 0.85, task=task, owner=clean_owner(owner.group("owner")) if owner else None
    )


_FOR_OWNER = re.compile(
    r"^(?:\[[ xX]?\]\s*)?For\s+(?P<owner>[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,3})\s*:\s*"
    r"(?P<task>\S.{5,})$"
)


_NOT_FOR_OWNER = frozenset(["information", "example", "instance", "reference", "discussion"])


def for_owner_label(seg, context):
    """A checklist item naming its owner: "[ ] For Lena: Draft the outline.", "For the
    Secretariat: circulate the note" (a "[x]" box ticked or not, the item is the task)."""
    match = _FOR_OWNER.match(seg.text.strip())
    if match is None or match.group("owner").lower() in _NOT_FOR_OWNER:
        return None
    return claim(s.ACTION, 0.85, task=match.group("task").strip(), owner=match.group("owner"))


# "[ ] Hwang: To use the guidelines", "Hwang/Douglas: rename the group", "Silona - to complete
# the plan": an item led by its owner and a colon or a dash.
_OWNER_LABEL = re.compile(
    r"^(?:\[[ xX]?\]\s*)?(?P<owner>[A-Z][\w&.’'-]*(?:\s*/\s*[A-Z][\w&.’'-]*)*)"
    r"\s*(?::|\s[-–—])\s*(?P<task>\S.{5,})$"
)
_TASK_START = re.compile(r"^(?:to|will|shall|should|must)\s+[a-z]{3,}", re.I)


def owner_label(seg, context):
    """A checklist item or an item of an action section led by its owner ("[ ] Hwang: To use
    the guidelines", "Hwang - to set up a session"): the owner is each name before the colon
    or dash (a person the minutes name in full, a body, an acronym). Outside a checklist the
    task must read as one ("to ...", "will ..."): "Agenda: review" is no owner."""
    text = seg.text.strip()
    match = _OWNER_LABEL.match(text)
    if match is None:
        return None
    boxed = text.startswith("[")
    task = match.group("task").strip()
    if not boxed and not (context.action_section and _TASK_START.match(task)):
        return None
    owner = match.group("owner")
    parts = re.split(r"\s*/\s*", owner)
    if not all(plausible_owner(part, context.document.text) for part in parts):
        return None
    return claim(s.ACTION, 0.85, task=task, owner=owner)


# "AI: Everyone - work on team goals", "AI Phil - follow up with Nikita", "**TODO**: Patrick
# will ...", "#action Didier to ...": the short labels of action items in project and chat
# minutes (case counts: "AI tools were discussed" is no label).
_SHORT_LABEL = re.compile(
    r"^(?:\*\*)?(?:AI|TODO|#action|#ACTION)(?:\*\*)?"
    r"(?:\s*:\s*|\s+(?=[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*[-–—]+\s*\w)|\s+(?=\w+\s+(?:to|will)\s))"
    r"(?P<task>\S.*)$"
)
# "Phil - follow up with Nikita": the owner before a dash.
_OWNER_DASH = re.compile(r"^(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*[-–—]+\s*(?P<task>\w.*)$")


def short_action_label(seg, context):
    """ "AI: Everyone - work on team goals", "AI Phil - follow up with Nikita", "TODO:",
    "#action": an action item's short label; the owner before a dash, or leading the task."""
    match = _SHORT_LABEL.match(seg.text.strip())
    if match is None or len(match.group("task").split()) < 2:
        return None
    task = match.group("task").strip()
    dash = _OWNER_DASH.match(task)
    if dash:
        return claim(s.ACTION, 0.9, task=dash.group("task"), owner=dash.group("who"))
    owner = OWNER_TO.match(task) or OWNER_WILL.match(task)
    return claim(
        s.ACTION, 0.9, task=task, owner=clean_owner(owner.group("owner")) if owner else None
    )


# Who an "Action" marker names: initials, names, a role, several joined ("JOHN/DODIE",
# "ST & SW", "Greg", "All").
_MARKED = (
    r"(?:[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][a-z.'’-]+)?(?:\s*(?:/|&|,|and)\s*[A-Z][A-Za-z.'’-]*){0,4})"
)
# "ACTION JOHN/DODIE: arrange the date": the marker and its people lead the task.
_MARKER_LEADS = re.compile(rf"^ACTION\s+(?P<who>{_MARKED})\s*:\s*(?P<task>\S.{{5,}})$")
# "... Action JH", "... Action – Greg", "... (Action: ST & SW)": the marker closes the task,
# or stands alone after it.
_MARKER_CLOSES = re.compile(
    rf"^(?:(?P<task>.*?[.;!?])\s+|(?P<bracketed>.*?)\s*\(\s*)?(?:Action|ACTION)\s*(?:[:–—-]+\s*)?"
    rf"(?P<who>{_MARKED})\s*\)?\.?\s*$"
)


def action_marker_names_owner(seg, context):
    """ "ACTION JOHN/DODIE: arrange ...", "The bins need emptying. Action – Greg", "Ask the
    council (Action: JH)": an "Action" marker that names who; the task is what it leads, what
    it closes, or, for a marker alone, the segment before it (whose span the point takes)."""
    text = seg.text.strip()
    leads = _MARKER_LEADS.match(text)
    match = leads or _MARKER_CLOSES.match(text)
    if match is None or not _names_someone(match.group("who")):
        return None
    # The marker leading stays with its task, as minutes' readers quote it.
    task = text if leads else (match.group("task") or match.group("bracketed") or "")
    task = task.strip(" .;,–—-")
    previous = context.previous
    if not task and previous is not None and previous.start is not None and seg.end is not None:
        task = previous.text.strip()
        seg.start = previous.start  # the point spans its task and its marker
    if len(task.split()) < 2:
        return None
    return claim(s.ACTION, 0.9, task=task, owner=match.group("who").strip())


# What follows "Action" that is no one: the label's own words ("ACTION PIONT:", misspelt too).
_NO_ONE = frozenset(
    ["point", "points", "piont", "pionts", "item", "items", "plan", "taken", "required", "log"]
    + ["update", "updates", "status", "list", "summary", "by", "owner", "needed"]
)


def _names_someone(who: str) -> bool:
    words = re.findall(r"[\w.'’-]+", who)
    return bool(words) and words[0].lower() not in _NO_ONE and len(words) <= 6
