"""Reads for Discussion Spaces. The thread costs a fixed number of queries whatever its size:
comments (with author and organisation), attachments, support counts, the viewer's supports;
the tree is built in Python and flattened with depths for a loop-only template."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from nethub.consultations.models import (
    Attachment,
    Comment,
    CommentTarget,
    Consultation,
    ExpressionOfInterest,
    Flag,
    Support,
)
from nethub.core.files import file_url
from nethub.core.predicates import is_secretariat
from nethub.library.models import Document


def consultation_list(*, phase: str = "") -> list[Consultation]:
    consultations = list(
        Consultation.objects.annotate(
            comment_count=Count("comments", filter=Q(comments__status=Comment.Status.VISIBLE))
        ).order_by("-opens_at", "-created_at")
    )
    if phase:
        consultations = [c for c in consultations if c.phase == phase]
    return consultations


def consultation_detail(*, slug: str) -> Consultation:
    return (
        Consultation.objects.select_related("moderator")
        .prefetch_related("questions", "document_versions")
        .get(slug=slug)
    )


def can_moderate(user, consultation: Consultation) -> bool:
    return bool(
        is_secretariat(user) or (user.is_authenticated and consultation.moderator_id == user.pk)
    )


# What a thread page shows: large or unused columns (the plain text, the other users'
# fields) stay in the database.
THREAD_FIELDS = (
    "id",
    "consultation_id",
    "question_id",
    "parent_id",
    "author_id",
    "organization_id",
    "byline",
    "reply_to_label",
    "body",
    "status",
    "hidden_reason",
    "edited_at",
    "attachment_mentioned",
    "position",
    "source_key",
    "posted_on",
    "created_at",
    "organization__name",
    "organization__acronym",
    "organization__slug",
    "organization__kind",
    "organization__translations",
    "author__username",
    "author__first_name",
    "author__last_name",
)


@dataclass(slots=True)
class ThreadItem:
    comment: Comment
    depth: int
    visible: bool  # whether the viewer sees its text
    attachments: list = field(default_factory=list)
    support_count: int = 0
    supported: bool = False
    replying_to: str = ""  # whom it answers, as shown
    children: list = field(default_factory=list)


def _visible_to(comment: Comment, user, moderator: bool) -> bool:
    if comment.status == Comment.Status.VISIBLE or moderator:
        return True
    return bool(user.is_authenticated and comment.author_id == user.pk)


def consultation_thread(
    *,
    consultation: Consultation,
    user,
    question_id: int | None = None,
    query: str = "",
    as_moderator: bool | None = None,
    all_fields: bool = False,
) -> list[ThreadItem]:
    """Every comment of the consultation the viewer may know of, in thread order with depths.

    Hidden comments stay in place (their replies keep their context) with the text withheld
    from the public; their author and moderators see the text and the reason. Pending comments
    are shown only to their author and moderators. Four queries, whatever the number.
    """
    moderator = can_moderate(user, consultation) if as_moderator is None else as_moderator
    comments = Comment.objects.filter(consultation=consultation).select_related(
        "organization", "author"
    )
    if not all_fields:
        comments = comments.only(*THREAD_FIELDS)
    if question_id is not None:
        comments = comments.filter(question_id=question_id)
    if query:
        # Searches the comments' text and their attachments' extracted text. Hidden and
        # pending text is searched only for moderators, so a search cannot reveal it.
        matching = Comment.objects.filter(consultation=consultation).filter(
            Q(text__icontains=query) | Q(attachments__text__icontains=query)
        )
        if not moderator:
            matching = matching.filter(status=Comment.Status.VISIBLE)
        comments = comments.filter(pk__in=matching.values("pk"))
    comments = list(comments.order_by("created_at", "position", "pk"))
    attachments: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in Attachment.objects.filter(comment__consultation=consultation).only(
        "pk", "comment_id", "filename", "file", "mime_type", "size"
    ):
        attachments[attachment.comment_id].append(attachment)
    support_counts = dict(
        Support.objects.filter(comment__consultation=consultation)
        .values_list("comment_id")
        .annotate(n=Count("pk"))
        .values_list("comment_id", "n")
    )
    supported: set[int] = set()
    if user.is_authenticated and user.organization_id:
        supported = set(
            Support.objects.filter(
                comment__consultation=consultation, organization_id=user.organization_id
            ).values_list("comment_id", flat=True)
        )
    by_id = {c.pk: c for c in comments}
    items: dict[int, ThreadItem] = {}
    roots: list[ThreadItem] = []
    for comment in comments:
        if comment.status == Comment.Status.PENDING and not _visible_to(comment, user, moderator):
            continue
        item = ThreadItem(
            comment=comment,
            depth=0,
            visible=_visible_to(comment, user, moderator),
            attachments=attachments.get(comment.pk, []),
            support_count=support_counts.get(comment.pk, 0),
            supported=comment.pk in supported,
        )
        items[comment.pk] = item
    for comment in comments:
        item = items.get(comment.pk)
        if item is None:
            continue
        parent = items.get(comment.parent_id) if comment.parent_id else None
        if parent is not None:
            parent.children.append(item)
            item.replying_to = by_id[comment.parent_id].author_label
        else:
            roots.append(item)
            item.replying_to = comment.reply_to_label
    return flatten(roots)


def flatten(roots: list[ThreadItem]) -> list[ThreadItem]:
    """Depth-first order without recursion (threads can be deeper than Python's stack)."""
    ordered: list[ThreadItem] = []
    stack = [(item, 0) for item in reversed(roots)]
    while stack:
        item, depth = stack.pop()
        item.depth = depth
        ordered.append(item)
        stack.extend((child, depth + 1) for child in reversed(item.children))
    return ordered


def moderation_queue(*, user) -> QuerySet[Comment]:
    """Comments that wait for a decision: pending ones and those with open flags, across the
    consultations the user moderates (all of them for the secretariat)."""
    comments = Comment.objects.filter(
        Q(status=Comment.Status.PENDING) | Q(flags__resolved_at__isnull=True, flags__isnull=False)
    )
    if not is_secretariat(user):
        comments = comments.filter(consultation__moderator=user)
    return (
        comments.select_related("consultation", "organization", "author")
        .annotate(open_flags=Count("flags", filter=Q(flags__resolved_at__isnull=True)))
        .distinct()
        .order_by("created_at")
    )


def open_flags(*, comment_ids: list[int]) -> dict[int, list[Flag]]:
    flags: dict[int, list[Flag]] = defaultdict(list)
    for flag in Flag.objects.filter(
        comment_id__in=comment_ids, resolved_at__isnull=True
    ).select_related("user"):
        flags[flag.comment_id].append(flag)
    return flags


def _key(target) -> tuple:
    return (ContentType.objects.get_for_model(target).pk, target.pk)


def interests_table(*, consultation: Consultation) -> list[dict]:
    """Per priority (working group, workstream): the organisations that want to continue and
    those that want to start; interests whose target the page did not state come last."""
    interests = (
        ExpressionOfInterest.objects.filter(consultation=consultation)
        .select_related("organization", "comment")
        .prefetch_related("target")
    )
    rows: dict[tuple | None, dict] = {}
    for target in consultation.targets:
        rows[_key(target)] = {"target": target, "continue": [], "start": [], "unstated": []}
    for interest in interests:
        row = rows.setdefault(
            (interest.target_type_id, interest.target_id) if interest.target_id else None,
            {"target": interest.target, "continue": [], "start": [], "unstated": []},
        )
        row[interest.engagement or "unstated"].append(interest)
    ordered = [row for key, row in rows.items() if key is not None]
    if None in rows:
        ordered.append(rows[None])
    return ordered


def _include_hidden(comments, include_hidden: bool):
    if include_hidden:
        return comments
    return comments.filter(status=Comment.Status.VISIBLE)


def export_comments(*, consultation: Consultation, include_hidden: bool) -> list[Comment]:
    comments = Comment.objects.filter(consultation=consultation)
    comments = _include_hidden(comments, include_hidden)
    return list(
        comments.select_related(
            "consultation",
            "organization",
            "author",
            "question",
            "parent__organization",
            "parent__author",
        )
        .prefetch_related("attachments", "target_links__target", "taggings__element")
        .annotate(support_count=Count("supports", distinct=True))
        .order_by("created_at", "position", "pk")
    )


def synthesis(*, consultation: Consultation, include_hidden: bool = False) -> dict:
    """What was said, grouped: by priority, by GCM objective (confirmed and suggested), by
    kind of organisation and by question; counts; the asks and priorities of each organisation.
    A fixed number of queries."""
    from nethub.consultations.asks import find_asks

    comments = export_comments(consultation=consultation, include_hidden=include_hidden)
    by_target: dict = defaultdict(list)
    by_objective: dict = defaultdict(lambda: {"confirmed": [], "suggested": []})
    by_kind: dict[str, list[Comment]] = defaultdict(list)
    by_question: dict = defaultdict(list)
    organizations: dict = {}
    for comment in comments:
        for target in comment.targets_named:
            by_target[target].append(comment)
        for tagging in comment.taggings.all():
            if tagging.element.kind == "objective":
                by_objective[tagging.element][tagging.status].append((comment, tagging))
        kind = comment.organization.get_kind_display() if comment.organization_id else ""
        by_kind[str(kind)].append(comment)
        by_question[comment.question].append(comment)
        key = comment.organization_id
        if key is None:
            continue
        entry = organizations.setdefault(
            key,
            {
                "organization": comment.organization,
                "comments": [],
                "asks": [],
                "targets": {},
                "interests": [],
            },
        )
        entry["comments"].append(comment)
        entry["asks"].extend((comment, ask) for ask in find_asks(comment.text))
        for target in comment.targets_named:
            entry["targets"].setdefault(target, str(_("named in a comment")))
    for interest in (
        ExpressionOfInterest.objects.filter(consultation=consultation)
        .select_related("organization")
        .prefetch_related("target")
    ):
        entry = organizations.setdefault(
            interest.organization_id,
            {
                "organization": interest.organization,
                "comments": [],
                "asks": [],
                "targets": {},
                "interests": [],
            },
        )
        entry["interests"].append(interest)
        if interest.target is not None:
            entry["targets"][interest.target] = (
                interest.get_engagement_display()
                if interest.engagement
                else str(_("expressed interest"))
            )
    kinds = Counter({kind: len(items) for kind, items in by_kind.items()})
    return {
        "comments": comments,
        "count": len(comments),
        "organization_count": len(organizations),
        "by_target": sorted(
            by_target.items(),
            key=lambda kv: (getattr(kv[0], "kind", "priority"), kv[0].number, kv[0].title),
        ),
        "by_objective": sorted(by_objective.items(), key=lambda kv: kv[0].position),
        "by_kind": sorted(by_kind.items(), key=lambda kv: -kinds[kv[0]]),
        "by_question": list(by_question.items()),
        "organizations": sorted(
            organizations.values(), key=lambda e: e["organization"].name.casefold()
        ),
        "without_organization": [c for c in comments if c.organization_id is None],
    }


THREAD_SORTS = ("oldest", "newest", "supported")


def thread_arrange(
    *,
    items: list[ThreadItem],
    consultation: Consultation,
    sort: str = "oldest",
    organization_kind: str = "",
    target_key: str = "",
) -> list[ThreadItem]:
    """Whole threads (a top-level comment and its replies) sorted by their first comment
    (oldest first, newest first, or most supported) and kept when that comment comes from
    an organisation of `organization_kind` or names the workplan item `target_key`
    ("<content type>-<id>", see targets.key). One query (for
    the priorities) on top of the thread's, whatever its length."""
    threads: list[list[ThreadItem]] = []
    for item in items:
        if item.depth == 0 or not threads:
            threads.append([item])
        else:
            threads[-1].append(item)
    if organization_kind:
        threads = [
            thread
            for thread in threads
            if thread[0].comment.organization_id
            and thread[0].comment.organization.kind == organization_kind
        ]
    if target_key:
        type_id, _sep, object_id = target_key.partition("-")
        naming = set(
            CommentTarget.objects.filter(
                comment__consultation=consultation,
                target_type_id=int(type_id),
                target_id=int(object_id),
            ).values_list("comment_id", flat=True)
        )
        threads = [thread for thread in threads if thread[0].comment.pk in naming]
    if sort == "newest":
        threads.reverse()
    elif sort == "supported":
        # Stable: equally supported threads keep their order.
        threads.sort(key=lambda thread: -thread[0].support_count)
    return [item for thread in threads for item in thread]


def consultation_document_link(*, consultation: Consultation) -> str:
    """Where the document under consultation can be read: its latest version's file or
    address, else the library document of that title, else a search for the title."""
    for version in consultation.document_versions.all():  # newest first
        if version.file:
            return file_url(version, "file")
        if version.url:
            return version.url
    if not consultation.document_title:
        return ""
    document = (
        Document.objects.filter(
            title__iexact=consultation.document_title, status=Document.Status.READY
        )
        .only("pk")
        .first()
    )
    if document is not None:
        return document.get_absolute_url()
    return f"{reverse('search:index')}?{urlencode({'q': consultation.document_title})}"
