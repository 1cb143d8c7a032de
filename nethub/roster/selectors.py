"""Reads of the roster: the lists people see, conflicts of interest, reviewer suggestions, the
state of a peer review and the secretariat's dashboard."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.framework.models import ElementKind, FrameworkElement
from nethub.roster.models import (
    ExpertApplication,
    ExpertLanguage,
    ReviewAssignment,
    SupportRequest,
)

Status = ExpertApplication.Status
EXTERNAL_SEATS = 2


def _with_relations(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("organization", "applicant").prefetch_related(
        Prefetch("expertise", queryset=FrameworkElement.objects.order_by("kind", "position")),
        "languages",
        "regions",
        "countries",
    )


def application_of(user) -> ExpertApplication | None:
    if not user.is_authenticated:
        return None
    return _with_relations(ExpertApplication.objects.filter(applicant=user)).first()


def application_detail(*, pk: int) -> ExpertApplication:
    return (
        _with_relations(ExpertApplication.objects.all())
        .prefetch_related("conflict_organizations", "conflict_countries", "steps__actor")
        .get(pk=pk)
    )


def application_queue(*, status: str = "") -> QuerySet:
    queryset = ExpertApplication.objects.exclude(status=Status.DRAFT).select_related("organization")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("submitted_at", "id")


def expert_list(*, filters: dict, public: bool) -> QuerySet:
    """Accepted experts matching `filters` (objective, language, region, country,
    organization_kind, q over name, summary, themes and CV text). The public sees only those
    who consented to be listed."""
    queryset = ExpertApplication.objects.filter(status=Status.ACCEPTED)
    if public:
        queryset = queryset.filter(consent_to_be_listed=True)
    if filters.get("objective"):
        queryset = queryset.filter(expertise=filters["objective"])
    if filters.get("language"):
        queryset = queryset.filter(languages__code=filters["language"])
    if filters.get("region"):
        region = filters["region"]
        queryset = queryset.filter(
            Q(regions=region) | Q(countries__region=region) | Q(countries__subregion=region)
        )
    if filters.get("country"):
        queryset = queryset.filter(countries=filters["country"])
    if filters.get("organization_kind"):
        queryset = queryset.filter(organization__kind=filters["organization_kind"])
    for word in (filters.get("q") or "").split()[:8]:
        queryset = queryset.filter(
            Q(full_name__icontains=word)
            | Q(biography__icontains=word)
            | Q(themes__icontains=word)
            | Q(cv_text__icontains=word)
        )
    # Only the filters over many-valued relations can repeat an expert.
    many = any(filters.get(k) for k in ("objective", "language", "region", "country"))
    ids = queryset.values("id").distinct() if many else queryset.values("id")
    return _with_relations(ExpertApplication.objects.filter(id__in=ids)).order_by("full_name", "id")


# Conflicts and reviewer suggestions ------------------------------------------------------------


@dataclass
class ItemFacts:
    organization_ids: set[int]
    country_ids: set[int]
    text: str
    submitter_organization_id: int | None
    objective_ids: set[int]


def item_facts(item) -> ItemFacts:
    """What a reviewed item says about itself: works for practices and library documents."""
    organization_ids = set()
    if getattr(item, "organization_id", None):
        organization_ids.add(item.organization_id)
    if hasattr(item, "organizations"):
        organization_ids |= set(item.organizations.values_list("id", flat=True))
    submitter = getattr(item, "submitted_by", None) or getattr(item, "uploaded_by", None)
    objective_ids = {
        tagging.element_id
        for tagging in item.taggings.select_related("element")
        if tagging.element.kind == ElementKind.OBJECTIVE
    }
    return ItemFacts(
        organization_ids=organization_ids,
        country_ids=set(item.countries.values_list("id", flat=True)),
        text=" ".join(str(getattr(item, name, "") or "") for name in ("title", "summary")).lower(),
        submitter_organization_id=getattr(submitter, "organization_id", None),
        objective_ids=objective_ids,
    )


def conflicts_with(expert: ExpertApplication, item, facts: ItemFacts | None = None) -> list[str]:
    """Why `expert` may not review `item` (empty: no conflict)."""
    facts = facts or item_facts(item)
    reasons = []
    if expert.organization_id and expert.organization_id in (
        facts.organization_ids | {facts.submitter_organization_id}
    ):
        reasons.append(_("same organisation as the item or its submitter"))
    declared_orgs = {o.pk for o in expert.conflict_organizations.all()}
    if declared_orgs & facts.organization_ids:
        reasons.append(_("declared a conflict with the item's organisation"))
    if {c.pk for c in expert.conflict_countries.all()} & facts.country_ids:
        reasons.append(_("declared a conflict with the item's country"))
    topics = [t.strip().lower() for t in expert.conflict_topics.split(",") if t.strip()]
    if any(topic in facts.text for topic in topics):
        reasons.append(_("declared a conflict with the item's topic"))
    if expert.applicant_id == getattr(item, "submitted_by_id", None):
        reasons.append(_("submitted the item"))
    return reasons


def _candidate_experts(item, facts: ItemFacts) -> list[ExpertApplication]:
    assigned = ReviewAssignment.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    ).values("expert_id")
    experts = (
        ExpertApplication.objects.filter(status=Status.ACCEPTED, available=True)
        .exclude(pk__in=assigned)
        .select_related("organization")
        .prefetch_related("conflict_organizations", "conflict_countries", "expertise")
        .annotate(
            open_reviews=Count(
                "assignments", filter=Q(assignments__status__in=["invited", "accepted"])
            )
        )
    )
    fit = []
    for expert in experts:
        if conflicts_with(expert, item, facts):
            continue
        shared = len({e.pk for e in expert.expertise.all()} & facts.objective_ids)
        fit.append((-shared, expert.open_reviews, expert.full_name, expert))
    fit.sort(key=lambda row: row[:3])
    return [row[-1] for row in fit]


def reviewers_suggest(item) -> list[tuple[ExpertApplication, str]]:
    """One internal (UN entity) and two external reviewers with no conflict, the best fit by
    expertise first and the least busy next; or a third reviewer when two disagree."""
    facts = item_facts(item)
    candidates = _candidate_experts(item, facts)
    state = review_state(item)
    if state.needs_third:
        return [(candidates[0], ReviewAssignment.Seat.THIRD)] if candidates else []
    seats = {a.seat for a in state.assignments if a.status != ReviewAssignment.Status.DECLINED}
    external_taken = sum(
        1
        for a in state.assignments
        if a.seat == ReviewAssignment.Seat.EXTERNAL and a.status != ReviewAssignment.Status.DECLINED
    )
    chosen = []
    if ReviewAssignment.Seat.INTERNAL not in seats:
        internal = next((e for e in candidates if e.is_internal), None)
        if internal:
            chosen.append((internal, ReviewAssignment.Seat.INTERNAL))
    externals = [e for e in candidates if not e.is_internal]
    for expert in externals[: max(0, EXTERNAL_SEATS - external_taken)]:
        chosen.append((expert, ReviewAssignment.Seat.EXTERNAL))
    return chosen


@dataclass
class ReviewState:
    assignments: list[ReviewAssignment]
    submitted: list[ReviewAssignment]
    needs_third: bool
    complete: bool

    @property
    def verdicts(self) -> set[str]:
        return {a.verdict for a in self.submitted}


def review_state(item) -> ReviewState:
    """The peer review of `item`: who was asked, who answered, and whether the reviewers
    disagree (then a third reviewer is suggested) or agree (the review is complete)."""
    assignments = list(
        ReviewAssignment.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).select_related("expert__organization")
    )
    submitted = [a for a in assignments if a.status == ReviewAssignment.Status.SUBMITTED]
    verdicts = {a.verdict for a in submitted}
    has_third = any(
        a.seat == ReviewAssignment.Seat.THIRD and a.status != ReviewAssignment.Status.DECLINED
        for a in assignments
    )
    disagree = len(submitted) >= 2 and len(verdicts) > 1
    third_done = any(a.seat == ReviewAssignment.Seat.THIRD for a in submitted)
    return ReviewState(
        assignments=assignments,
        submitted=submitted,
        needs_third=disagree and not has_third,
        complete=(len(submitted) >= 3 or (len(submitted) >= 2 and not disagree) or third_done),
    )


def assignments_of(user) -> QuerySet:
    return (
        ReviewAssignment.objects.filter(expert__applicant=user)
        .select_related("content_type")
        .order_by("status", "due_date", "id")
    )


def requests_for(user, *, everyone: bool) -> QuerySet:
    queryset = SupportRequest.objects.select_related("country", "requested_by")
    return queryset if everyone else queryset.filter(requested_by=user)


# Dashboard ---------------------------------------------------------------------------------


def coverage_by_objective() -> list[tuple[FrameworkElement, int]]:
    rows = FrameworkElement.objects.filter(kind=ElementKind.OBJECTIVE).annotate(
        experts=Count("roster_experts", filter=Q(roster_experts__status=Status.ACCEPTED))
    )
    return [(row, row.experts) for row in rows.order_by("position")]


def coverage_by_language() -> list[tuple[str, int]]:
    rows = (
        ExpertLanguage.objects.filter(application__status=Status.ACCEPTED)
        .values("code")
        .annotate(experts=Count("application", distinct=True))
        .order_by("-experts", "code")
    )
    labels = dict(ExpertLanguage._meta.get_field("code").choices)
    return [(str(labels.get(row["code"], row["code"])), row["experts"]) for row in rows]


def coverage_by_region() -> list[tuple[str, int]]:
    rows = (
        ExpertApplication.objects.filter(status=Status.ACCEPTED)
        .values("regions__name")
        .annotate(experts=Count("id", distinct=True))
        .order_by("-experts", "regions__name")
    )
    return [(row["regions__name"] or _("No region given"), row["experts"]) for row in rows]


def dashboard_counts(today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    return {
        "open_applications": ExpertApplication.objects.filter(
            status__in=[Status.SUBMITTED, Status.IN_REVIEW]
        ).count(),
        "experts": ExpertApplication.objects.filter(status=Status.ACCEPTED).count(),
        "renewals_due": ExpertApplication.objects.filter(
            status=Status.ACCEPTED, renewal_due__lte=today
        ).count(),
        "overdue_reviews": ReviewAssignment.objects.filter(
            status__in=["invited", "accepted"], due_date__lt=today
        ).count(),
        "open_requests": SupportRequest.objects.exclude(status__in=["done", "closed"]).count(),
    }


def peer_review_gate(item) -> str | None:
    """Why `item` may not be published yet: reviewers were assigned and the quorum has not
    answered (or disagrees and waits for a third reviewer). No reviewer assigned: no gate."""
    state = review_state(item)
    if not state.assignments or state.complete:
        return None
    if state.needs_third:
        return _("The peer reviewers disagree: assign a third reviewer before publishing.")
    return _("The peer review is not complete: %(done)d of %(asked)d reviews submitted.") % {
        "done": len(state.submitted),
        "asked": len([a for a in state.assignments if a.status != "declined"]),
    }
