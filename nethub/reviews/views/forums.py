"""Regional reviews, the IMRF and the Secretary-General's reports (public pages)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from nethub.reviews import selectors
from nethub.reviews.models import Forum, SGReport


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
