"""Reads for meetings and the action tracker. List pages cost a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nethub.core.i18n import translated
from nethub.core.selectors import audit_history
from nethub.directory.models import Organization
from nethub.framework.models import Tagging
from nethub.meetings.extract.assemble.provenance import REVIEW_BELOW
from nethub.meetings.models import (
    ActionPoint,
    ActionPointStatus,
    AgendaItem,
    ImportOutcome,
    ImportOutcomeRule,
    ImportOutcomeSection,
    Meeting,
    OutcomeSection,
)

SORTS = {
    "due": ("due_date", "id"),
    "-due": ("-due_date", "-id"),
    "meeting": ("meeting__date", "position"),
    "-meeting": ("-meeting__date", "position"),
    "status": ("status", "due_date"),
    "owner": ("owner", "due_date"),
}
OPEN_STATUSES = (ActionPointStatus.OPEN, ActionPointStatus.IN_PROGRESS)


def meeting_list() -> QuerySet[Meeting]:
    """Every meeting, newest first (pages of it are built by `meeting_rows`)."""
    return Meeting.objects.order_by("-date", "-id")


def meeting_rows(ids: list[int]) -> QuerySet[Meeting]:
    """The meetings of one list page with their counts of action points, counted for those
    meetings only (not grouped over every meeting's points)."""
    return (
        Meeting.objects.filter(pk__in=ids)
        .select_related("series")
        .annotate(
            action_point_count=Count("action_points", distinct=True),
            open_count=Count(
                "action_points", filter=Q(action_points__status__in=OPEN_STATUSES), distinct=True
            ),
        )
        .order_by()
    )


def meeting_detail(*, pk: int) -> Meeting:
    points = ActionPoint.objects.select_related("owner_organization").order_by("position")
    return (
        Meeting.objects.select_related("series")
        .prefetch_related(
            "participants__organization",
            "background_documents",
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(
                    "decisions",
                    Prefetch("action_points", queryset=points),
                    "background_documents",
                ),
            ),
            Prefetch("reported_action_points", queryset=points.select_related("meeting")),
        )
        .get(pk=pk)
    )


def action_point_list(*, sort: str = "due") -> QuerySet[ActionPoint]:
    """Every action point with what its row shows, in one query (plus one for GCM tags)."""
    return (
        ActionPoint.objects.select_related(
            "meeting", "meeting__series", "agenda_item", "owner_organization"
        )
        .prefetch_related(Prefetch("taggings", queryset=_confirmed_taggings()))
        .order_by(*SORTS.get(sort, SORTS["due"]))
    )


def action_point_rows(*, ids: list[int]) -> QuerySet[ActionPoint]:
    """The tracker rows of the points `ids` (one page): what a row shows, and their confirmed
    GCM tags fetched for those ids only, as a list in `confirmed_taggings`. Two queries."""
    # A list attribute, not the `taggings` manager: Django builds a filtered queryset per row
    # to hold a prefetched generic relation (a third of the rows' time).
    return (
        action_point_list()
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("taggings", queryset=_confirmed_taggings(), to_attr="confirmed_taggings")
        )
        .filter(pk__in=ids)
        .order_by()
    )


def _confirmed_taggings() -> QuerySet[Tagging]:
    return Tagging.objects.filter(status=Tagging.Status.CONFIRMED).select_related("element")


def action_point_detail(*, pk: int) -> ActionPoint:
    return (
        ActionPoint.objects.select_related(
            "meeting",
            "meeting__series",
            "agenda_item",
            "owner_organization",
            "proposed_due_date_by",
        )
        .prefetch_related("reported_in")
        .get(pk=pk)
    )


def action_point_history(*, action_point: ActionPoint) -> list:
    """The point's audit events, newest first; due-date changes carry `old_date`/`new_date` as
    dates, for the page to write them in the reader's language."""
    events = list(audit_history(subject=action_point))
    for event in events:
        if event.field == "due_date":
            event.old_date = _iso_date(event.old_value)
            event.new_date = _iso_date(event.new_value)
    return events


def _iso_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def overdue_count() -> int:
    return ActionPoint.objects.filter(
        status__in=OPEN_STATUSES, due_date__lt=timezone.localdate()
    ).count()


def import_drafts_unfinished(*, limit: int = 20):
    """Imports not saved yet (being read, to check, being saved, or failed with their
    reason), newest first: the import page lists them so none is lost and no failure is
    silent. A saved import's draft is deleted."""
    from nethub.meetings.models import ImportDraft

    return ImportDraft.objects.order_by("-created_at")[:limit]


