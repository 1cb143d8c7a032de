"""Reads for the Knowledge Platform: the library's documents and the practice repository."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from nethub.framework.models import Tagging
from nethub.library.models import Document, Practice, PracticeReviewEvent

_TAGGINGS = Prefetch(
    "taggings",
    queryset=Tagging.objects.select_related("element").order_by(
        "element__kind", "element__position"
    ),
)


DOCUMENT_ORDERS = {
    "newest": ("-date", "-created_at"),
    "oldest": ("date", "created_at"),
    "title": ("title", "pk"),
}
PRACTICE_ORDERS = {"newest": ("-published_at", "-pk"), "title": ("title", "pk")}


MANY_VALUED_FILTERS = ("objective", "principle", "country", "region", "organization")


def _confirmed_tag(queryset: QuerySet, element_id) -> QuerySet:
    return queryset.filter(
        taggings__element_id=element_id, taggings__status=Tagging.Status.CONFIRMED
    )


def document_list(*, filters: dict | None = None) -> QuerySet[Document]:
    """Documents that are ready, newest first, with what a list row shows (fixed queries).
    Filters: q (words of the title or summary), kind, language, objective and principle
    (element ids, confirmed tags), country (ISO2), region (slug), organization (slug)."""
    filters = filters or {}
    documents = Document.objects.filter(status=Document.Status.READY)
    if filters.get("q"):
        for word in filters["q"].split()[:8]:
            documents = documents.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.get("kind"):
        documents = documents.filter(kind=filters["kind"])
    if filters.get("language"):
        documents = documents.filter(language=filters["language"])
    for key in ("objective", "principle"):
        if filters.get(key):
            documents = _confirmed_tag(documents, filters[key])
    if filters.get("country"):
        documents = documents.filter(countries__iso2=filters["country"])
    if filters.get("region"):
        documents = documents.filter(
            Q(regions__slug=filters["region"]) | Q(countries__region__slug=filters["region"])
        )
    if filters.get("organization"):
        documents = documents.filter(organizations__slug=filters["organization"])
    if any(filters.get(key) for key in MANY_VALUED_FILTERS):
        # A join over tags, countries or organisations can repeat a document: keep each once
        # by id, not by a DISTINCT over every column of the row (text included).
        documents = Document.objects.filter(pk__in=documents.values("pk"))
    return (
        documents.defer("text")
        .select_related("uploaded_by")
        .prefetch_related("organizations", "countries", _TAGGINGS)
        .order_by(*DOCUMENT_ORDERS.get(filters.get("sort") or "", DOCUMENT_ORDERS["newest"]))
    )


def document_uploads_of(*, user) -> QuerySet[Document]:
    """A user's own uploads, in any state (to follow processing and see failures)."""
    if not user.is_authenticated:
        return Document.objects.none()
    return Document.objects.filter(uploaded_by=user).order_by("-created_at")[:20]


def document_detail(*, pk: int) -> Document:
    return (
        Document.objects.select_related("uploaded_by")
        .prefetch_related("organizations", "countries", "regions", _TAGGINGS)
        .get(pk=pk)
    )


def practice_list(*, filters: dict | None = None) -> QuerySet[Practice]:
    """The public repository: published practices. Filters: q, objective, principle (element
    ids), region (slug: the practice's regions or its countries' regions), country (ISO2),
    organization_kind, implementation."""
    filters = filters or {}
    practices = Practice.objects.filter(status=Practice.Status.PUBLISHED)
    if filters.get("q"):
        for word in filters["q"].split()[:8]:
            practices = practices.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    for key in ("objective", "principle"):
        if filters.get(key):
            practices = _confirmed_tag(practices, filters[key])
    if filters.get("country"):
        practices = practices.filter(countries__iso2=filters["country"])
    if filters.get("region"):
        practices = practices.filter(
            Q(regions__slug=filters["region"])
            | Q(countries__region__slug=filters["region"])
            | Q(countries__subregion__slug=filters["region"])
        )
    if filters.get("organization_kind"):
        practices = practices.filter(organization__kind=filters["organization_kind"])
    if filters.get("implementation"):
        practices = practices.filter(implementation=filters["implementation"])
    return (
        practices.distinct()
        .select_related("organization")
        .prefetch_related("countries", _TAGGINGS)
        .order_by(*PRACTICE_ORDERS.get(filters.get("sort") or "", PRACTICE_ORDERS["newest"]))
    )


def practice_review_queue() -> QuerySet[Practice]:
    """Practices waiting for the secretariat or their submitter, oldest first."""
    return (
        Practice.objects.filter(
            status__in=[
                Practice.Status.SUBMITTED,
                Practice.Status.IN_REVIEW,
                Practice.Status.CHANGES_REQUESTED,
            ]
        )
        .select_related("organization", "submitted_by")
        .order_by("updated_at")
    )


def practices_of(*, user) -> QuerySet[Practice]:
    if not user.is_authenticated:
        return Practice.objects.none()
    return Practice.objects.filter(submitted_by=user).order_by("-updated_at")


def practice_detail(*, pk: int) -> Practice:
    return (
        Practice.objects.select_related("organization", "submitted_by")
        .prefetch_related(
            "countries",
            "regions",
            _TAGGINGS,
            Prefetch(
                "review_events",
                queryset=PracticeReviewEvent.objects.select_related("actor"),
            ),
        )
        .get(pk=pk)
    )
