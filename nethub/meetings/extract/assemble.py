"""Stage 2 of extraction: the meeting, assembled from the labelled segments.

`extract_meeting(text)` labels the document (stage 1, `segments.label_document`), then:
1. the structure: header, agenda items with their discussion, decisions and the points listed
   under them (`pipeline.assemble_structure`, which reads the blocks' layout);
2. dates: the meeting's first and last day (`dates.meeting_dates`);
3. participants: the layouts of `people` and people named in prose, merged with those the
   structure read;
4. action points: every segment labelled an action point that no point already holds joins the
   agenda item it stands under, with its owner (resolved by the directory's resolver when it
   can be, else as written) and due date (`dates.due_date`);
5. provenance: each point and participant keeps its rule, a confidence and its span.
Nothing is saved; odd input never raises (what cannot be found is left empty and named in
`warnings`).
"""

from __future__ import annotations

import datetime
import re

from nethub.meetings.extract import dates, people, splits
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.actions import _several, owner_of, split_sentences
from nethub.meetings.extract.header import MONTHS
from nethub.meetings.extract.names import body_name
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedAgendaItem,
    ExtractedMeeting,
)

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
# Rules that read a point from its label ("Action point: ...", "Action item (staff): ...").
_LABEL_RULES = ("inline_action_label", "action_label_with_owner")
# Confidence of points the structure read, by how it read them.
STRUCTURE_CONFIDENCE = {True: 0.9, False: 0.7}
REVIEW_BELOW = 0.75  # points and people under this confidence are reviewed first


def extract_meeting(text: str, *, resolver=None) -> ExtractedMeeting:
    from nethub.meetings.extract.columns import fill_from_columns, fill_from_gapped_rows
    from nethub.meetings.extract.pipeline import assemble_structure

    if resolver is None:
        from nethub.directory.selectors import OrganizationResolver

        resolver = OrganizationResolver.default()
    text = _without_markup(text)
    document = s.label_document(text)
    meeting = assemble_structure(document.blocks, resolver)
    _dates(meeting, document)
    _series(meeting, text)
    _participants(meeting, document, resolver)
    _drop_headings(meeting)
    _actions(meeting, document, resolver)
    _drop_marked_done(meeting)
    _drop_partner_plans(meeting, document)
    _drop_restatements(meeting)
    splits.several_tasks(meeting, document.text)
    splits.task_keeps_topic(meeting, document.text)
    _members_outside_the_network(meeting, text)
    _check_dates(meeting)
    _next_meeting_dues(meeting, document)
    _date_on_next_line(meeting, document)
    _event_before_dues(meeting, text)
    _provenance(meeting, document)
    _drop_agenda_proposals(meeting, text)
    fill_from_columns(meeting, text)
    fill_from_gapped_rows(meeting, document.text, lambda point: _item_at(meeting, document, point))
    return meeting


_TAG = re.compile(r"</?(?:p|br|td|th|tr|li|ul|ol|div|table|thead|tbody|h[1-6])\b[^<>]{0,80}>", re.I)


def _without_markup(text: str) -> str:
    """Rule: a text that keeps its HTML table or paragraph tags ("...</p><p>Silona will ...")
    is read with each tag as a line break, of the tag's length (offsets stay those of the text);
    a tag or two in running text are left alone."""
    if len(_TAG.findall(text)) < 5:
        return text
    return _TAG.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)


