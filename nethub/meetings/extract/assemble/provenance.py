"""Provenance: each point and participant's rule, confidence and span in the text, and each
decision's span."""

from __future__ import annotations

import re

from nethub.meetings.extract import segments as s
from nethub.meetings.extract.result import ExtractedMeeting

# Confidence of points the structure read, by how it read them.
STRUCTURE_CONFIDENCE = {True: 0.9, False: 0.7}
REVIEW_BELOW = 0.75  # points and people under this confidence are reviewed first


def add_provenance(meeting: ExtractedMeeting, document: s.LabelledDocument) -> None:
    """Each point and person: its rule, confidence and span (found in the text when the rule
    that read it did not keep one); each decision: its span."""
    for point in meeting.action_points():
        if not point.rule:
            point.rule = "listed_point" if point.explicit else "discussion_point"
            point.confidence = STRUCTURE_CONFIDENCE[point.explicit]
        point.span = point.span or find_span(document.text, point.source_sentence or point.text)
    for item in meeting.agenda_items:
        item.decision_spans = [find_span(document.text, text) for text in item.decisions]
    for person in meeting.participants:
        person.rule = person.rule or "attendance_list"
        person.confidence = 0.9 if person.rule in ("attendance_list", "slash_row") else 0.75
        person.span = person.span or find_span(document.text, person.name)


def in_document_order(meeting: ExtractedMeeting) -> None:
    """Each agenda item's points in the order the document states them: the structure and the
    rules find them in different passes, and a reader checks them against the text top down.
    A point without a span stays after the point before it."""
    for item in meeting.agenda_items:
        keys, last = [], -1
        for point in item.action_points:
            last = point.span[0] if point.span else last
            keys.append(last)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        item.action_points = [item.action_points[i] for i in order]


def find_span(text: str, piece: str) -> list[int] | None:
    piece = piece.strip()
    if not piece:
        return None
    at = text.find(piece)
    if at >= 0:
        return [at, at + len(piece)]
    head = re.escape(piece[:40]).replace(r"\ ", r"\s+")
    match = re.search(head, text)
    return [match.start(), match.start() + len(piece)] if match else None
