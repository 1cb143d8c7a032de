"""Reads for Discussion Spaces. The thread costs a fixed number of queries whatever its size:
comments (with author and organisation), attachments, support counts, the viewer's supports;
the tree is built in Python and flattened with depths for a loop-only template."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
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
    comments = _thread_comments(
        consultation=consultation,
        user=user,
        moderator=moderator,
        question_id=question_id,
        query=query,
        all_fields=all_fields,
    )
    comments = list(comments.order_by("created_at", "position", "pk"))
    # Everything: attachments and supports are read for the whole consultation.
    scope = Q(comment__consultation=consultation)
    return flatten(_tree(comments, scope=scope, user=user, moderator=moderator))


def _thread_comments(
    *, consultation, user, moderator: bool, question_id=None, query="", all_fields=False
) -> QuerySet[Comment]:
    """The comments the viewer may know of (pending ones only for their author and
    moderators), with the question and search filters."""
    comments = Comment.objects.filter(consultation=consultation).select_related(
        "organization", "author"
    )
    if not all_fields:
        comments = comments.only(*THREAD_FIELDS)
    if not moderator:
        pending = Q(status=Comment.Status.PENDING)
        if user.is_authenticated:
            pending &= ~Q(author_id=user.pk)
        comments = comments.exclude(pending)
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
    return comments


def _with_supports(comments: QuerySet[Comment], user) -> QuerySet[Comment]:
    """Each comment's number of supports and whether the viewer's organisation gave one,
    read with the comment (a subquery a row on the comment's index) rather than by two more
    queries over a list of the page's ids."""
    supports = Support.objects.filter(comment=OuterRef("pk"))
    comments = comments.annotate(
        support_n=Coalesce(
            Subquery(supports.order_by().values("comment").annotate(n=Count("pk")).values("n")),
            0,
        )
    )
    if user.is_authenticated and user.organization_id:
        return comments.annotate(
            supported_by_viewer=Exists(supports.filter(organization_id=user.organization_id))
        )
    return comments


def _tree(
    comments: list[Comment], *, scope: Q, user, moderator: bool, annotated: bool = False
) -> list[ThreadItem]:
    """The roots of `comments` (in order) with their replies attached: a comment whose parent
    is not among them is a root. Three queries, for the attachments and supports in `scope`
    (a filter on their comment); one when the comments come `annotated` by `_with_supports`."""
    attachments: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in Attachment.objects.filter(scope).only(
        "pk", "comment_id", "filename", "file", "mime_type", "size"
    ):
        attachments[attachment.comment_id].append(attachment)
    if annotated:
        support_counts = {c.pk: c.support_n for c in comments if c.support_n}
        supported = {c.pk for c in comments if getattr(c, "supported_by_viewer", False)}
    else:
        support_counts = dict(
            Support.objects.filter(scope)
            .values_list("comment_id")
            .annotate(n=Count("pk"))
            .values_list("comment_id", "n")
        )
        supported: set[int] = set()
        if user.is_authenticated and user.organization_id:
            supported = set(
                Support.objects.filter(scope, organization_id=user.organization_id).values_list(
                    "comment_id", flat=True
                )
            )
    by_id = {c.pk: c for c in comments}
    items: dict[int, ThreadItem] = {}
    roots: list[ThreadItem] = []
    for comment in comments:
        items[comment.pk] = ThreadItem(
            comment=comment,
            depth=0,
            visible=_visible_to(comment, user, moderator),
            attachments=attachments.get(comment.pk, []),
            support_count=support_counts.get(comment.pk, 0),
            supported=comment.pk in supported,
        )
    labels: dict[int, str] = {}  # a comment's author, named once for all its replies
    for comment in comments:
        item = items[comment.pk]
        parent = items.get(comment.parent_id) if comment.parent_id else None
        if parent is not None:
            parent.children.append(item)
            if comment.parent_id not in labels:
                labels[comment.parent_id] = by_id[comment.parent_id].author_label
            item.replying_to = labels[comment.parent_id]
        else:
            roots.append(item)
            item.replying_to = comment.reply_to_label
    return roots


def _threads(roots: QuerySet[Comment], select: str) -> list:
    """`select` over `tree(id)`: the ids of `roots` and of the replies under them, at any
    depth (one recursive query along the parent index, as PostgreSQL and SQLite both run it;
    its rows are read, not joined back, so a poor row estimate cannot make it quadratic).
    The caller keeps those of the ids the viewer may see."""
    base, params = roots.order_by().values_list("id").query.sql_with_params()
    table = Comment._meta.db_table
    # Safe: `base` is Django's compiled query (values stay bound in `params`), `table` the
    # model's table and `select` a constant of this module; nothing comes from the request.
    sql = (
        f"WITH RECURSIVE tree(id) AS ({base} UNION ALL SELECT c.id FROM {table} c"  # noqa: S608
        f" JOIN tree ON c.parent_id = tree.id) {select}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass
class ThreadPage:
    page: Page
    items: list[ThreadItem]  # the page's threads, flattened with depths
    total: int  # comments in every thread the filters keep
    imported_undated: bool


def thread_page(
    *,
    consultation: Consultation,
    user,
    page: str | None,
    per_page: int | None,
    question_id: int | None = None,
    query: str = "",
    sort: str = "oldest",
    organization_kind: str = "",
    target_key: str = "",
) -> ThreadPage:
    """One page of whole threads (a top-level comment and its replies): sorted by their first
    comment (oldest, newest or most supported) and kept when it comes from an organisation of
    `organization_kind` or names the workplan item `target_key` ("<content type>-<id>", see
    targets.key). The roots are sorted, filtered, counted and paged in the database, then only
    the page's threads are fetched and built. A fixed number of queries whatever the thread's
    size (`per_page` None: every thread on one page)."""
    moderator = can_moderate(user, consultation)
    comments = _thread_comments(
        consultation=consultation,
        user=user,
        moderator=moderator,
        question_id=question_id,
        query=query,
    )
    # A root: no parent among the comments shown (as `_tree` decides).
    roots = comments.filter(Q(parent=None) | ~Q(parent_id__in=comments.values("pk")))
    if organization_kind:
        roots = roots.filter(organization__kind=organization_kind)
    if target_key:
        type_id, _sep, object_id = target_key.partition("-")
        roots = roots.filter(
            pk__in=CommentTarget.objects.filter(
                comment__consultation=consultation,
                target_type_id=int(type_id),
                target_id=int(object_id),
            ).values("comment_id")
        )
    ordered = roots.order_by(*THREAD_ROOT_ORDERS.get(sort, THREAD_ROOT_ORDERS["oldest"]))
    if sort == "supported":
        ordered = ordered.annotate(supports_n=Count("supports")).order_by(
            "-supports_n", *THREAD_ROOT_ORDERS["oldest"]
        )
    root_ids = ordered.values_list("pk", flat=True)
    # Imported comments whose page stated no date (the page says so once).
    undated = ~Q(source_key="") & Q(posted_on=None)
    if organization_kind or target_key:
        kept = [row[0] for row in _threads(roots, "SELECT id FROM tree")]
        total = comments.filter(pk__in=kept).count()
        imported_undated = comments.filter(undated).exists()
    else:
        # Every comment shown is in some thread: one count for both figures.
        figures = comments.aggregate(total=Count("pk"), undated=Count("pk", filter=undated))
        total, imported_undated = figures["total"], bool(figures["undated"])
    paginator = Paginator(root_ids, per_page or max(roots.count(), 1))
    page_obj = paginator.get_page(page)
    shown_roots = list(page_obj.object_list)
    items: list[ThreadItem] = []
    if shown_roots:
        ids = _threads(comments.filter(pk__in=shown_roots), "SELECT id FROM tree")
        shown = _with_supports(comments.filter(pk__in=[row[0] for row in ids]), user)
        shown = list(shown.order_by("created_at", "position", "pk"))
        tree = _tree(
            shown,
            scope=Q(comment_id__in=[c.pk for c in shown]),
            user=user,
            moderator=moderator,
            annotated=True,
        )
        # Replies whose parent the viewer may not see are threads of their own (on their page).
        by_root = {item.comment.pk: item for item in tree if item.comment.pk in shown_roots}
        items = flatten([by_root[pk] for pk in shown_roots if pk in by_root])
    return ThreadPage(
        page=page_obj,
        items=items,
        total=total,
        imported_undated=imported_undated,
    )


def reply_target(*, consultation: Consultation, user, pk: int) -> Comment | None:
    """The comment a reply form answers, if the viewer may know of it."""
    return (
        _thread_comments(
            consultation=consultation, user=user, moderator=can_moderate(user, consultation)
        )
        .filter(pk=pk)
        .first()
    )


THREAD_ROOT_ORDERS = {
    "oldest": ("created_at", "position", "pk"),
    "newest": ("-created_at", "-position", "-pk"),
    "supported": ("created_at", "position", "pk"),
}


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
        entry["asks"].extend((comment, ask) for ask in comment.asks)  # found on save
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


# The synthesis page: organisations a page, and comments listed under each priority or
# objective (the rest are counted, and read in the thread or the exports).
SYNTHESIS_ORGANIZATIONS_PER_PAGE = 10
SYNTHESIS_LISTED = 5


def _first_per_group(queryset: QuerySet, partition: list[str], order: list[str]) -> QuerySet:
    """The first SYNTHESIS_LISTED rows of each group of `queryset` (one query)."""
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    return queryset.annotate(
        rank=Window(
            RowNumber(),
            partition_by=[F(name) for name in partition],
            order_by=[F(name[1:]).desc() if name.startswith("-") else F(name) for name in order],
        )
    ).filter(rank__lte=SYNTHESIS_LISTED)


def synthesis_page(*, consultation: Consultation, include_hidden: bool, page: str | None) -> dict:
    """What `synthesis` gathers, for the page: counts from the database, one page of
    organisations with their asks (stored on each comment when written) and priorities, and
    the first few comments under each priority and objective. A fixed number of queries,
    and the same work whatever the number of comments."""
    from django.db.models.functions import Lower

    from nethub.directory.models import Organization, OrganizationKind
    from nethub.framework.models import Tagging

    kinds = dict(OrganizationKind.choices)
    comments = _include_hidden(Comment.objects.filter(consultation=consultation), include_hidden)
    interests = ExpressionOfInterest.objects.filter(consultation=consultation)
    organizations = Organization.objects.filter(
        Q(pk__in=comments.values("organization_id")) | Q(pk__in=interests.values("organization_id"))
    ).order_by(Lower("name"), "pk")
    page_obj = Paginator(organizations, SYNTHESIS_ORGANIZATIONS_PER_PAGE).get_page(page)
    counts = comments.aggregate(
        count=Count("pk"), without_organization=Count("pk", filter=Q(organization=None))
    )
    return {
        **counts,
        "organization_count": page_obj.paginator.count,
        "organizations": _organization_entries(
            consultation, comments, interests, list(page_obj.object_list)
        ),
        "page_obj": page_obj,
        "by_target": _by_target(consultation, comments),
        "by_objective": _by_objective(consultation, comments, Tagging),
        "by_kind": [
            (kinds.get(row["organization__kind"] or "", ""), row["n"])
            for row in comments.order_by()
            .values("organization__kind")
            .annotate(n=Count("pk"))
            .order_by("-n", "organization__kind")
        ],
        "by_question": _by_question(consultation, comments),
    }


def _comment_link(comment: Comment, consultation: Consultation) -> Comment:
    comment.consultation = consultation  # its URL, without a join per comment
    return comment


def _organization_entries(consultation, comments, interests, organizations) -> list[dict]:
    """Each organisation of the page: its asks, the priorities it named or joined (three
    queries, for these organisations only)."""
    entries = {
        org.pk: {"organization": org, "asks": [], "targets": {}, "interests": []}
        for org in organizations
    }
    ids = list(entries)
    for comment in comments.filter(organization_id__in=ids).only("pk", "organization_id", "asks"):
        entry = entries[comment.organization_id]
        entry["asks"].extend((_comment_link(comment, consultation), ask) for ask in comment.asks)
    for link in (
        CommentTarget.objects.filter(
            comment__in=comments.filter(organization_id__in=ids).values("pk")
        )
        .select_related("comment")
        .only("target_type", "target_id", "comment__organization_id")
        .prefetch_related("target")
    ):
        if link.target is not None:
            entries[link.comment.organization_id]["targets"].setdefault(
                link.target, str(_("named in a comment"))
            )
    for interest in interests.filter(organization_id__in=ids).prefetch_related("target"):
        entry = entries[interest.organization_id]
        entry["interests"].append(interest)
        if interest.target is not None:
            entry["targets"][interest.target] = (
                interest.get_engagement_display()
                if interest.engagement
                else str(_("expressed interest"))
            )
    return list(entries.values())


def _by_target(consultation, comments) -> list[tuple]:
    """(target, number of comments naming it, the first of them): two queries."""
    from nethub.consultations import targets as target_registry

    links = CommentTarget.objects.filter(comment__in=comments.values("pk"))
    counts = {
        (row["target_type_id"], row["target_id"]): row["n"]
        for row in links.values("target_type_id", "target_id").annotate(n=Count("pk"))
    }
    first: dict[tuple, list] = defaultdict(list)
    for link in _first_per_group(
        links.select_related("comment__organization", "comment__author"),
        ["target_type_id", "target_id"],
        ["comment__created_at", "comment_id"],
    ):
        first[(link.target_type_id, link.target_id)].append(
            _comment_link(link.comment, consultation)
        )
    rows = []
    for target in consultation.targets:
        key = _key(target)
        if counts.get(key):
            rows.append((target, counts[key], first[key], target_registry.key(target)))
    return sorted(
        rows, key=lambda row: (getattr(row[0], "kind", "priority"), row[0].number, row[0].title)
    )


def _by_objective(consultation, comments, Tagging) -> list[tuple]:
    """(objective, {confirmed: n, suggested: n, first confirmed and suggested taggings}):
    two queries."""
    taggings = Tagging.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id__in=comments.values("pk"),
        element__kind="objective",
    )
    groups: dict = {}
    for row in taggings.values("element_id", "status").annotate(n=Count("pk")):
        groups.setdefault(row["element_id"], {"confirmed": [], "suggested": []})
        groups[row["element_id"]][f"{row['status']}_count"] = row["n"]
    elements = {}
    listed = _first_per_group(
        taggings.select_related("element"), ["element_id", "status"], ["created_at", "pk"]
    )
    listed = list(listed)
    by_id = {
        c.pk: _comment_link(c, consultation)
        for c in comments.filter(pk__in=[t.object_id for t in listed]).select_related(
            "organization", "author"
        )
    }
    for tagging in listed:
        elements[tagging.element_id] = tagging.element
        if tagging.object_id in by_id:
            groups[tagging.element_id][tagging.status].append((by_id[tagging.object_id], tagging))
    return sorted(
        ((elements[pk], group) for pk, group in groups.items() if pk in elements),
        key=lambda kv: kv[0].position,
    )


def _by_question(consultation, comments) -> list[tuple]:
    """(question, number of comments) in the questions' order; comments under no question
    last. One query (the questions come with the consultation)."""
    questions = {q.pk: q for q in consultation.questions.all()}
    counts = comments.order_by().values("question_id").annotate(n=Count("pk"))
    rows = [(questions.get(row["question_id"]), row["n"]) for row in counts]
    return sorted(rows, key=lambda row: (row[0] is None, row[0].position if row[0] else 0))
