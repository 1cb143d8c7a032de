"""Regional reviews, the IMRF and the Secretary-General's reports (public pages)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nethub.reviews import selectors, services
from nethub.reviews.forms import ForumForm, SGReportForm
from nethub.reviews.models import Forum, SGReport
from nethub.reviews.views.common import require


def forum_list(request: HttpRequest) -> HttpResponse:
    """Public: regional reviews and the IMRF, and the SG reports."""
    kind = request.GET.get("kind", "")
    if kind not in Forum.Kind.values:
        kind = ""
    return render(
        request,
        "reviews/forum_list.html",
        {
            "forums": selectors.forum_list(kind=kind),
            "kind": kind,
            "kinds": Forum.Kind.choices,
            "sg_reports": selectors.sg_report_list(),
            "can_add": request.user.has_perm("reviews.add_forum"),
        },
    )


def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        forum = selectors.forum_detail(pk=pk)
    except Forum.DoesNotExist as error:
        raise Http404 from error
    return render(request, "reviews/forum_detail.html", {"forum": forum})


def sg_report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = selectors.sg_report_detail(pk=pk)
    except SGReport.DoesNotExist as error:
        raise Http404 from error
    return render(request, "reviews/sg_report_detail.html", {"report": report})


@require("reviews.add_forum")
def forum_create(request: HttpRequest) -> HttpResponse:
    """The secretariat records a regional review or an IMRF, with its roundtables."""
    form = ForumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            forum = services.forum_create(actor=request.user, **form.cleaned_data)
        except services.ReviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The forum is recorded."))
            return redirect(forum.get_absolute_url())
    return render(request, "reviews/forum_form.html", {"form": form, "title": _("Record a forum")})


@require("reviews.add_sg_report")
def sg_report_create(request: HttpRequest) -> HttpResponse:
    """The secretariat records a report of the Secretary-General and the inputs collected."""
    form = SGReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = services.sg_report_create(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The report is recorded."))
        return redirect(report.get_absolute_url())
    return render(request, "reviews/forum_form.html", {"form": form, "title": _("Record a report")})