@dataclass
class OutcomeTotals:
    """Rows of one kind over the imports checked: extracted, kept (of which corrected),
    removed, and added by hand (of which from a selection in the text)."""

    extracted: int = 0
    kept: int = 0
    corrected: int = 0
    removed: int = 0
    added: int = 0
    from_text: int = 0

    @property
    def kept_percent(self) -> int | None:
        """The share of extracted rows the check kept (the extraction's precision)."""
        return _percent(self.kept, self.extracted)

    @property
    def found_percent(self) -> int | None:
        """The share of the rows saved that the extraction had found (its recall)."""
        return _percent(self.kept, self.kept + self.added)


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def import_outcome_totals() -> dict:
    """What the secretariat's checks changed of the extractions, over every import checked:
    each kind of row's totals, and for action points and participants each rule's rows kept
    and removed (its precision on the network's own documents). Three queries, summed by the
    database."""
    counts = ImportOutcomeSection.COUNTS
    sums = (
        ImportOutcomeSection.objects.values("section")
        .annotate(**{f"sum_{name}": Sum(name) for name in counts})
        .order_by()
    )
    by_section = {row["section"]: row for row in sums}
    sections = [
        (
            label,
            OutcomeTotals(
                **{name: by_section.get(key, {}).get(f"sum_{name}") or 0 for name in counts}
            ),
        )
        for key, label in OutcomeSection.choices
    ]
    rules = {OutcomeSection.ACTION_POINTS: [], OutcomeSection.PARTICIPANTS: []}
    by_rule = (
        ImportOutcomeRule.objects.filter(section__in=list(rules))
        .values("section", "rule")
        .annotate(kept_sum=Sum("kept"), removed_sum=Sum("removed"))
        .order_by("rule")
    )
    for row in by_rule:
        kept, removed = row["kept_sum"] or 0, row["removed_sum"] or 0
        rules[row["section"]].append(
            {
                "rule": row["rule"],
                "kept": kept,
                "removed": removed,
                "kept_percent": _percent(kept, kept + removed),
            }
        )
    return {
        "imports": ImportOutcome.objects.count(),
        "sections": sections,
        "rules": {
            str(name): sorted(rows, key=lambda row: -(row["kept"] + row["removed"]))
            for name, rows in rules.items()
        },
    }


def import_outcome_list():
    """The imports checked, newest first, with their meetings and counts."""
    return (
        ImportOutcome.objects.select_related("meeting__series")
        .prefetch_related("sections")
        .order_by("-created_at", "-id")
    )


def import_review_marks(text: str, extraction: dict) -> tuple[list[dict], list[dict]]:
    """(parts of the source text, items to check first) for the import review page.

    Parts: the text cut at the spans the extracted items came from, each marked part naming
    its item (`anchor`, the id of the item's row) and whether it is one to check (`low`).
    Items to check: the points and participants below REVIEW_BELOW confidence, lowest first."""
    spans, to_check = [], []
    for i, item in enumerate(extraction.get("agenda_items", [])):
        for j, point in enumerate(item.get("action_points", [])):
            _mark(spans, to_check, point, f"ap-{i}-{j}", point.get("text", ""))
        for n, span in enumerate(item.get("decision_spans", [])):
            _mark(spans, to_check, {"span": span}, f"d-{i}-{n}", "")
    for k, person in enumerate(extraction.get("participants", [])):
        _mark(spans, to_check, person, f"p-{k}", person.get("name", ""))
    parts, cursor = [], 0
    for start, end, anchor, low in sorted(spans):
        if start < cursor or end > len(text):
            continue  # overlapping spans: the first one is marked
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        parts.append({"text": text[start:end], "anchor": anchor, "low": low})
        cursor = end
    parts.append({"text": text[cursor:]})
    to_check.sort(key=lambda item: item["confidence"])
    return parts, to_check


def import_selection(
    text: str, extraction: dict, *, span: tuple[int, int], meeting_date: datetime.date | None
) -> dict:
    """What the import review fills a new row with from the part of the document's text a
    person selected ("Add as action point", "as a decision", "as an agenda item"): the task
    without its label or list marker, its owner and due date as the extractor reads them
    (against the meeting's date), and the extracted agenda item it stands under."""
    items = [
        (str(key), item.get("title") or "", _span_starts(item))
        for key, item in enumerate(extraction.get("agenda_items", []))
    ]
    return {**_chosen_task(text, span, meeting_date), "agenda_item": _item_at(text, items, span[0])}


def meeting_selection(
    meeting: Meeting, *, span: tuple[int, int], meeting_date: datetime.date | None
) -> dict:
    """As `import_selection`, for a saved meeting's edit page, from its document's text: the
    agenda item by its id, and the owner as the directory's organisation (its id) when it is
    one, else as written."""
    from nethub.directory.selectors import OrganizationResolver

    resolver = OrganizationResolver.default()  # reads the owner, then names its organisation
    read = _chosen_task(meeting.source_text, span, meeting_date or meeting.date, resolver)
    items = [(str(item.pk), item.title, []) for item in meeting.agenda_items.order_by("position")]
    organization = resolver.resolve(read["owner"]) if read["owner"] else None
    return {
        **read,
        "owner_organization": str(organization.pk) if organization else "",
        "owner": "" if organization else read["owner"],
        "agenda_item": _item_at(meeting.source_text, items, span[0]),
    }


def _chosen_task(text: str, span: tuple[int, int], meeting_date, resolver=None) -> dict:
    from nethub.meetings.extract import read_task

    point = read_task(text[span[0] : span[1]], meeting_date=meeting_date, resolver=resolver)
    return {"text": point.text, "owner": point.owner or "", "due": point.due_date or ""}


