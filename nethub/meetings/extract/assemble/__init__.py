"""Stage 2 of extraction: the meeting, assembled from the labelled segments.

`extract_meeting(text)` labels the document (stage 1, `segments.label_document`), then:
1. the structure: header, agenda items with their discussion, decisions and the points listed
   under them (`pipeline.assemble_structure`, which reads the blocks' layout);
2. dates: the meeting's first and last day (`dates.meeting_dates`);
3. participants: the layouts of `people` and people named in prose, merged with those the
   structure read;
4. action points: every segment labelled an action point that no point already holds joins the
   agenda item it stands under, with its owner (resolved by the directory's resolver when it
   can be, else as written) and due date (`dates.due_date`) (`labelled_points`); points that
   are no task are dropped (`not_tasks`) and missing due dates completed (`due_dates`);
5. provenance: each point and participant keeps its rule, a confidence and its span, and each
   agenda item's points are put in the document's order (`provenance`).
Nothing is saved; odd input never raises (what cannot be found is left empty and named in
`warnings`).
"""

from __future__ import annotations

import datetime
import re

from nethub.meetings.extract import dates, people, splits
from nethub.meetings.extract import segments as s
from nethub.meetings.extract.assemble.due_dates import (
    bare_date_dues,
    date_on_next_line,
    drop_implausible_dues,
    event_before_dues,
    labelled_deadline_after,
    next_meeting_dues,
    own_words_dues,
)
from nethub.meetings.extract.assemble.labelled_points import (
    add_labelled_points,
    item_at,
    resolved_owner,
)
from nethub.meetings.extract.assemble.not_tasks import (
    drop_agenda_proposals,
    drop_headings,
    drop_marked_done,
    drop_partner_plans,
    drop_restatements,
    drop_roles_held,
)
from nethub.meetings.extract.assemble.provenance import add_provenance, in_document_order
from nethub.meetings.extract.blocks import LIST_MARKER
from nethub.meetings.extract.people import learned as learned_people
from nethub.meetings.extract.people.person_names import person_key
from nethub.meetings.extract.result import (
    ExtractedActionPoint,
    ExtractedMeeting,
    ExtractedParticipant,
)
from nethub.meetings.extract.rules.actions.labelled import task_after_label

# The rule an action point read from text chosen by a person (in the import review) names.
CHOSEN = "chosen_in_the_review"


def read_attendance(text: str, *, resolver=None) -> list[ExtractedParticipant]:
    """The people of an attendance list pasted on its own ("Ana Lind, UNHCR", "Ben Ray (WHO)",
    one a line or separated by commas), read by the same readers as the minutes' attendance."""
    return extract_meeting(f"Participants:\n{text.strip()}\n", resolver=resolver).participants


def read_task(
    text: str, *, meeting_date: datetime.date | None, resolver=None
) -> ExtractedActionPoint:
    """A task a person chose in the document's text (the import review's "Add as action
    point"): its label and list marker left out, its owner and due date read by the
    extractor's own readers, against the meeting's date."""
    if resolver is None:
        from nethub.directory.selectors import OrganizationResolver

        resolver = OrganizationResolver.default()
    task = task_after_label(LIST_MARKER.sub("", " ".join(text.split()), count=1))
    due, words = dates.due_date(task, meeting_date)
    return ExtractedActionPoint(
        text=task,
        owner=resolved_owner(None, task, resolver),
        due_date=due,
        deadline_text=words,
        source_sentence=text.strip(),
        rule=CHOSEN,
    )


def extract_meeting(text: str, *, resolver=None) -> ExtractedMeeting:
    from nethub.meetings.extract.columns import (
        fill_from_columns,
        fill_from_gapped_rows,
        owner_cell_after,
    )
    from nethub.meetings.extract.pipeline import assemble_structure

    if resolver is None:
        from nethub.directory.selectors import OrganizationResolver

        resolver = OrganizationResolver.default()
    text = _without_markup(text)
    document = s.label_document(text)
    meeting = assemble_structure(document.blocks, resolver)
    read_against = meeting.meeting_date
    _dates(meeting, document)
    _series(meeting, text)
    _participants(meeting, document, resolver)
    drop_headings(meeting)
    add_labelled_points(meeting, document, resolver)
    splits.status_rows(meeting, document.text)
    drop_marked_done(meeting)
    drop_partner_plans(meeting, document)
    drop_restatements(meeting)
    drop_roles_held(meeting)
    splits.items_run_together(meeting, document.text)
    splits.several_tasks(meeting, document.text)
    splits.task_keeps_topic(meeting, document.text)
    _members_outside_the_network(meeting, text)
    own_words_dues(meeting, reread=meeting.meeting_date != read_against)
    drop_implausible_dues(meeting)
    next_meeting_dues(meeting, document)
    date_on_next_line(meeting, document)
    labelled_deadline_after(meeting, document)
    bare_date_dues(meeting)
    event_before_dues(meeting, text)
    add_provenance(meeting, document)
    drop_agenda_proposals(meeting, text)
    fill_from_columns(meeting, text)
    owner_cell_after(meeting, text)
    fill_from_gapped_rows(meeting, document.text, lambda point: item_at(meeting, document, point))
    in_document_order(meeting)
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
    if first is None and meeting.date in dates.rejected_dates(document.text[:1500]):
        meeting.date = None  # the header's date was another's (approved minutes, next meeting)
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
    meeting.participants = learned_people.adjust(
        meeting.participants, meeting.mentioned, document.text, resolver
    )
    absent = people.marked_absent(document.text)
    meeting.participants = [p for p in meeting.participants if person_key(p.name) not in absent]
    attending = {person_key(p.name) for p in meeting.participants}
    meeting.mentioned = [p for p in meeting.mentioned if person_key(p.name) not in attending]
    dropped = [p.name for p in before if p not in meeting.participants]
    meeting.organizations = [name for name in dropped if resolver.resolve_in(name) is not None]
    if meeting.participants:
        meeting.warnings = [w for w in meeting.warnings if w != "No participants list found."]


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
