"""What an organisation said in the Discussion Spaces, and the comments that are new, for
the organisation pages and the home page (see core/activity.py)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from nethub.consultations.models import Comment, Consultation
from nethub.core.activity import ActivityItem, ActivitySection, HomeItem


def _published(organization=None):
    comments = Comment.objects.filter(status=Comment.Status.VISIBLE)
    if organization is not None:
        comments = comments.filter(organization=organization)
    return comments


def organization_activity(*, organization, user, limit: int) -> list[ActivitySection]:
    """Two queries: published comments only (hidden and pending ones are not activity the
    public may see)."""
    comments = _published(organization)
    return [
        ActivitySection(
            key="comments",
            title=_("Comments in Discussion Spaces"),
            count=comments.count(),
            items=[
                ActivityItem(
                    label=comment.consultation.title,
                    url=comment.get_absolute_url(),
                    date=None if comment.source_key else comment.created_at.date(),
                    note=comment.text[:140],
                )
                for comment in comments.select_related("consultation").order_by("-created_at")[
                    :limit
                ]
            ],
            order=30,
        )
    ]


def home(*, organization, user, limit: int) -> list[HomeItem]:
    """Two queries: the newest comments posted here (imported ones carry no date) and the
    open consultations closing soonest."""
    comments = (
        _published(organization)
        .filter(source_key="")
        .select_related("consultation", "organization")
        .order_by("-created_at")[:limit]
    )
    items = [
        HomeItem(
            kind="new",
            label=f"{comment.organization.display_name}: {comment.consultation.title}"
            if comment.organization_id
            else comment.consultation.title,
            url=comment.get_absolute_url(),
            date=comment.created_at.date(),
            what=str(_("Comment")),
        )
        for comment in comments
    ]
    if organization is None:
        items += [
            HomeItem(
                kind="due",
                label=consultation.title,
                url=consultation.get_absolute_url(),
                date=consultation.closes_at.date(),
                what=str(_("Consultation closes")),
            )
            for consultation in Consultation.objects.filter(closes_at__isnull=False)
            .order_by("closes_at")
            .only("title", "slug", "opens_at", "closes_at", "source")[: limit * 2]
            if consultation.is_open
        ]
    return items