def _item_at(text: str, items: list[tuple[str, str, list[int]]], offset: int) -> str:
    """The key of the agenda item a place in the text stands under, of `items` (key, title,
    where its points and decisions start) in their order: the last one that starts before it
    (where its title is, else its first point or decision), else the first item ("" when
    there is none)."""
    chosen, cursor = items[0][0] if items else "", 0
    for key, title, starts in items:
        title = title.strip()
        found = text.find(title, cursor) if title else -1
        if found >= 0:
            cursor = found + len(title)
        starts = [found] if found >= 0 else starts
        if starts and min(starts) <= offset:
            chosen = key
    return chosen


def _span_starts(item: dict) -> list[int]:
    spans = [point.get("span") for point in item.get("action_points", [])]
    spans += item.get("decision_spans") or []
    return [span[0] for span in spans if span and span[0] is not None]


def _mark(spans: list, to_check: list, item: dict, anchor: str, label: str) -> None:
    confidence = item.get("confidence", 1.0)
    low = confidence < REVIEW_BELOW
    span = item.get("span")
    if span and len(span) == 2 and span[0] is not None and span[0] < span[1]:
        spans.append((span[0], span[1], anchor, low))
    if low:
        to_check.append(
            {"anchor": anchor, "label": label, "confidence": confidence, "rule": item.get("rule")}
        )


def import_owner_choices() -> list[str]:
    """What an action point's owner can be chosen from: the directory's organisations (their
    acronyms) and the network's bodies; any other body can still be typed."""
    from nethub.directory.models import Organization
    from nethub.meetings.extract.names import BODIES

    acronyms = Organization.objects.exclude(acronym="").order_by("acronym")
    return [*dict.fromkeys([name for name, _pattern in BODIES])] + list(
        acronyms.values_list("acronym", flat=True).distinct()
    )


@dataclass
class OwnerLoad:
    """One owner's row of the tracker chart: open points, and how many of them are overdue."""

    label: str
    name: str
    slug: str  # the owner filter's value: an organisation's slug, else the owner as written
    open: int = 0
    overdue: int = 0


@dataclass
class TrackerSummary:
    total: int
    by_status: list[tuple[str, str, int]]  # (value, label, count)
    overdue: int
    owners: list[OwnerLoad] = field(default_factory=list)
    proposed: int = 0  # new due dates proposed, waiting for the secretariat

    @property
    def chart_max(self) -> int:
        return max((owner.open for owner in self.owners), default=0)


def tracker_summary(queryset: QuerySet[ActionPoint], *, owners: int = 12) -> TrackerSummary:
    """Counts for the top of the tracker, over `queryset` (the tracker's other filters): by
    status, overdue, and open/overdue by owner (the `owners` with most open points). Two
    queries, whatever the number of points."""
    today = timezone.localdate()
    is_open = Q(status__in=OPEN_STATUSES)
    plain = list(
        queryset.order_by()
        .values("status")
        .annotate(n=Count("id"), proposed=Count("id", filter=Q(proposed_due_date__isnull=False)))
    )
    by_status = {row["status"]: row["n"] for row in plain}
    proposed = sum(row["proposed"] for row in plain)
    rows = (
        queryset.order_by()
        .filter(is_open)
        .values(
            "owner_organization_id",
            "owner_organization__slug",
            "owner_organization__acronym",
            "owner_organization__name",
            "owner_organization__translations",
            "owner",
        )
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today)))
    )
    loads: dict[str, OwnerLoad] = {}
    for row in rows:
        if row["owner_organization_id"]:
            key = f"org:{row['owner_organization_id']}"
            # In the reader's language, as the organisation's own pages name it.
            local = row["owner_organization__translations"]
            name = translated(local, "name", row["owner_organization__name"])
            acronym = row["owner_organization__acronym"]
            label = translated(local, "acronym", acronym) if acronym else name
            slug = row["owner_organization__slug"]
        else:
            written = row["owner"].strip()
            key = f"text:{written.lower()}"
            label = name = written or str(_("No owner"))
            slug = written
        load = loads.setdefault(key, OwnerLoad(label=label, name=name, slug=slug))
        load.open += row["open"]
        load.overdue += row["overdue"]
    ranked = sorted(loads.values(), key=lambda o: (-o.open, -o.overdue, o.label.lower()))
    return TrackerSummary(
        total=sum(by_status.values()),
        by_status=[
            (value, label, by_status.get(value, 0)) for value, label in ActionPointStatus.choices
        ],
        overdue=sum(load.overdue for load in loads.values()),
        owners=ranked[:owners],
        proposed=proposed,
    )


def owner_choices() -> QuerySet[Organization]:
    """Organisations the tracker's owner box suggests: the network's members, who own the
    action points in practice (any other name or alias is resolved when filtering)."""
    return Organization.objects.filter(is_network_member=True).only(
        "slug", "name", "acronym", "translations"
    )
