"""Pages of Discussion Spaces. Thin: permissions are django-rules checks, work is in the
services and selectors. Each view's docstring says who may see or do what."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from nethub.consultations import exports, selectors, services
from nethub.consultations import targets as target_registry
from nethub.consultations.forms import CommentEditForm, CommentForm, FlagForm, ReasonForm
from nethub.consultations.models import Comment, Consultation
from nethub.consultations.notifications import unsubscribe_read
from nethub.consultations.thread_html import ThreadContext, ThreadRenderer
from nethub.core.selectors import audit_history
from nethub.directory.models import OrganizationKind
from nethub.framework.models import Tagging

THREADS_PER_PAGE = 50


def _consultation(request, slug, **kwargs):
    return get_object_or_404(Consultation, slug=slug)


def _comment(request, slug, pk, **kwargs):
    return get_object_or_404(
        Comment.objects.select_related("consultation", "organization", "author"),
        consultation__slug=slug,
        pk=pk,
    )


def index(request: HttpRequest) -> HttpResponse:
    """Public: every consultation with its phase and number of published comments."""
    phase = request.GET.get("phase", "")
    if phase not in Consultation.Phase.values:
        phase = ""
    return render(
        request,
        "consultations/index.html",
        {
            "consultations": selectors.consultation_list(phase=phase),
            "phase": phase,
            "phases": Consultation.Phase.choices,
        },
    )


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Public: the consultation, its questions and its threads (hidden comments show as
    hidden; their authors and moderators see them). The comment form is there only for those
    who may comment now; moderators see moderation links."""
    consultation = selectors.consultation_detail(slug=slug)
    question_id = request.GET.get("question")
    question_id = int(question_id) if question_id and question_id.isdigit() else None
    query = request.GET.get("q", "").strip()[:200]
    items = selectors.consultation_thread(
        consultation=consultation, user=request.user, question_id=question_id, query=query
    )
    sort = request.GET.get("sort", "")
    sort = sort if sort in selectors.THREAD_SORTS else "oldest"
    kind = request.GET.get("kind", "")
    kind = kind if kind in OrganizationKind.values else ""
    target_key = request.GET.get("priority", "")
    target_key = target_key if re.fullmatch(r"\d+-\d+", target_key) else ""
    items = selectors.thread_arrange(
        items=items,
        consultation=consultation,
        sort=sort,
        organization_kind=kind,
        target_key=target_key,
    )
    # Pages of top-level threads: a page holds whole threads, whatever their size.
    roots = [i for i, item in enumerate(items) if item.depth == 0]
    # ?size=all shows every thread on one page (for printing, and the benchmark).
    per_page = max(len(roots), 1) if request.GET.get("size") == "all" else THREADS_PER_PAGE
    paginator = Paginator(roots, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    if roots:
        start = page_obj.object_list[0]
        following = page_obj.end_index()
        end = roots[following] if following < len(roots) else len(items)
        shown = items[start:end]
    else:
        shown = []
    can_comment = request.user.has_perm("consultations.comment", consultation)
    form = None
    replying_to = None
    if can_comment:
        parent_id = request.GET.get("reply_to")
        if parent_id and parent_id.isdigit():
            replying_to = next((i.comment for i in items if i.comment.pk == int(parent_id)), None)
        form = CommentForm(
            questions=consultation.questions.all(),
            initial={"parent": replying_to.pk if replying_to else None, "question": question_id},
        )
    can_moderate = request.user.has_perm("consultations.moderate", consultation)
    can_flag = request.user.has_perm("consultations.flag_comment")
    renderer = ThreadRenderer(
        ThreadContext(
            consultation_url=consultation.get_absolute_url(),
            csrf_token=get_token(request),
            user_id=request.user.pk,
            user_org=getattr(request.user, "organization_id", None),
            can_comment=can_comment,
            can_support=bool(can_comment and request.user.organization_id),
            can_flag=can_flag,
            can_moderate=can_moderate,
        )
    )
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "items": shown,
            "thread_html": renderer.render(shown, open_replies=bool(query)),
            "comment_total": len(items),
            # Said once above the thread, when imported comments came without their date.
            "imported_undated": any(
                i.comment.source_key and not i.comment.posted_on for i in items
            ),
            "page_obj": page_obj,
            "querystring": urlencode(
                {
                    k: v
                    for k, v in (
                        ("question", question_id),
                        ("q", query),
                        ("sort", sort if sort != "oldest" else ""),
                        ("kind", kind),
                        ("priority", target_key),
                    )
                    if v
                }
            ),
            "sort": sort,
            "sorts": [
                ("oldest", _("Oldest first")),
                ("newest", _("Newest first")),
                ("supported", _("Most supported")),
            ],
            "kind": kind,
            "kinds": OrganizationKind.choices,
            "target_key": target_key,
            "target_choices": [(target_registry.key(t), t) for t in consultation.targets],
            "document_link": selectors.consultation_document_link(consultation=consultation),
            "query": query,
            "question_id": question_id,
            "form": form,
            "replying_to": replying_to,
            "can_comment": can_comment,
            "can_moderate": can_moderate,
            "is_following": request.user.is_authenticated
            and consultation.follows.filter(user=request.user).exists(),
            "can_synthesis": request.user.has_perm("consultations.view_synthesis", consultation),
        },
    )


