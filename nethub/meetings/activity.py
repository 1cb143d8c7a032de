"""What meetings tell about an organisation (meetings attended, action points owned) and what
is new or due, for the organisation pages and the home page (see core/activity.py)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.core.activity import ActivityItem, ActivitySection, HomeItem
from nethub.meetings.models import ActionPoint, ActionPointStatus, Meeting, Participant

OPEN = (ActionPointStatus.OPEN, ActionPointStatus.IN_PROGRESS)
DUE_WITHIN = datetime.timedelta(days=30)
NEW_WITHIN = datetime.timedelta(days=90)


def organization_activity(*, organization, user, limit: int) -> list[ActivitySection]:
    """Four queries."""
    # Attended: present, not merely invited (a planned meeting lists its invitees).
    meetings = Meeting.objects.filter(
        participants__organization=organization,
        participants__attendance=Participant.Attendance.PRESENT,
    ).distinct()
    points = ActionPoint.objects.filter(owner_organization=organization)
    return [
        ActivitySection(
            key="meetings",
            title=_("Meetings attended"),
            count=meetings.count(),
            items=[
                ActivityItem(
                    label=meeting.heading, url=meeting.get_absolute_url(), date=meeting.date
                )
                for meeting in meetings.select_related("series").order_by("-date")[:limit]
            ],
            order=10,
        ),
        ActivitySection(
            key="action_points",
            title=_("Action points owned"),
            count=points.count(),
            items=[
                ActivityItem(
                    label=point.text[:160],
                    url=point.get_absolute_url(),
                    date=point.due_date,
                    note=str(point.get_status_display()),
                )
                for point in points.order_by("status", "due_date", "pk")[:limit]
            ],
            more_url=f"{reverse('meetings:tracker')}?owner={organization.slug}",
            order=20,
        ),
    ]


def home(*, organization, user, limit: int) -> list[HomeItem]:
    """Two queries: open action points due within a month or overdue; meetings of the last
    three months (and planned ones)."""
    today = timezone.localdate()
    points = ActionPoint.objects.filter(status__in=OPEN, due_date__lte=today + DUE_WITHIN)
    meetings = Meeting.objects.filter(date__gte=today - NEW_WITHIN)
    if organization is not None:
        points = points.filter(owner_organization=organization)
        meetings = meetings.filter(participants__organization=organization).distinct()
    items = [
        HomeItem(
            kind="due",
            label=point.text[:160],
            url=point.get_absolute_url(),
            date=point.due_date,
            what=str(_("Action point")),
            overdue=point.due_date < today,
        )
        for point in points.order_by("due_date", "pk")[:limit]
    ]
    items += [
        HomeItem(
            kind="new" if meeting.date <= today else "due",
            label=meeting.heading,
            url=meeting.get_absolute_url(),
            date=meeting.date,
            what=str(_("Meeting")),
        )
        for meeting in meetings.select_related("series").order_by("-date")[:limit]
    ]
    return items
