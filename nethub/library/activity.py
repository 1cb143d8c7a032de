"""An organisation's documents and practices in the Knowledge Platform, and what is new
there, for the organisation pages and the home page (see core/activity.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nethub.core.activity import ActivityItem, ActivitySection, HomeItem
from nethub.library.models import Document, Practice


def _documents(organization=None):
    documents = Document.objects.filter(status=Document.Status.READY)
    if organization is not None:
        documents = documents.filter(organizations=organization)
    return documents


def _practices(organization=None):
    practices = Practice.objects.filter(status=Practice.Status.PUBLISHED)
    if organization is not None:
        practices = practices.filter(organization=organization)
    return practices


def organization_activity(*, organization, user, limit: int) -> list[ActivitySection]:
    """Four queries: ready documents and published practices (what the public may see)."""
    documents = _documents(organization)
    practices = _practices(organization)
    return [
        ActivitySection(
            key="documents",
            title=_("Documents"),
            count=documents.count(),
            items=[
                ActivityItem(label=d.title, url=d.get_absolute_url(), date=d.date)
                for d in documents.order_by("-date", "-pk").only("pk", "title", "date")[:limit]
            ],
            order=40,
        ),
        ActivitySection(
            key="practices",
            title=_("Practices"),
            count=practices.count(),
            items=[
                ActivityItem(
                    label=p.title,
                    url=p.get_absolute_url(),
                    date=p.published_at.date() if p.published_at else None,
                )
                for p in practices.order_by("-published_at", "-pk").only(
                    "pk", "title", "published_at"
                )[:limit]
            ],
            order=50,
        ),
    ]


def home(*, organization, user, limit: int) -> list[HomeItem]:
    """Two queries: the newest documents and practices."""
    items = [
        HomeItem(
            kind="new",
            label=d.title,
            url=d.get_absolute_url(),
            date=d.created_at.date(),
            what=str(_("Document")),
        )
        for d in _documents(organization)
        .order_by("-created_at")
        .only("pk", "title", "created_at")[:limit]
    ]
    items += [
        HomeItem(
            kind="new",
            label=p.title,
            url=p.get_absolute_url(),
            date=p.published_at.date(),
            what=str(_("Practice")),
        )
        for p in _practices(organization)
        .filter(published_at__isnull=False)
        .order_by("-published_at")
        .only("pk", "title", "published_at")[:limit]
    ]
    return items