@require_POST
@permission_required("consultations.comment", fn=_consultation, raise_exception=True)
def comment_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Those who may take part, while the consultation is open: post a comment or a reply on
    behalf of their organisation, with PDF or Word attachments."""
    consultation = get_object_or_404(Consultation, slug=slug)
    form = CommentForm(request.POST, request.FILES, questions=consultation.questions.all())
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_object_or_404(
                Comment, pk=form.cleaned_data["parent"], consultation=consultation
            )
        question = (
            consultation.questions.filter(pk=form.cleaned_data["question"]).first()
            if form.cleaned_data["question"]
            else None
        )
        try:
            comment = services.comment_create(
                consultation=consultation,
                actor=request.user,
                body=form.cleaned_data["body"],
                question=question,
                parent=parent,
                attachments=form.cleaned_data["attachments"],
                submission_key=form.cleaned_data["submission_key"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if comment.status == Comment.Status.PENDING:
                messages.success(request, _("Thank you. Your comment awaits a moderator."))
            else:
                messages.success(request, _("Your comment is published."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "consultations/comment_form.html",
        {"consultation": consultation, "form": form},
        status=400,
    )


@permission_required("consultations.change_comment", fn=_comment, raise_exception=True)
def comment_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The author, while the consultation is open: edit the comment; earlier versions are
    kept and listed."""
    comment = _comment(request, slug, pk)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_update(
                comment=comment, actor=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "consultations/comment_edit.html",
        {"comment": comment, "form": form, "revisions": comment.revisions.all()},
    )


@require_POST
@permission_required("consultations.support_comment", fn=_comment, raise_exception=True)
def comment_support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """People of another organisation, while open: support a comment (or withdraw it)."""
    comment = _comment(request, slug, pk)
    if request.POST.get("withdraw"):
        services.comment_unsupport(comment=comment, actor=request.user)
    else:
        services.comment_support(comment=comment, actor=request.user)
    return redirect(comment.get_absolute_url())


