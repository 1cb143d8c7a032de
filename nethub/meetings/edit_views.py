"""Pages for the secretariat to plan a meeting before it is held and to edit a saved one, and
the meeting's history. Thin: forms parse, services write."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rules.contrib.views import permission_required

from nethub.core.selectors import audit_history
from nethub.meetings import selectors, services
from nethub.meetings.edit_forms import MeetingEditForms, PlanForm
from nethub.meetings.models import Meeting
from nethub.meetings.views import selection_response

HISTORY_LABELS = {
    "planned": gettext_lazy("planned"),
    "imported": gettext_lazy("summary imported"),
    "reimported": gettext_lazy("summary imported again"),
    "edited": gettext_lazy("changed"),
    "participant_added": gettext_lazy("participant added"),
    "participant_removed": gettext_lazy("participant removed"),
    "participant_changed": gettext_lazy("participant changed"),
    "agenda_item_added": gettext_lazy("agenda item added"),
    "agenda_item_removed": gettext_lazy("agenda item removed"),
    "agenda_item_changed": gettext_lazy("agenda item changed"),
    "decision_added": gettext_lazy("decision added"),
    "decision_removed": gettext_lazy("decision removed"),
    "decision_changed": gettext_lazy("decision changed"),
    "action_point_added": gettext_lazy("action point added"),
    "action_point_removed": gettext_lazy("action point removed"),
}


@permission_required("meetings.plan_meeting", raise_exception=True)
def meeting_plan(request: HttpRequest) -> HttpResponse:
    """Secretariat: create a meeting ahead of it: date, agenda, background documents from the
    library, the people invited. The summary is imported into it afterwards."""
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_plan(
                actor=request.user,
                series=data["series"],
                series_name=data["new_series"],
                date=data["date"],
                title=data["title"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                timezone=data["timezone"],
                is_virtual=data["is_virtual"],
                venue=data["venue"],
                agenda=data["agenda"].splitlines(),
                background_documents=data["background_documents"],
                invitees=form.invitees(),
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("The meeting was planned."))
            return redirect(meeting)
    return render(request, "meetings/meeting_plan.html", {"form": form})


@permission_required("meetings.change_meeting", raise_exception=True)
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: change a saved meeting: its fields, participants, agenda items, decisions
    and action points, rows added and removed; every change goes into its history."""
    meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=pk)
    forms = MeetingEditForms(meeting, request.POST or None)
    error = None
    if request.method == "POST" and forms.is_valid():
        try:
            services.meeting_edit(meeting=meeting, actor=request.user, **forms.service_arguments())
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect(meeting)
    return render(
        request,
        "meetings/meeting_edit.html",
        {
            "meeting": meeting,
            "forms": forms,
            "error": error,
            "source_parts": [{"text": meeting.source_text}] if meeting.source_text else [],
        },
    )


@permission_required("meetings.change_meeting", raise_exception=True)
def meeting_selection(request: HttpRequest, pk: int) -> JsonResponse:
    """Secretariat: what a new row of the edit page is filled with from the text selected in
    the meeting's document (task, owner, due date, agenda item); 404 without a document."""
    meeting = get_object_or_404(Meeting, pk=pk)
    if not meeting.source_text:
        raise Http404
    return selection_response(
        request,
        meeting.source_text,
        lambda span, date: selectors.meeting_selection(meeting, span=span, meeting_date=date),
    )


@permission_required("meetings.change_meeting", raise_exception=True)
def meeting_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Secretariat: who changed what in a meeting, from what to what."""
    meeting = get_object_or_404(Meeting.objects.select_related("series"), pk=pk)
    return render(
        request,
        "meetings/meeting_history.html",
        {
            "meeting": meeting,
            "history": [
                (event, HISTORY_LABELS.get(event.action, event.action))
                for event in audit_history(subject=meeting)[:500]
            ],
        },
    )
