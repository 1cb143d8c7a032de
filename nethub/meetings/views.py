"""Pages for meetings, the action tracker and importing summaries. Thin: parse, check, call a
service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus
from rules.contrib.views import permission_required

from nethub.core.files import file_response
from nethub.core.http import redirect_back
from nethub.core.pagination import paginate, paginate_rows, querystring
from nethub.directory.models import Organization
from nethub.meetings import exports, notifications, selectors, services
from nethub.meetings.filters import ActionPointFilter
from nethub.meetings.forms import DueDateForm, StatusForm, UploadForm
from nethub.meetings.models import ActionPoint, ImportDraft, Meeting, TrackerEmailOptOut
from nethub.meetings.review_forms import ReviewForms, SelectionForm
from nethub.meetings.tasks import import_draft
from nethub.meetings.tracker_html import TrackerRows

PAGE_SIZE = 50


MEETINGS_PER_PAGE = 25


def meeting_index(request: HttpRequest) -> HttpResponse:
    """Public: every meeting, newest first, with its count of open action points."""
    page, _query = paginate_rows(
        request, selectors.meeting_list(), MEETINGS_PER_PAGE, rows=selectors.meeting_rows
    )
    return render(request, "meetings/meeting_list.html", {"page_obj": page})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: participants, agenda, decisions and action points with their current status."""
    try:
        meeting = selectors.meeting_detail(pk=pk)
    except Meeting.DoesNotExist as error:
        raise Http404 from error
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})


def meeting_source(request: HttpRequest, pk: int) -> FileResponse:
    """Public: the document the meeting was imported from (the bookmarked address; the page
    links to core's file view, which this delegates to)."""
    return file_response(request, get_object_or_404(Meeting, pk=pk), "source_document")


def _filtered(request: HttpRequest):
    sort = request.GET.get("sort", "due")
    filterset = ActionPointFilter(
        request.GET or None, queryset=selectors.action_point_list(sort=sort), request=request
    )
    return filterset, sort


def tracker(request: HttpRequest) -> HttpResponse:
    """Public: all action points across meetings, filtered, sorted and paginated; overdue ones
    stand out. At the top, counts by status, overdue and owner (each a filter) and a chart of
    open and overdue points by owner, over the other filters. Those who may change a status
    (secretariat; focal points for their own organisation's) get the inline form."""
    filterset, sort = _filtered(request)
    page, export_query = paginate_rows(
        request, filterset.qs, PAGE_SIZE, rows=lambda ids: selectors.action_point_rows(ids=ids)
    )
    # The counts ignore the status and overdue filters, so that each stays a choice to make.
    summary = selectors.tracker_summary(
        filterset.filter_queryset_without("status", "overdue", queryset=ActionPoint.objects.all())
    )
    return render(
        request,
        "meetings/tracker.html",
        {
            "filter": filterset,
            "page_obj": page,
            "sort": sort,
            "querystring": export_query,
            "sort_querystring": querystring(request, "sort"),
            "base_querystring": querystring(request, "status", "overdue"),
            "owner_querystring": querystring(request, "owner"),
            "status_choices": ActionPoint.Status.choices,
            "summary": summary,
            "rows_html": TrackerRows(request).render(page.object_list),
            "owner_options": selectors.owner_choices(),
            "email_settings_url": reverse(
                "meetings:email_opt_out",
                args=[notifications.opt_out_token(user_id=request.user.pk)],
            )
            if request.user.is_authenticated
            else "",
        },
    )


def tracker_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Public: the tracker's filtered list as CSV, XLSX, or an iCalendar feed of due dates."""
    filterset, _sort = _filtered(request)
    return exports.response(filterset.qs, fmt=fmt)


def action_point_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public: one action point, where it came from and its history; those allowed may change
    its status here."""
    try:
        point = selectors.action_point_detail(pk=pk)
    except ActionPoint.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "meetings/action_point_detail.html",
        {
            "point": point,
            "history": selectors.action_point_history(action_point=point),
            "form": StatusForm(initial={"status": point.status}),
            "due_date_form": DueDateForm(initial={"due_date": point.due_date}),
            "status_choices": ActionPoint.Status.choices,
            "owner_choices": selectors.owner_choices()
            if request.user.has_perm("meetings.assign_action_point_owner", point)
            else [],
            "later_meetings": Meeting.objects.filter(date__gt=point.meeting.date)
            .exclude(pk__in=[m.pk for m in point.reported_in.all()])
            .select_related("series"),
        },
    )


@require_POST
def action_point_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: any action point; focal point: those its organisation owns. Answers htmx
    with the updated tracker row, other requests with a redirect."""
    point = get_object_or_404(ActionPoint.objects.select_related("owner_organization"), pk=pk)
    if not request.user.has_perm("meetings.change_action_point_status", point):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if form.is_valid():
        point = services.action_point_update_status(
            action_point=point,
            status=form.cleaned_data["status"],
            comment=form.cleaned_data["comment"],
            actor=request.user,
        )
        if not request.htmx:
            messages.success(request, _("Status updated."))
    elif not request.htmx:
        messages.error(request, _("Choose a valid status."))
    if request.htmx:
        point = selectors.action_point_rows(ids=[point.pk]).get()
        return HttpResponse(TrackerRows(request, updated=form.is_valid()).row(point))
    return redirect_back(request, point.get_absolute_url())