@permission_required("consultations.flag_comment", fn=_comment, raise_exception=True)
def comment_flag(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Anyone logged in: ask the moderators to look at a comment."""
    comment = _comment(request, slug, pk)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_flag(
            comment=comment, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Thank you. A moderator will look at it."))
        return redirect(comment.get_absolute_url())
    return render(request, "consultations/comment_flag.html", {"comment": comment, "form": form})


@permission_required("consultations.moderate", fn=_comment, raise_exception=True)
def comment_moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The secretariat and the consultation's moderator: hide a comment with a reason the
    author sees, restore or approve it, dismiss flags; every decision is in the history."""
    comment = _comment(request, slug, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "hide":
                if form.is_valid():
                    services.comment_hide(
                        comment=comment, actor=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The comment is hidden."))
                    return redirect(comment.get_absolute_url())
            elif action == "restore":
                services.comment_restore(
                    comment=comment, actor=request.user, reason=request.POST.get("reason", "")
                )
                messages.success(request, _("The comment is published."))
                return redirect(comment.get_absolute_url())
            elif action == "dismiss":
                services.flags_dismiss(comment=comment, actor=request.user)
                return redirect("consultations:moderation")
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request,
        "consultations/comment_moderate.html",
        {
            "comment": comment,
            "form": form,
            "flags": comment.flags.select_related("user"),
            "history": audit_history(subject=comment),
        },
    )


@permission_required("consultations.view_moderation_queue", raise_exception=True)
def moderation(request: HttpRequest) -> HttpResponse:
    """The secretariat (all consultations) and moderators (theirs): comments awaiting approval
    or flagged."""
    queue = selectors.moderation_queue(user=request.user)
    page_obj = Paginator(queue, 50).get_page(request.GET.get("page"))
    flags = selectors.open_flags(comment_ids=[c.pk for c in page_obj.object_list])
    rows = [(c, flags.get(c.pk, [])) for c in page_obj.object_list]
    return render(request, "consultations/moderation.html", {"rows": rows, "page_obj": page_obj})


@login_required
@permission_required("consultations.express_interest", fn=_consultation, raise_exception=True)
def interests(request: HttpRequest, slug: str) -> HttpResponse:
    """Those who may take part, while open: say which priorities, working groups and
    workstreams their organisation wants to continue or start working on."""
    consultation = get_object_or_404(Consultation, slug=slug)
    targets = [(target_registry.key(t), t) for t in consultation.targets]
    current = {
        f"{i.target_type_id}-{i.target_id}": i.engagement
        for i in consultation.interests.filter(organization=request.user.organization)
    }
    if request.method == "POST":
        choices = {}
        for key, _target in targets:
            value = request.POST.get(f"target-{key}", "")
            if value in ("continue", "start"):
                choices[key] = value
        services.interest_set(consultation=consultation, actor=request.user, choices=choices)
        messages.success(request, _("Your organisation's interests are saved."))
        return redirect(consultation.get_absolute_url())
    rows = [(key, t, current.get(key, "")) for key, t in targets]
    return render(
        request, "consultations/interests.html", {"consultation": consultation, "rows": rows}
    )


def synthesis(request: HttpRequest, slug: str) -> HttpResponse:
    """The secretariat and the moderator: comments grouped by priority, GCM objective,
    kind of organisation and question; each organisation's asks; interests per priority.
    Anyone else gets a page saying what the synthesis is and who may read it (status 403),
    not a bare refusal."""
    consultation = selectors.consultation_detail(slug=slug)
    if not request.user.has_perm("consultations.view_synthesis", consultation):
        return render(
            request,
            "consultations/synthesis_restricted.html",
            {"consultation": consultation},
            status=403,
        )
    include_hidden = request.GET.get("hidden") == "1"
    return render(
        request,
        "consultations/synthesis.html",
        {
            "consultation": consultation,
            "s": selectors.synthesis(consultation=consultation, include_hidden=include_hidden),
            "interests": selectors.interests_table(consultation=consultation),
            "include_hidden": include_hidden,
        },
    )


@require_POST
@permission_required("consultations.view_synthesis", fn=_consultation, raise_exception=True)
def tag_confirm(request: HttpRequest, slug: str, tagging_id: int) -> HttpResponse:
    """The secretariat and the moderator: confirm a suggested GCM objective of a comment."""
    tagging = get_object_or_404(Tagging, pk=tagging_id)
    comment = tagging.tagged
    if not isinstance(comment, Comment) or comment.consultation.slug != slug:
        raise Http404
    services.tag_confirm(tagging=tagging, actor=request.user)
    return redirect("consultations:synthesis", slug=slug)


@permission_required("consultations.export", fn=_consultation, raise_exception=True)
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The secretariat and the moderator: the whole consultation as CSV, XLSX or a DOCX report,
    with hidden comments when asked (?hidden=1)."""
    consultation = get_object_or_404(Consultation, slug=slug)
    if fmt == "interests.csv":
        return exports.interests_response(consultation=consultation)
    return exports.response(
        consultation=consultation, fmt=fmt, include_hidden=request.GET.get("hidden") == "1"
    )


@require_POST
@permission_required("consultations.follow", fn=_consultation, raise_exception=True)
def follow(request: HttpRequest, slug: str) -> HttpResponse:
    """Anyone logged in: follow a consultation (daily digest) or stop."""
    consultation = get_object_or_404(Consultation, slug=slug)
    services.follow_set(
        consultation=consultation, actor=request.user, follow=request.POST.get("follow") == "1"
    )
    return redirect(consultation.get_absolute_url())


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone with the signed link of an e-mail: stop the digest or all comment e-mails.
    The link does it on confirmation (POST), so mail scanners do not unsubscribe people."""
    try:
        user_id, consultation_id = unsubscribe_read(token)
    except signing.BadSignature as error:
        raise PermissionDenied(_("This link is not valid.")) from error
    user = get_object_or_404(get_user_model(), pk=user_id)
    consultation = get_object_or_404(Consultation, pk=consultation_id) if consultation_id else None
    done = False
    if request.method == "POST":
        services.unsubscribe(user=user, consultation=consultation)
        done = True
    return render(
        request,
        "consultations/unsubscribe.html",
        {"consultation": consultation, "done": done},
    )
