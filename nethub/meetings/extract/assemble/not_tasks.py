"""Points that are no task, dropped: headings, list titles and statuses, things done, topics
proposed for the next agenda, events listed, partners' plans in an updates round, and a
task written twice kept once.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from nethub.meetings.extract import dates
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.assemble.labelled_points import LABEL_RULES, same_words
from nethub.meetings.extract.assemble.provenance import find_span
from nethub.meetings.extract.result import ExtractedActionPoint, ExtractedMeeting


def drop_headings(meeting: ExtractedMeeting) -> None:
    """Rule: a heading is no task ("Gender Task Force:", "PHRP 2010:"); nor, in a numbered
    list of action items, a title in capitals that heads the items after it ("Cluster
    Guidelines", "Lebanon Lessons Learnt") or a status ("Incorporated into minutes")."""
    for item in meeting.agenda_items:
        item.action_points = [
            p
            for p in item.action_points
            if not (p.text.rstrip().endswith(":") and len(p.text.split()) <= 6)
            and not _list_title_or_status(p.text)
            and not _done_by_then(p.text, meeting.meeting_date)
            and not _person_only(p.text)
        ]


# "Linda Hendry (Southside Community Council)": a name and what the person represents.
_AFFILIATION = re.compile(r"\s*[(\[][^()\[\]]{2,80}[)\]]\s*$|\s*[,–—-]\s*[^,–—-]{2,60}$")


def _person_only(text: str) -> bool:
    """Rule: an item that is only a person's name, with what they represent in brackets or
    after a comma or dash, is a member of a list of people, no task."""
    from nethub.meetings.extract.people.person_names import person_name

    name = _AFFILIATION.sub("", text.strip(" .;"))
    return len(name.split()) >= 2 and person_name(name) is not None


# "Presentation emailed to the participants on 26 May 2014": a thing done, with its date.
_DONE_ON = re.compile(
    r"^(?:(?!\b(?:to|will|should|must|shall|be)\b)[^.;])*?\b(?P<verb>[a-z]+ed)\s+(?:to\s+)?"
    r"(?:[^.;]{0,60}?\s)?on\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\.?$"
)


def _done_by_then(text: str, meeting_date: datetime.date | None) -> bool:
    """Rule: an item that reports a thing done on a day before the meeting or on it ("...
    Powerpoint emailed to Meeting participants on 26 May 2014") is no task."""
    match = _DONE_ON.match(text.strip())
    if match is None or meeting_date is None:
        return False
    day = dates.parse_date(match.group("date"))
    return day is not None and day <= meeting_date


# "Belinda to confirm the volunteer - done.", "Send the list (completed)": a past point's status;
# "NPC to share the targets Completed.": a follow-up table's status cell, flattened into the task.
_MARKED_DONE = re.compile(
    r"(?:(?:\s[-–—]\s*|\(\s*|:\s*)(?:done|completed|closed|achieved)\s*\)?|"
    r"\s(?-i:Completed|Done|Closed|Achieved|COMPLETED|DONE)|\.\s+done)\W*$"
    # "UNHCR to share the factsheet: Done (Available on portal)": the status cell and its
    # note, or an empty cell after it ("N/A"); not "Completed to be shared by UNFPA next week".
    r"|:\s*(?:done|completed|closed|achieved)\b\s*(?:\([^()]*\))?\s*(?:N/?A\b.*)?$",
    re.I,
)


# "a. Discussion of the reporting of violations at the next meeting (DFID)": a topic proposed.
_PROPOSED_TOPIC = re.compile(
    r"^(?:[a-z][.)]\s+)?(?:an?\s+|the\s+)?(?:discussion|review|presentation|update|briefing|"
    r"debate|consideration)\s+(?:of|on|about)\b",
    re.I,
)
_PROPOSALS_LABEL = re.compile(
    r"\b(?:proposed\s+agenda\s+items?|agenda\s+items?\s+for\s+(?:the\s+)?next|"
    r"(?:items?|topics?)\s+for\s+(?:the\s+)?next\s+(?:meeting|agenda))\b[^\n]*\n",
    re.I,
)


# "HC, WFP and the Minister meeting on 28 May on refugees": an event listed, no work in it.
_LISTED_EVENT = re.compile(r"\b(?:meeting|workshop|mission|visit)\s+(?:on|in)\s+\d", re.I)
_WORK_WORDS = re.compile(
    r"\bto\s+[a-z]{3,}\b|\b(?:[Ww]ill|[Ss]hall|[Ss]hould|[Mm]ust|[Nn]eeds?\s+to|requested)\b"
)


def _listed_event(text: str) -> bool:
    text = text.strip()
    return bool(
        _LISTED_EVENT.search(text)
        and not _WORK_WORDS.search(text)
        and not actions_imperative(text.split()[0])
    )


def drop_agenda_proposals(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: under "Proposed agenda items for next meeting:", an item naming a topic ("a.
    Discussion of ...", "b. A review of how ...") proposes an agenda item; it is no task. Nor
    is an event listed with its day and no work in it ("HC and WFP meeting on 28 May")."""
    labels = [m.end() for m in _PROPOSALS_LABEL.finditer(text)]
    for item in meeting.agenda_items:
        item.action_points = [p for p in item.action_points if not _listed_event(p.text)]
    if not labels:
        return
    for item in meeting.agenda_items:
        item.action_points = [
            p
            for p in item.action_points
            if not (
                p.span
                and _PROPOSED_TOPIC.match(p.text.strip())
                and any(0 <= p.span[0] - end < 600 for end in labels)
            )
        ]


def drop_marked_done(meeting: ExtractedMeeting) -> None:
    """Rule: an item a review of past action points marks done is no task (one marked rolled
    over, "(RO)", or pending stays)."""
    for item in meeting.agenda_items:
        item.action_points = [
            # "... on website. ⓓⓞⓝⓔ": a status in circled letters reads as their plain ones.
            p
            for p in item.action_points
            if not _MARKED_DONE.search(unicodedata.normalize("NFKC", p.text))
        ]


_SMALL = frozenset(["of", "and", "the", "on", "for", "in", "to", "&", "–", "-", "a"])
_STATUS = re.compile(r"^(?:incorporated|done|completed|closed|ongoing|pending)\b", re.I)


# "Actions: Responsible/None", "Action point / Focal point / Deadline": a table's column labels.
_COLUMN_WORDS = frozenset(
    [
        "responsible",
        "none",
        "owner",
        "owners",
        "status",
        "deadline",
        "deadlines",
        "timeline",
        "timeframe",
        "due",
        "date",
        "by",
        "whom",
        "when",
        "focal",
        "point",
        "points",
        "lead",
        "agency",
        "person",
        "organisation",
        "organization",
        "comments",
    ]
)


def _list_title_or_status(text: str) -> bool:
    words = text.strip().rstrip(".").split()
    if not words or len(words) > 8:
        return False
    if all(w in _COLUMN_WORDS for w in re.findall(r"[a-z]+", text.lower())):
        return True
    if _STATUS.match(text.strip()):
        return len(words) <= 4
    if re.match(r"^(?:[A-Z][\w-]*\s+){0,5}to\s", text) or actions_imperative(words[0]):
        return False
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def actions_imperative(word: str) -> bool:
    from nethub.meetings.extract.rules.actions.section import IMPERATIVE

    return bool(IMPERATIVE.match(f"{word} x"))


# "Update from partners", "Partners' updates", "Agency updates": a round in which each agency
# reports its own work.
_UPDATES = re.compile(
    r"^(?:\d+\.?\s*)?(?:updates?\s+from\s+(?:the\s+)?(?:partners|agencies|members|sectors)|"
    r"(?:partners?|agency|agencies|members?)['’]?\s+updates?)\b",
    re.I,
)
_TOPIC = re.compile(
    r"^(?!no\s+updates?\b)[A-Z][\w/&-]*(?:\s+(?:[A-Z(][\w/&()-]*|of|and|the|on|for|in|to)\)?)+$",
    re.I,
)
# Rules that read the work the meeting gave, however it reports it.
_GIVEN = frozenset([*LABEL_RULES, "owner_to_verb", "for_owner_label", "asked_to"])


def _update_rounds(document: s.LabelledDocument) -> list[tuple[int, int]]:
    """Spans of the text under an updates heading, up to the next heading that names a topic
    ("Flood Update (South Zone)"; an agency's name or "No update" does not end the round)."""
    rounds, start = [], None
    for seg in document.segments:
        if seg.start is None:
            continue
        if _UPDATES.match(seg.text.strip()):
            start = seg.end
        elif start is not None and seg.label == s.HEADING and _TOPIC.match(seg.text.strip()):
            rounds.append((start, seg.start))
            start = None
    if start is not None:
        rounds.append((start, len(document.text)))
    return rounds


def drop_partner_plans(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: in a round of partners' updates, what an agency says it will do ("Items will be
    dispatched on 18 Nov", "distribution will be made next week") reports its plans; only a
    point the minutes label or give ("Action point: IOM to share the report") is a task."""
    rounds = _update_rounds(document)
    if not rounds:
        return
    for item in meeting.agenda_items:
        item.action_points = [
            p
            for p in item.action_points
            if p.explicit
            or p.rule in _GIVEN
            or not any(a <= _start(p, document) < b for a, b in rounds)
        ]


def _start(point: ExtractedActionPoint, document: s.LabelledDocument) -> int:
    span = point.span or find_span(document.text, point.source_sentence or point.text)
    return span[0] if span else -1


def drop_restatements(meeting: ExtractedMeeting) -> None:
    """Rule: the same task written twice, a bullet and its "Action Point:" restatement
    ("Members to review ToR by Tue 5 July" / "Action Point: Members to review ToR and submit
    inputs/comments by Tue 5 July"), is one point: the labelled wording, the owner and due
    date of either."""
    points = meeting.action_points()
    dropped = set()
    for point in points:
        for other in points:
            if other is point or id(other) in dropped or id(point) in dropped:
                continue
            if not (point.explicit and not other.explicit and same_words(point.text, other.text)):
                continue
            point.owner = point.owner or other.owner
            point.due_date = point.due_date or other.due_date
            dropped.add(id(other))
    for item in meeting.agenda_items:
        item.action_points = [p for p in item.action_points if id(p) not in dropped]


# "He will continue to be our auditor", "They will serve for an initial term of three
# years", "Marian Turk will again join us as cantor": a role held, not work to do.
_ROLE_HELD = re.compile(
    r"\b(?:will|shall)\s+(?:again\s+|also\s+)?(?:continue\s+to\s+be|continue\s+as|remain|serve\s+"
    r"(?:as|for|on)|join\s+us\s+as|be\s+(?:our|the\s+new|the\s+next))\b",
    re.I,
)


def drop_roles_held(meeting: ExtractedMeeting) -> None:
    """Rule: a sentence that says who holds a role from now on gives no task, whichever rule
    read it, unless the minutes list it as an action point."""
    for item in meeting.agenda_items:
        item.action_points = [
            p for p in item.action_points if p.explicit or not _ROLE_HELD.search(p.text)
        ]
