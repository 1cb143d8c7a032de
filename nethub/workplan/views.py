"""Workplan pages: the list, a workplan with its progress chart, the draft-vs-endorsed
comparison, working group and activity pages, membership requests and exports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.consultations.models import Comment
from nethub.core.pagination import paginate
from nethub.core.selectors import audit_history
from nethub.workplan import exports, forms, selectors, services
from nethub.workplan.models import (
    Activity,
    Membership,
    MembershipRequest,
    Priority,
    WorkingGroup,
    Workplan,
)


def _require(request: HttpRequest, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _fail(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


def index(request: HttpRequest) -> HttpResponse:
    """Public: endorsed workplans; members also see drafts in consultation; the secretariat all."""
    page_obj, query = paginate(request, selectors.workplan_list(user=request.user), 25)
    form = forms.WorkplanForm() if request.user.has_perm("workplan.add_workplan") else None
    return render(
        request, "workplan/index.html", {"page_obj": page_obj, "query": query, "form": form}
    )


@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    _require(request, "workplan.add_workplan")
    form = forms.WorkplanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form."))
        return redirect("workplan:index")
    workplan = services.workplan_create(actor=request.user, **form.cleaned_data)
    return redirect(workplan)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Who may read it (public once endorsed): priorities, groups, progress chart and table;
    the secretariat also adds items, opens the consultation and records the endorsement."""
    workplan = get_object_or_404(
        Workplan.objects.select_related(
            "endorsed_at__series", "endorsement_decision", "consultation", "previous"
        ),
        slug=slug,
    )
    _require(request, "workplan.view_workplan", workplan)
    rows = selectors.workplan_progress(workplan=workplan)
    can_change = request.user.has_perm("workplan.change_workplan", workplan)
    context = {
        "workplan": workplan,
        "rows": rows,
        "chart": selectors.chart(rows),
        "can_change": can_change,
        "can_endorse": request.user.has_perm("workplan.endorse_workplan", workplan)
        and workplan.status in ("draft", "consultation"),
    }
    if can_change:
        context |= {
            "priority_form": forms.PriorityForm(),
            "group_form": forms.GroupForm(workplan=workplan),
            "open_form": forms.OpenConsultationForm(),
            "endorse_form": forms.EndorseForm(),
        }
    return render(request, "workplan/detail.html", context)


