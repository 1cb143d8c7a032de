"""E-mails of Discussion Spaces: to authors on replies and moderation decisions, and the daily
digest to followers. Each carries a signed unsubscribe link. Called from background tasks."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nethub.consultations.models import Comment, EmailOptOut, Follow

SALT = "consultations.unsubscribe"


def unsubscribe_token(*, user_id: int, consultation_id: int | None) -> str:
    return signing.dumps({"u": user_id, "c": consultation_id}, salt=SALT)


def unsubscribe_read(token: str) -> tuple[int, int | None]:
    """Raises signing.BadSignature for a forged or damaged token."""
    data = signing.loads(token, salt=SALT, max_age=60 * 60 * 24 * 365)
    return int(data["u"]), data.get("c")


def unsubscribe_url(*, user_id: int, consultation_id: int | None) -> str:
    token = unsubscribe_token(user_id=user_id, consultation_id=consultation_id)
    return settings.SITE_URL.rstrip("/") + reverse("consultations:unsubscribe", args=[token])


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url


def _send(*, user, subject: str, template: str, context: dict, consultation_id=None) -> bool:
    if not user.email:
        return False
    unsubscribe = unsubscribe_url(user_id=user.pk, consultation_id=consultation_id)
    body = render_to_string(template, {**context, "user": user, "unsubscribe_url": unsubscribe})
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>"},
    )
    message.send()
    return True


def reply_notify(*, comment_id: int) -> bool:
    """Tell the author of the comment answered that there is a reply."""
    comment = (
        Comment.objects.select_related("parent__author", "organization", "consultation", "author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.parent is None or comment.status != Comment.Status.VISIBLE:
        return False
    recipient = comment.parent.author
    if recipient is None or recipient.pk == comment.author_id:
        return False
    if EmailOptOut.objects.filter(user=recipient).exists():
        return False
    return _send(
        user=recipient,
        subject=_("New reply to your comment in “%(title)s”") % {"title": comment.consultation},
        template="consultations/email/reply.txt",
        context={"comment": comment, "url": _absolute(comment.get_absolute_url())},
    )


def moderation_notify(*, comment_id: int) -> bool:
    """Tell the author that their comment was hidden (with the reason) or published."""
    comment = Comment.objects.select_related("author", "consultation").filter(pk=comment_id).first()
    if comment is None or comment.author is None:
        return False
    if EmailOptOut.objects.filter(user=comment.author).exists():
        return False
    return _send(
        user=comment.author,
        subject=_("A moderator reviewed your comment in “%(title)s”")
        % {"title": comment.consultation},
        template="consultations/email/moderation.txt",
        context={"comment": comment, "url": _absolute(comment.get_absolute_url())},
    )


def digests_send(*, now=None) -> int:
    """One e-mail per follower with the comments published since their last digest (or the
    last day), grouped by consultation. Returns the number of e-mails sent."""
    now = now or timezone.now()
    since_default = now - timezone.timedelta(days=1)
    follows = list(Follow.objects.select_related("user", "consultation").exclude(user__email=""))
    by_user: dict[int, list[Follow]] = defaultdict(list)
    for follow in follows:
        by_user[follow.user_id].append(follow)
    sent = 0
    for user_id, user_follows in by_user.items():
        user = user_follows[0].user
        groups = []
        for follow in user_follows:
            since = follow.last_digest_at or since_default
            comments = list(
                Comment.objects.filter(
                    consultation=follow.consultation,
                    status=Comment.Status.VISIBLE,
                    created_at__gt=since,
                    created_at__lte=now,
                )
                .exclude(author_id=user_id)
                .select_related("organization", "author")
            )
            if comments:
                groups.append(
                    {
                        "consultation": follow.consultation,
                        "url": _absolute(follow.consultation.get_absolute_url()),
                        "comments": comments,
                        "unsubscribe_url": unsubscribe_url(
                            user_id=user_id, consultation_id=follow.consultation_id
                        ),
                    }
                )
        if groups:
            _send(
                user=user,
                subject=_("Your daily digest of Discussion Spaces"),
                template="consultations/email/digest.txt",
                context={"groups": groups},
            )
            sent += 1
        Follow.objects.filter(pk__in=[f.pk for f in user_follows]).update(last_digest_at=now)
    return sent
