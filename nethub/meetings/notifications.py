"""E-mails of the action tracker: an owner organisation's people hear when a point is assigned
to it, a week before it is due and when it becomes overdue; the secretariat gets a weekly digest
of overdue points. Each e-mail is in its reader's language, links to SITE_URL and carries a
signed link to stop these e-mails. Called from background tasks (`tasks.py`)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nethub.accounts.models import Role, User
from nethub.core.models import AuditEvent
from nethub.core.services import audit_record
from nethub.meetings.models import ActionPoint, TrackerEmailOptOut
from nethub.meetings.selectors import OPEN_STATUSES

SALT = "meetings.tracker-emails"
REMINDER_DAYS = 7


def opt_out_token(*, user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=SALT)


def opt_out_url(*, user_id: int) -> str:
    return absolute(reverse("meetings:email_opt_out", args=[opt_out_token(user_id=user_id)]))


def opt_out_read(token: str) -> int:
    """Raises signing.BadSignature for a forged or damaged token."""
    return int(signing.loads(token, salt=SALT, max_age=60 * 60 * 24 * 365)["u"])


def absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _recipients(users: QuerySet[User]) -> QuerySet[User]:
    return (
        users.filter(is_active=True)
        .exclude(email="")
        .exclude(Exists(TrackerEmailOptOut.objects.filter(user=OuterRef("pk"))))
    )


def owner_people(organization_ids) -> dict[int, list[User]]:
    """Organisation id → its people who receive tracker e-mails (one query)."""
    people: dict[int, list[User]] = defaultdict(list)
    for user in _recipients(User.objects.filter(organization_id__in=set(organization_ids))):
        people[user.organization_id].append(user)
    return people


def _send(*, user: User, subject: str, template: str, context: dict) -> None:
    """Render and send one e-mail in the reader's language."""
    language = user.preferred_language or settings.LANGUAGE_CODE
    opt_out = opt_out_url(user_id=user.pk)
    with translation.override(language):
        body = render_to_string(
            template,
            {**context, "user": user, "opt_out_url": opt_out, "SITE_URL": settings.SITE_URL},
        )
        subject = str(subject() if callable(subject) else subject)
    EmailMessage(
        subject=subject, body=body, to=[user.email], headers={"List-Unsubscribe": f"<{opt_out}>"}
    ).send()


def _points(ids=None) -> QuerySet[ActionPoint]:
    points = ActionPoint.objects.select_related("meeting__series", "owner_organization")
    return points.filter(pk__in=ids) if ids is not None else points


def assigned_notify(*, action_point_id: int) -> int:
    """Tell the owner organisation's people that a point is now theirs. Returns e-mails sent."""
    point = _points([action_point_id]).first()
    if point is None or point.owner_organization_id is None:
        return 0
    sent = 0
    for user in owner_people([point.owner_organization_id])[point.owner_organization_id]:
        _send(
            user=user,
            subject=lambda: (
                _("Action point for %(owner)s: %(text)s")
                % {"owner": point.owner_organization, "text": point.text[:60]}
            ),
            template="meetings/email/assigned.txt",
            context={"point": point, "url": absolute(point.get_absolute_url())},
        )
        sent += 1
    return sent


def _sent_before(points: list[ActionPoint], action: str) -> set[tuple[int, str]]:
    """(point id, due date) of the notices of this kind already sent (one query)."""
    return set(
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(ActionPoint),
            object_id__in=[point.pk for point in points],
            action=action,
        ).values_list("object_id", "new_value")
    )


def reminders_send(*, today: datetime.date | None = None) -> dict[str, int]:
    """Daily: a reminder to the owner's people of open points due within a week, and a notice
    of those that became overdue; each once per due date (a new due date reminds again). A
    run that was missed is caught up by the next. Returns the e-mails sent of each kind."""
    today = today or timezone.localdate()
    open_owned = _points().filter(
        status__in=OPEN_STATUSES, owner_organization__isnull=False, due_date__isnull=False
    )
    kinds = {
        "due_soon": open_owned.filter(
            due_date__gte=today, due_date__lte=today + datetime.timedelta(days=REMINDER_DAYS)
        ),
        "overdue": open_owned.filter(due_date__lt=today),
    }
    counts = {}
    for kind, points in kinds.items():
        action = f"{kind}_notice_sent"
        points = list(points)
        before = _sent_before(points, action)
        points = [p for p in points if (p.pk, p.due_date.isoformat()) not in before]
        people = owner_people(point.owner_organization_id for point in points)
        sent = 0
        for point in points:
            recipients = people.get(point.owner_organization_id, [])
            for user in recipients:
                _send(
                    user=user,
                    subject=(
                        (lambda p=point: _("Due in a week: %(text)s") % {"text": p.text[:60]})
                        if kind == "due_soon"
                        else (lambda p=point: _("Overdue: %(text)s") % {"text": p.text[:60]})
                    ),
                    template=f"meetings/email/{kind}.txt",
                    context={"point": point, "url": absolute(point.get_absolute_url())},
                )
                sent += 1
            audit_record(
                actor=None,
                subject=point,
                action=action,
                field="due_date",
                new_value=point.due_date.isoformat(),
                comment=", ".join(user.display_name for user in recipients),
            )
        counts[kind] = sent
    return counts


def digest_send(*, today: datetime.date | None = None) -> int:
    """Weekly: every overdue point, by owner, and the new due dates focal points proposed, to
    each person of the secretariat. Returns the e-mails sent (none when there is neither)."""
    today = today or timezone.localdate()
    open_points = _points().filter(status__in=OPEN_STATUSES)
    overdue = list(
        open_points.filter(due_date__lt=today).order_by(
            "owner_organization__acronym", "owner", "due_date", "pk"
        )
    )
    proposed = list(
        open_points.filter(proposed_due_date__isnull=False).order_by("proposed_due_date", "pk")
    )
    if not overdue and not proposed:
        return 0
    groups: dict[str, list[ActionPoint]] = defaultdict(list)
    for point in overdue:
        groups[point.owner_label or "—"].append(point)
    tracker = absolute(reverse("meetings:tracker"))
    sent = 0
    for user in _recipients(User.objects.filter(role=Role.SECRETARIAT)):
        _send(
            user=user,
            subject=lambda: (
                ngettext(
                    "Weekly digest: %(count)d overdue action point",
                    "Weekly digest: %(count)d overdue action points",
                    len(overdue),
                )
                % {"count": len(overdue)}
            ),
            template="meetings/email/digest.txt",
            context={
                "groups": sorted(groups.items()),
                "count": len(overdue),
                "tracker_url": f"{tracker}?overdue=true",
                "proposed": [(point, absolute(point.get_absolute_url())) for point in proposed],
                "proposed_url": f"{tracker}?proposed=true",
            },
        )
        sent += 1
    return sent