@login_required
@require_POST
def priority_add(request: HttpRequest, slug: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.change_workplan", workplan)
    form = forms.PriorityForm(request.POST)
    if form.is_valid():
        services.priority_create(actor=request.user, workplan=workplan, **form.cleaned_data)
    else:
        messages.error(request, _("Check the form."))
    return redirect(workplan)


@login_required
@require_POST
def group_add(request: HttpRequest, slug: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.change_workplan", workplan)
    form = forms.GroupForm(request.POST, workplan=workplan)
    if form.is_valid():
        services.group_create(actor=request.user, workplan=workplan, **form.cleaned_data)
    else:
        messages.error(request, _("Check the form."))
    return redirect(workplan)


@login_required
@require_POST
def open_consultation(request: HttpRequest, slug: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.change_workplan", workplan)
    form = forms.OpenConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form."))
        return redirect(workplan)
    try:
        consultation = services.workplan_open_consultation(
            actor=request.user, workplan=workplan, **form.cleaned_data
        )
    except ValidationError as error:
        _fail(request, error)
        return redirect(workplan)
    messages.success(request, _("The draft is open for consultation."))
    return redirect(consultation)


@login_required
@require_POST
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.endorse_workplan", workplan)
    form = forms.EndorseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the form."))
        return redirect(workplan)
    try:
        services.workplan_endorse(actor=request.user, workplan=workplan, **form.cleaned_data)
    except ValidationError as error:
        _fail(request, error)
    else:
        messages.success(request, _("The endorsement is recorded."))
    return redirect(workplan)


def compare(request: HttpRequest, slug: str) -> HttpResponse:
    """The draft as consulted against the text now: items added, dropped, renamed, and each
    stakeholder ask with whether it was taken up (the secretariat confirms)."""
    workplan = get_object_or_404(Workplan.objects.select_related("consultation"), slug=slug)
    _require(request, "workplan.view_workplan", workplan)
    return render(
        request,
        "workplan/compare.html",
        {
            "workplan": workplan,
            "cmp": selectors.comparison(workplan=workplan),
            "can_confirm": request.user.has_perm("workplan.confirm_uptake", workplan),
        },
    )


@login_required
@require_POST
def uptake(request: HttpRequest, slug: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.confirm_uptake", workplan)
    form = forms.UptakeForm(request.POST)
    if form.is_valid():
        comment = get_object_or_404(Comment, pk=form.cleaned_data["comment"])
        try:
            services.ask_uptake_set(
                actor=request.user,
                workplan=workplan,
                comment=comment,
                ask_key=form.cleaned_data["key"],
                state=form.cleaned_data["state"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _fail(request, error)
    return redirect("workplan:compare", slug=slug)


def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    workplan = get_object_or_404(Workplan, slug=slug)
    _require(request, "workplan.export", workplan)
    return exports.response(workplan=workplan, fmt=fmt)


def group(request: HttpRequest, pk: int) -> HttpResponse:
    """A working group or workstream: co-leads and members, activities and their status, the
    meetings it held and their action points, its documents; requests for co-leads."""
    try:
        group = selectors.group_detail(pk=pk)
    except WorkingGroup.DoesNotExist as missing:
        raise Http404 from missing
    _require(request, "workplan.view_group", group)
    user = request.user
    can_manage = user.has_perm("workplan.manage_group", group)
    activities, query = paginate(request, selectors.group_activities(group=group), 100)
    context = {
        "group": group,
        "page_obj": activities,
        "query": query,
        "meetings": selectors.group_meetings(group=group),
        "action_points": selectors.group_action_points(group=group)[:100],
        "can_manage": can_manage,
        "can_request": user.has_perm("workplan.request_membership", group),
        "request_form": forms.RequestForm(),
        "history": audit_history(subject=group)[:20] if can_manage else [],
    }
    if can_manage:
        context |= {
            "member_form": forms.MemberForm(),
            "activity_form": forms.ActivityForm(),
            "meeting_form": forms.MeetingLinkForm(),
            "document_form": forms.GroupDocumentForm(),
            "requests": group.requests.filter(status="pending").select_related("organization"),
        }
        if group.status != "dropped" and user.has_perm("workplan.change_workplan", group.workplan):
            context["drop_form"] = forms.DropForm(item=group)
    return render(request, "workplan/group.html", context)


def priority(request: HttpRequest, pk: int) -> HttpResponse:
    """A priority: its GCM objectives, guiding principles and MPTF thematic areas (tags), its
    groups, and what it continues or is continued as."""
    item = get_object_or_404(
        Priority.objects.select_related("workplan", "successor__workplan").prefetch_related(
            "groups", "predecessors__workplan"
        ),
        pk=pk,
    )
    _require(request, "workplan.view_workplan", item)
    can_change = request.user.has_perm("workplan.change_workplan", item.workplan)
    drop_form = forms.DropForm(item=item) if can_change and item.status != "dropped" else None
    return render(request, "workplan/priority.html", {"priority": item, "drop_form": drop_form})


@login_required
@require_POST
def drop(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The secretariat drops a priority or group: kept with its history, linked to what
    continues it."""
    model = {"priority": Priority, "group": WorkingGroup}.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(model.objects.select_related("workplan"), pk=pk)
    _require(request, "workplan.change_workplan", item.workplan)
    form = forms.DropForm(request.POST, item=item)
    if form.is_valid():
        services.item_drop(actor=request.user, item=item, **form.cleaned_data)
        messages.success(request, _("Dropped; its history is kept."))
    return redirect(item)


@login_required
@require_POST
def activity_document(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("group__workplan"), pk=pk)
    _require(request, "workplan.manage_group", activity)
    form = forms.DocumentLinkForm(request.POST)
    if form.is_valid():
        services.activity_link_document(
            actor=request.user, activity=activity, document=form.cleaned_data["document"]
        )
    return redirect(activity)


def _group_action(request, pk, perm):
    group = get_object_or_404(WorkingGroup.objects.select_related("workplan"), pk=pk)
    _require(request, perm, group)
    return group


@login_required
@require_POST
def group_request(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group_action(request, pk, "workplan.request_membership")
    form = forms.RequestForm(request.POST)
    if form.is_valid():
        try:
            services.membership_request_create(
                actor=request.user,
                organization=request.user.organization,
                group=group,
                **form.cleaned_data,
            )
            messages.success(request, _("Your request is sent to the co-leads."))
        except ValidationError as error:
            _fail(request, error)
    return redirect(group)


@login_required
@require_POST
def group_member(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group_action(request, pk, "workplan.manage_group")
    form = forms.MemberForm(request.POST)
    if form.is_valid():
        services.membership_set(actor=request.user, group=group, **form.cleaned_data)
    return redirect(group)


@login_required
@require_POST
def group_activity(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group_action(request, pk, "workplan.manage_group")
    form = forms.ActivityForm(request.POST)
    if form.is_valid():
        try:
            activity = services.activity_create(
                actor=request.user, group=group, **form.cleaned_data
            )
        except ValidationError as error:
            _fail(request, error)
        else:
            return redirect(activity)
    else:
        messages.error(request, _("Check the form."))
    return redirect(group)


@login_required
@require_POST
def group_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group_action(request, pk, "workplan.manage_group")
    form = forms.MeetingLinkForm(request.POST)
    if form.is_valid():
        services.group_link_meeting(
            actor=request.user, group=group, meeting=form.cleaned_data["meeting"]
        )
    return redirect(group)


@login_required
@require_POST
def group_document(request: HttpRequest, pk: int) -> HttpResponse:
    group = _group_action(request, pk, "workplan.manage_group")
    form = forms.GroupDocumentForm(request.POST)
    if form.is_valid():
        services.group_link_document(actor=request.user, group=group, **form.cleaned_data)
    return redirect(group)


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership.objects.select_related("group"), pk=pk)
    _require(request, "workplan.manage_group", membership.group)
    services.membership_remove(actor=request.user, membership=membership)
    return redirect(membership.group)


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    """Membership requests awaiting a decision by the user (secretariat: all; co-leads:
    their groups')."""
    page_obj, query = paginate(request, selectors.requests_to_decide(user=request.user), 50)
    return render(
        request,
        "workplan/requests.html",
        {"page_obj": page_obj, "query": query, "form": forms.DecideForm()},
    )


@login_required
@require_POST
def request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    membership_request = get_object_or_404(
        MembershipRequest.objects.select_related("group", "priority"), pk=pk
    )
    _require(request, "workplan.decide_request", membership_request)
    form = forms.DecideForm(request.POST)
    if form.is_valid():
        try:
            services.membership_request_decide(
                actor=request.user, request=membership_request, **form.cleaned_data
            )
            messages.success(request, _("The decision is recorded."))
        except ValidationError as error:
            _fail(request, error)
    return redirect("workplan:requests")


def activity(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("group__workplan"), pk=pk)
    _require(request, "workplan.view_group", activity.group)
    activity = selectors.activity_detail(pk=pk)
    can_progress = request.user.has_perm("workplan.add_progress", activity)
    can_manage = request.user.has_perm("workplan.manage_group", activity)
    form = forms.ProgressForm(initial={"status": activity.status, "progress": activity.progress})
    return render(
        request,
        "workplan/activity.html",
        {
            "activity": activity,
            "can_progress": can_progress,
            "form": form if can_progress else None,
            "document_form": forms.DocumentLinkForm() if can_manage else None,
        },
    )


@login_required
@require_POST
def activity_progress(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.select_related("group__workplan"), pk=pk)
    _require(request, "workplan.add_progress", activity)
    form = forms.ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.progress_note_add(actor=request.user, activity=activity, **form.cleaned_data)
            messages.success(request, _("Progress recorded."))
        except ValidationError as error:
            _fail(request, error)
    else:
        messages.error(request, _("Check the form."))
    return redirect(activity)
