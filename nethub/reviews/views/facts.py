"""Figures over time: the series of confirmed figures (chart, table, the source sentence of
each point), one figure with its sentence in its document, and the secretariat's queue of
candidates to confirm or reject."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.core.pagination import paginate
from nethub.library.models import Document
from nethub.reviews import selectors, services
from nethub.reviews.charts import line_chart_svg
from nethub.reviews.exports import table_response
from nethub.reviews.forms import FactDecisionForm
from nethub.reviews.models import Fact
from nethub.reviews.views.common import require


def _fact(request: HttpRequest, pk: int, **kwargs) -> Fact:
    if getattr(request, "_fact", None) is None:
        try:
            request._fact = selectors.fact_detail(pk=pk)
        except Fact.DoesNotExist as error:
            raise Http404 from error
    return request._fact


def series_list(request: HttpRequest) -> HttpResponse:
    """Public: every series of confirmed figures with its latest value and source."""
    return render(request, "reviews/series_list.html", {"series": selectors.series_list()})


def series_chart(points: list[Fact], title: str) -> str:
    return line_chart_svg(
        title=title,
        labels=[dateformat.format(point.date, "M Y") for point in points],
        series={title: [float(point.value) for point in points]},
    )


def series_detail(request: HttpRequest, series: str) -> HttpResponse:
    """Public: one series as a chart, with its table and each point's source sentence."""
    points = selectors.series_points(series=series)
    if not points:
        raise Http404
    label = points[-1].label
    fmt = request.GET.get("format")
    if fmt:
        return table_response(
            headers=[
                _("Date"),
                _("Value"),
                _("Unit"),
                _("Source"),
                _("Source sentence"),
                _("Address"),
            ],
            rows=(
                (
                    p.date.isoformat(),
                    p.value,
                    p.unit,
                    p.source_title,
                    p.sentence,
                    request.build_absolute_uri(p.get_absolute_url()),
                )
                for p in points
            ),  # fmt: skip
            fmt=fmt,
            filename=f"figures-{series}",
        )
    return render(
        request,
        "reviews/series_detail.html",
        {"series": series, "label": label, "points": points, "chart": series_chart(points, label)},
    )


@require("reviews.view_fact", fn=_fact)
def fact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A figure and the sentence it comes from, highlighted in the text around it."""
    fact = _fact(request, pk)
    text = ""
    if fact.document_id:
        text = fact.document.text if fact.document.status == Document.Status.READY else ""
    elif fact.meeting_id:
        text = fact.meeting.source_text
    before = after = ""
    if text and 0 <= fact.start < fact.end <= len(text):
        sentence_start = max(text.rfind("\n", 0, fact.start), 0)
        before = text[max(sentence_start - 600, 0) : fact.start]
        after = text[fact.end : fact.end + 600]
    return render(
        request,
        "reviews/fact_detail.html",
        {
            "fact": fact,
            "before": before,
            "matched": text[fact.start : fact.end] if before or after else "",
            "after": after,
            "can_review": request.user.has_perm("reviews.review_facts", fact),
            "form": FactDecisionForm(
                initial={
                    "series": fact.series,
                    "label": fact.label,
                    "value": fact.value,
                    "unit": fact.unit,
                    "date": fact.date,
                    "is_headline": fact.is_headline,
                }
            ),  # fmt: skip
        },
    )


@require("reviews.review_facts")
def fact_queue(request: HttpRequest) -> HttpResponse:
    """The secretariat: candidate figures extracted from documents, to confirm or reject."""
    status = request.GET.get("status", "candidate")
    if status not in Fact.Status.values:
        status = "candidate"
    page, querystring = paginate(request, selectors.fact_queue(status=status), 30)
    return render(
        request,
        "reviews/fact_queue.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "status": status,
            "statuses": Fact.Status.choices,
        },
    )


@require_POST
@require("reviews.review_facts", fn=_fact)
def fact_decide(request: HttpRequest, pk: int) -> HttpResponse:
    fact = _fact(request, pk)
    form = FactDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Check the figure: %(errors)s") % {"errors": form.errors.as_text()}
        )
        return redirect(fact.get_absolute_url())
    data = form.cleaned_data
    services.fact_decide(
        actor=request.user,
        fact=fact,
        status=data["status"],
        is_headline=data["is_headline"],
        series=data["series"],
        label=data["label"],
        value=data["value"],
        unit=data["unit"],
        date=data["date"],
    )
    messages.success(
        request, _("The figure is now: %(status)s.") % {"status": Fact.Status(data["status"]).label}
    )
    return redirect(
        request.POST.get("next") == "queue" and "reviews:fact_queue" or fact.get_absolute_url()
    )


@require_POST
@require("reviews.extract_facts")
def document_extract_facts(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat: find candidate figures in a library document."""
    document = get_object_or_404(Document, pk=pk, status=Document.Status.READY)
    found = services.facts_extract(
        actor=request.user,
        text=document.text,
        date=document.date or document.created_at.date(),
        source_title=document.title,
        document=document,
    )
    messages.success(request, _("%(count)d new candidate figures.") % {"count": len(found)})
    return redirect("reviews:fact_queue")


@require_POST
@require("reviews.extract_facts")
def facts_extract_all(request: HttpRequest) -> HttpResponse:
    """The secretariat: look for figures in every library document and meeting summary."""
    found = services.facts_extract_all(actor=request.user)
    messages.success(request, _("%(count)d new candidate figures.") % {"count": found})
    return redirect("reviews:fact_queue")