def _dates(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    first, last = dates.meeting_dates(document.text[:1500])
    if first is None and meeting.date in dates.approved_minutes_dates(document.text[:1500]):
        meeting.date = None  # the header's date was that of minutes the meeting approves
    if first is not None:
        meeting.date = first.isoformat()
        meeting.warnings = [w for w in meeting.warnings if w != "No meeting date found."]
    meeting.end_date = last.isoformat() if last else None


def _series(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: the network's series only when the document names the network or its Executive
    Committee; "Principals" alone (IASC Principals) is no Executive Committee meeting."""
    if "Executive Committee" in meeting.series and not re.search(
        r"\bExecutive Committee\b|\bEC\b|Network on Migration|\bUNNM\b", text
    ):
        meeting.series = "Meeting"


def _participants(meeting: ExtractedMeeting, document: s.LabelledDocument, resolver) -> None:
    found = people.find_people(document, resolver)
    before = list(meeting.participants)
    meeting.participants, meeting.mentioned = people.merge(meeting.participants, found)
    dropped = [p.name for p in before if p not in meeting.participants]
    meeting.organizations = [name for name in dropped if resolver.resolve_in(name) is not None]
    if meeting.participants:
        meeting.warnings = [w for w in meeting.warnings if w != "No participants list found."]


def _drop_headings(meeting: ExtractedMeeting) -> None:
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
        ]


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


# "Belinda to confirm the volunteer - done.", "Send the list (completed)": a past point's status.
_MARKED_DONE = re.compile(
    r"(?:\s[-–—]\s*|\(\s*|:\s*)(?:done|completed|closed|achieved)\s*\)?\W*$", re.I
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


def _drop_agenda_proposals(meeting: ExtractedMeeting, text: str) -> None:
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


def _drop_marked_done(meeting: ExtractedMeeting) -> None:
    """Rule: an item a review of past action points marks done is no task (one marked rolled
    over, "(RO)", or pending stays)."""
    for item in meeting.agenda_items:
        item.action_points = [p for p in item.action_points if not _MARKED_DONE.search(p.text)]


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
    from nethub.meetings.extract.rules.actions import _IMPERATIVE

    return bool(_IMPERATIVE.match(f"{word} x"))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _same_words(one: str, other: str) -> bool:
    a, b = _words(one), _words(other)
    return bool(a and b) and len(a & b) >= 0.8 * max(len(a), len(b))


def _covered(task: str, points: list[ExtractedActionPoint]) -> ExtractedActionPoint | None:
    """The point that already holds most of this task's words."""
    words = _words(task)
    for point in points:
        other = _words(point.text)
        if words and other and len(words & other) / len(words) >= 0.6:
            return point
    return None


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
    return seg.text if seg.rule not in _LABEL_RULES else seg.data.get("task") or seg.text


def _pairs(items: list) -> list[tuple]:
    return [(a, b) for a in items for b in items if a is not b]


def _flat(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _restated(point: ExtractedActionPoint, points: list[ExtractedActionPoint]):
    """The point this one restates, by the structure's rules (same owner and task words, or
    the same deadline and a word of the task)."""
    from nethub.meetings.extract.pipeline import _restates, _same_point

    point.explicit = False
    return next((p for p in points if _same_point(point, p) or _restates(point, p)), None)


def _actions(meeting: ExtractedMeeting, document: s.LabelledDocument, resolver) -> None:
    _split_joined(meeting, document, resolver)
    points = meeting.action_points()
    meeting_date = meeting.meeting_date
    for seg in document.labelled(s.ACTION):
        task = seg.data.get("task") or seg.text
        point = _point(seg, task, meeting_date, resolver)
        labelled = point.explicit and seg.rule in _LABEL_RULES
        twin = _covered(task, points) or _restated(point, points)
        if twin is not None and _halves_of_one_sentence(twin, seg):
            twin = None
        if twin is not None and labelled and twin.rule in _UNLABELLED:
            _take_label(twin, point)
            continue
        if twin is not None:  # the structure's point keeps its own rule and confidence
            twin.span = twin.span or seg.span
            sentence = twin.source_sentence or twin.text
            if _same_words(task, sentence) or _words(task) <= _words(sentence):
                # The same sentence (or the rule's reading of part of it, a leading "By
                # Tuesday," aside): what the rule read completes what the structure read.
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
_UNLABELLED = frozenset(["will_task", "passive_future_task", "pronoun_will_task", "needs_doing"])


def _halves_of_one_sentence(twin: ExtractedActionPoint, seg: s.Segment) -> bool:
    """Rule: two tasks the segmenter cut from one sentence ("To include OCHA in the group and
    the group has to meet ...") are two points, however many words they share."""
    if not (twin.rule and twin.span and seg.span):
        return False
    first, second = sorted([twin.span, seg.span])
    return 0 <= second[0] - first[1] <= 5


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
    return ExtractedActionPoint(
        text=task.strip(),
        owner=_owner(seg.data.get("owner"), task, resolver),
        due_date=due,
        deadline_text=words,
        source_sentence=seg.text,
        explicit=seg.rule in (*_LABEL_RULES, "imperative_in_action_section"),
        rule=seg.rule,
        confidence=seg.confidence,
        span=seg.span,
    )


def _owner(written: str | None, task: str, resolver) -> str | None:
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


def _item_at(meeting: ExtractedMeeting, document: s.LabelledDocument, point):
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


def _check_dates(meeting: ExtractedMeeting) -> None:
    for point in meeting.action_points():
        if dates.implausible(point.due_date, meeting.meeting_date, point.source_sentence):
            point.due_date, point.deadline_text = None, ""


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
_GIVEN = frozenset([*_LABEL_RULES, "owner_to_verb", "for_owner_label", "asked_to"])


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


def _drop_partner_plans(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
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
    span = point.span or _find(document.text, point.source_sentence or point.text)
    return span[0] if span else -1


_BY_NEXT = re.compile(
    r"\b(?:at|by|before|for|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:the\s+)?next\s+"
    r"(?:[A-Za-z/-]+\s+){0,2}?(?:meeting|working\s+group|call)\b",
    re.I,
)


def _next_meeting_dues(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: "by the next meeting" is due on the next meeting's date when the minutes state it
    ("Next meeting: 14 July 2016"); otherwise it stays without a date."""
    undated = [
        p
        for p in meeting.action_points()
        if p.due_date is None and _BY_NEXT.search(p.source_sentence or p.text)
    ]
    if not undated:
        return
    found = dates.next_meeting_date(document.text, meeting.meeting_date)
    for point in undated:
        if found is not None:
            point.due_date = found.isoformat()
            point.deadline_text = _BY_NEXT.search(point.source_sentence or point.text).group(0)


# "Date: 20/3/21", "Due - 27 March", "by Friday 5 May" or a date alone: a line that only dates.
_DATE_LINE = re.compile(
    r"^[\s\-–•*]*(?:(?:due(?:\s+date)?|date|by|deadline|when|target(?:\s+date)?)\s*[:\-–]?\s*)?"
    r"(?P<date>[^\n]{3,40}?)[\s.]*$",
    re.I,
)


def _date_on_next_line(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Rule: an item with no deadline of its own whose next line holds only a date ("- Bob to
    repair the door" / "  Date: 20/3/21") is due on that date."""
    for point in meeting.action_points():
        if point.due_date or not point.span:
            continue
        end = document.text.find("\n", point.span[1])
        if end < 0 or document.text[point.span[1] : end].strip(" .;"):
            continue  # the item goes on: its line's next one is no line of its own
        line = document.text[end + 1 :].split("\n", 1)[0]
        match = _DATE_LINE.match(line)
        if match is None:
            continue
        written = f"by {match.group('date').strip()}"
        due, words = dates.due_date(written, meeting.meeting_date)
        # The whole line is the deadline (figures may come back repaired: "21" -> "2021").
        letters = [set(re.findall(r"[a-z]+", x.lower())) for x in (written, words)]
        if due and words.lower().startswith("by ") and letters[0] <= letters[1]:
            point.due_date, point.deadline_text = due, line.strip()


# "On Tuesday 19th November there is a provincial meeting. The coordinator will represent
# the cluster.": a task at an event the sentence before announces with its day.
_AT_EVENT = re.compile(
    r"\b(?:represent|attend|participate|present|speak|join)\b(?!.*\b(?:by|before|until)\b)", re.I
)
_EVENT_WORD = re.compile(
    r"\b(?:meeting|workshop|session|conference|training|event|visit|mission|forum)\b", re.I
)


def _event_before_dues(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: a point with no deadline of its own whose work is at an event (represent, attend,
    present) is due on the day of the event the sentence just before it announces."""
    for point in meeting.action_points():
        if point.due_date or not point.span or not _AT_EVENT.search(point.text):
            continue
        before = text[max(0, point.span[0] - 250) : point.span[0]]
        sentences = split_sentences(before.split("\n\n")[-1])
        if not sentences or not _EVENT_WORD.search(sentences[-1]):
            continue
        found = dates.find_deadline(f"by {_day_of(sentences[-1])}", meeting.meeting_date)
        if found and found.date and meeting.meeting_date and found.date >= meeting.meeting_date:
            point.due_date, point.deadline_text = found.date.isoformat(), sentences[-1]


def _day_of(sentence: str) -> str:
    match = re.search(
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b(?:,?\s+\d{{4}})?"
        rf"|\b(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
        sentence,
    )
    return match.group(0) if match else ""


_NETWORK = re.compile(
    r"\bExecutive Committee\b|\bEC\b|Network on Migration|\bUNNM\b|\bNetwork\b|"
    r"\bworking[- ]level\b|\bPrincipals\b"
)
_MEMBERS = re.compile(r"^(?:(?:the|all)\s+)*(?:members|entities)\b", re.I)


def _members_outside_the_network(meeting: ExtractedMeeting, text: str) -> None:
    """Rule: "Members to review the ToR" is the Executive Committee's work only in the
    network's own minutes; elsewhere the members are the meeting's, as written."""
    if _NETWORK.search(text):
        return
    for point in meeting.action_points():
        written = _MEMBERS.match(point.text)
        if point.owner == "Executive Committee" and written:
            point.owner = written.group(0)


def _drop_restatements(meeting: ExtractedMeeting) -> None:
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
            if not (point.explicit and not other.explicit and _same_words(point.text, other.text)):
                continue
            point.owner = point.owner or other.owner
            point.due_date = point.due_date or other.due_date
            dropped.add(id(other))
    for item in meeting.agenda_items:
        item.action_points = [p for p in item.action_points if id(p) not in dropped]


def _provenance(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Each point and person: its rule, confidence and span (found in the text when the rule
    that read it did not keep one)."""
    for point in meeting.action_points():
        if not point.rule:
            point.rule = "listed_point" if point.explicit else "discussion_point"
            point.confidence = STRUCTURE_CONFIDENCE[point.explicit]
        point.span = point.span or _find(document.text, point.source_sentence or point.text)
    for person in meeting.participants:
        person.rule = person.rule or "attendance_list"
        person.confidence = 0.9 if person.rule in ("attendance_list", "slash_row") else 0.75
        person.span = person.span or _find(document.text, person.name)


def _find(text: str, piece: str) -> list[int] | None:
    piece = piece.strip()
    if not piece:
        return None
    at = text.find(piece)
    if at >= 0:
        return [at, at + len(piece)]
    head = re.escape(piece[:40]).replace(r"\ ", r"\s+")
    match = re.search(head, text)
    return [match.start(), match.start() + len(piece)] if match else None
