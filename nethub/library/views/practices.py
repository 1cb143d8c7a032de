"""Practices: the public repository, submitting one, and its review."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.core.files import file_response
from nethub.core.pagination import paginate
from nethub.core.selectors import audit_history
from nethub.ingest.extract import IngestError
from nethub.library import selectors, services
from nethub.library.forms import PracticeFilterForm, PracticeForm, ReviewForm
from nethub.library.models import Practice
from nethub.library.views.common import require


def _practice(request: HttpRequest, pk: int, **kwargs) -> Practice:
    if getattr(request, "_library_practice", None) is None:
        try:
            request._library_practice = selectors.practice_detail(pk=pk)
        except Practice.DoesNotExist as error:
            raise Http404 from error
    return request._library_practice


def practice_list(request: HttpRequest) -> HttpResponse:
    """Public: the repository of published practices, filterable by objective, principle,
    region, country and kind of organisation."""
    form = PracticeFilterForm(request.GET or None)
    page, querystring = paginate(request, selectors.practice_list(filters=form.filters()), 12)
    return render(
        request,
        "library/practice_list.html",
        {"form": form, "page_obj": page, "querystring": querystring},
    )


@require("library.view_practice", fn=_practice)
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public once published; before, its submitter and the secretariat, who also see the
    review history and notes."""
    practice = _practice(request, pk)
    user = request.user
    is_reviewer = user.has_perm("library.review_practice", practice)
    sees_review = is_reviewer or practice.submitted_by_id == user.pk
    return render(
        request,
        "library/practice_detail.html",
        {
            "practice": practice,
            "can_change": user.has_perm("library.change_practice", practice),
            "can_resubmit": user.has_perm("library.resubmit_practice", practice),
            "is_reviewer": is_reviewer,
            "sees_review": sees_review,
            "review_form": ReviewForm() if is_reviewer else None,
            "history": audit_history(subject=practice)[:30] if is_reviewer else [],
        },
    )


@require("library.view_practice", fn=_practice)
def practice_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    """Who may see the practice: its PDF attachment."""
    return file_response(request, _practice(request, pk), "attachment")


def _form_values(data: dict) -> dict:
    return {
        "title": data["title"],
        "summary": data["summary"],
        "description": data["description"],
        "results": data["results"],
        "replicability": data["replicability"],
        "implementation": data["implementation"],
        "start_year": data["start_year"],
        "partners": data["partners"],
        "language": data["language"],
        "objectives": data["objectives"],
        "principles": data["principles"],
        "countries": data["countries"],
        "regions": data["regions"],
        "attachment": data["attachment"],
    }


@require("library.submit_practice")
def practice_submit(request: HttpRequest) -> HttpResponse:
    """Registered users: submit a practice for review."""
    initial = {"organization": request.user.organization}
    form = PracticeForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = _form_values(form.cleaned_data)
        if form.cleaned_data["organization"]:
            values["organization"] = form.cleaned_data["organization"]
        try:
            practice = services.practice_submit(actor=request.user, **values)
        except IngestError as error:
            form.add_error("attachment", str(error))
        else:
            messages.success(
                request,
                _("Thank you. Your practice was submitted; the secretariat will review it."),
            )
            return redirect(practice)
    return render(request, "library/practice_form.html", {"form": form, "practice": None})


@require("library.change_practice", fn=_practice)
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Its submitter while it is submitted or has changes requested; the secretariat always."""
    practice = _practice(request, pk)
    form = PracticeForm(
        request.POST or None, request.FILES or None, initial=PracticeForm.initial_for(practice)
    )
    if request.method == "POST" and form.is_valid():
        values = _form_values(form.cleaned_data)
        values["organization"] = form.cleaned_data["organization"]
        try:
            services.practice_update(practice=practice, actor=request.user, **values)
        except IngestError as error:
            form.add_error("attachment", str(error))
        else:
            messages.success(request, _("The practice was saved."))
            return redirect(practice)
    return render(request, "library/practice_form.html", {"form": form, "practice": practice})


REVIEW_ACTIONS = {
    "start": lambda practice, actor, note: services.practice_review_start(
        practice=practice, actor=actor
    ),
    "request_changes": lambda practice, actor, note: services.practice_request_changes(
        practice=practice, actor=actor, note=note
    ),
    "publish": lambda practice, actor, note: services.practice_publish(
        practice=practice, actor=actor, note=note
    ),
    "decline": lambda practice, actor, note: services.practice_decline(
        practice=practice, actor=actor, note=note
    ),
}


@require_POST
@require("library.review_practice", fn=_practice)
def practice_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: take into review, request changes, publish or decline, with a note."""
    practice = _practice(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what to do with the practice."))
        return redirect(practice)
    try:
        REVIEW_ACTIONS[form.cleaned_data["action"]](
            practice, request.user, form.cleaned_data["note"]
        )
    except services.PracticeTransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The practice is now “%(status)s”.") % {"status": practice.get_status_display()},
        )
    return redirect(practice)


@require_POST
@require("library.resubmit_practice", fn=_practice)
def practice_resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    """Its submitter, once changes were requested: send it back for review."""
    practice = _practice(request, pk)
    services.practice_resubmit(
        practice=practice, actor=request.user, note=request.POST.get("note", "")
    )
    messages.success(request, _("Your practice was sent back for review."))
    return redirect(practice)


@require("library.review_practice")
def practice_queue(request: HttpRequest) -> HttpResponse:
    """The secretariat: practices waiting for review or for their submitter."""
    page, querystring = paginate(request, selectors.practice_review_queue(), 30)
    return render(
        request, "library/practice_queue.html", {"page_obj": page, "querystring": querystring}
    )


@require("library.submit_practice")
def practice_mine(request: HttpRequest) -> HttpResponse:
    """Registered users: the practices they submitted, in every state."""
    page, querystring = paginate(request, selectors.practices_of(user=request.user), 30)
    return render(
        request, "library/practice_mine.html", {"page_obj": page, "querystring": querystring}
    )