@require_POST
@permission_required("meetings.assign_action_point_owner", raise_exception=True)
def action_point_owner(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: assign (or clear) the organisation that owns an action point."""
    point = get_object_or_404(ActionPoint, pk=pk)
    slug = request.POST.get("organization", "")
    organization = Organization.objects.filter(slug=slug).first() if slug else None
    if slug and organization is None:
        messages.error(request, _("Choose an organisation from the list."))
    else:
        services.action_point_assign_owner(
            action_point=point, organization=organization, actor=request.user
        )
        messages.success(request, _("Owner saved."))
    return redirect(point.get_absolute_url())


@require_POST
@permission_required("meetings.import_meeting", raise_exception=True)
def action_point_link_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: record that a later meeting reported on this action point."""
    point = get_object_or_404(ActionPoint, pk=pk)
    meeting = Meeting.objects.filter(pk=request.POST.get("meeting")).first()
    if meeting is None or meeting.date < point.meeting.date:
        messages.error(request, _("Choose a meeting held after the one this point came from."))
    else:
        services.action_point_link_report(action_point=point, meeting=meeting, actor=request.user)
        messages.success(request, _("Linked."))
    return redirect(point.get_absolute_url())


@permission_required("meetings.import_meeting", raise_exception=True)
def import_upload(request: HttpRequest) -> HttpResponse:
    """Secretariat: upload a summary; what is extracted is shown for checking before saving."""
    form = UploadForm(request.POST or None, request.FILES or None)
    target = Meeting.objects.filter(pk=request.GET.get("meeting") or 0).first()
    if request.method == "POST" and form.is_valid():
        data, filename = form.cleaned_data["file"]
        draft, created = services.import_draft_create(
            data=data, filename=filename, actor=request.user, meeting=target
        )
        if not created:
            messages.info(request, _("This file is already being imported: here is its import."))
        return redirect("meetings:import_review", pk=draft.pk)
    return render(
        request,
        "meetings/import_upload.html",
        {"form": form, "target": target, "drafts": selectors.import_drafts_unfinished()},
    )


@permission_required("meetings.import_meeting", raise_exception=True)
def import_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: the extracted structure beside the text it came from, editable; saving
    creates or updates the meeting."""
    draft = get_object_or_404(ImportDraft, pk=pk)
    if draft.status in (ImportDraft.Status.READING, ImportDraft.Status.UNREADABLE):
        return render(request, "meetings/import_reading.html", {"draft": draft})
    review = ReviewForms(draft.extraction, request.POST or None, text=draft.text)
    if request.method == "POST" and review.is_valid():
        # One path: the checked extraction is kept on the draft and the import task saves it
        # (inline without a worker; in the background with one).
        services.import_draft_submit(
            draft=draft,
            extraction=review.extraction(),
            actor=request.user,
            outcome=review.outcome(),
        )
        result = import_draft.enqueue(draft_id=draft.pk, actor_id=request.user.pk)
        if result.status == TaskResultStatus.SUCCESSFUL:
            messages.success(request, _("The meeting was saved."))
            return redirect(Meeting.objects.get(pk=result.return_value))
        if result.status == TaskResultStatus.FAILED:
            draft.refresh_from_db()
            review.meeting.add_error(
                None,
                _("The meeting could not be saved: %(reason)s Please check the fields.")
                % {"reason": draft.error},
            )
        else:
            messages.success(
                request, _("The meeting is being saved; it appears in the list shortly.")
            )
            return redirect("meetings:index")
    parts, to_check = selectors.import_review_marks(draft.text, draft.extraction)
    return render(
        request,
        "meetings/import_review.html",
        {
            "review": review,
            "form": review.meeting,
            "draft": draft,
            "source_parts": parts,
            "to_check": to_check,
            "owner_choices": selectors.import_owner_choices(),
        },
    )


def selection_response(request: HttpRequest, text: str, read) -> JsonResponse:
    """The JSON a page's "Add from the text" fills a new row with: `read(span, date)` of the
    selection `?start=&end=` in `text` (and the meeting's `date` as the page has it), or 400
    with the reason. It reads, and changes nothing."""
    form = SelectionForm(request.GET, length=len(text))
    if not form.is_valid():
        reasons = [error for errors in form.errors.values() for error in errors]
        return JsonResponse({"error": " ".join(reasons)}, status=400)
    span = (form.cleaned_data["start"], form.cleaned_data["end"])
    return JsonResponse(read(span, form.cleaned_data["date"]))


@permission_required("meetings.import_meeting", raise_exception=True)
def import_selection(request: HttpRequest, pk: int) -> JsonResponse:
    """Secretariat: what a new row of the review is filled with from the text selected in the
    document (task, owner, due date, agenda item)."""
    draft = get_object_or_404(ImportDraft, pk=pk)
    extracted_date = parse_date(draft.extraction.get("date") or "")
    return selection_response(
        request,
        draft.text,
        lambda span, date: selectors.import_selection(
            draft.text, draft.extraction, span=span, meeting_date=date or extracted_date
        ),
    )


@permission_required("meetings.import_meeting", raise_exception=True)
def import_outcomes(request: HttpRequest) -> HttpResponse:
    """Secretariat: what the checks of imported summaries changed of their extraction, in all
    (each kind of row: kept, corrected, removed, added; each rule's rows kept and removed) and
    import by import, newest first."""
    page, query = paginate(request, selectors.import_outcome_list(), MEETINGS_PER_PAGE)
    return render(
        request,
        "meetings/import_outcomes.html",
        {"totals": selectors.import_outcome_totals(), "page_obj": page, "querystring": query},
    )


@permission_required("meetings.import_meeting", raise_exception=True)
def import_outcomes_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Secretariat: the imports' outcomes as CSV or XLSX (counts only)."""
    return exports.outcomes_response(fmt)


@require_POST
@permission_required("meetings.import_meeting", raise_exception=True)
def import_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: drop an import that is not wanted, with its file (nothing else changes)."""
    draft = ImportDraft.objects.filter(pk=pk).first()
    if draft is not None and draft.status != ImportDraft.Status.SAVING:
        services.import_draft_discard(draft=draft)
        messages.success(request, _("The import of %(name)s was discarded.") % {"name": draft})
    elif draft is not None:
        messages.error(request, _("This import is being saved and can no longer be discarded."))
        return redirect("meetings:import_review", pk=pk)
    return redirect("meetings:import")


@permission_required("meetings.import_meeting", raise_exception=True)
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: how far the reading of an upload, or the saving of its meeting, has gone
    (polled by its page, which reloads into the review form once the reading is over, and goes
    to the meetings once the meeting is saved: the draft is then gone)."""
    draft = ImportDraft.objects.filter(pk=pk).first()
    if draft is None:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("meetings:index")
        return response
    response = render(request, "meetings/_import_progress.html", {"draft": draft})
    if draft.status not in (ImportDraft.Status.READING, ImportDraft.Status.SAVING):
        response["HX-Refresh"] = "true"
    return response


@require_POST
def action_point_due_date(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: change the due date; a focal point of the owner: propose one (the
    secretariat decides). With the reason, in the history."""
    point = get_object_or_404(ActionPoint, pk=pk)
    if not request.user.has_perm("meetings.propose_action_point_due_date", point):
        raise PermissionDenied
    form = DueDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date."))
        return redirect(point.get_absolute_url())
    due_date, note = form.cleaned_data["due_date"], form.cleaned_data["note"]
    try:
        if request.user.has_perm("meetings.change_action_point_due_date", point):
            services.action_point_change_due_date(
                action_point=point, due_date=due_date, note=note, actor=request.user
            )
            messages.success(request, _("Due date changed."))
        else:
            services.action_point_propose_due_date(
                action_point=point, due_date=due_date, note=note, actor=request.user
            )
            messages.success(request, _("Due date proposed: the secretariat will decide."))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(point.get_absolute_url())


@require_POST
@permission_required("meetings.change_action_point_due_date", raise_exception=True)
def action_point_due_date_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: accept or decline the due date a focal point proposed."""
    point = get_object_or_404(ActionPoint, pk=pk)
    try:
        services.action_point_decide_due_date(
            action_point=point, accept=request.POST.get("decision") == "accept", actor=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Decision saved."))
    return redirect(point.get_absolute_url())


def tracker_email_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    """Anyone with the signed link of a tracker e-mail: stop (or resume) these e-mails. Done on
    confirmation (POST), so that mail scanners following links change nothing."""
    try:
        user_id = notifications.opt_out_read(token)
    except signing.BadSignature as error:
        raise PermissionDenied(_("This link is not valid.")) from error
    user = get_object_or_404(get_user_model(), pk=user_id)
    done = None
    if request.method == "POST":
        receive = request.POST.get("receive") == "1"
        services.tracker_emails_opt(user=user, receive=receive)
        done = "resumed" if receive else "stopped"
    return render(
        request,
        "meetings/email_opt_out.html",
        {"done": done, "opted_out": TrackerEmailOptOut.objects.filter(user=user).exists()},
    )
