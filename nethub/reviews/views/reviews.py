"""Voluntary GCM reviews: the public list, a country's reviews over time, submitting one, and
the secretariat publishing and featuring them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.core.files import file_response
from nethub.core.pagination import paginate
from nethub.directory.models import ChampionCountry, Country
from nethub.ingest.extract import IngestError
from nethub.reviews import selectors, services
from nethub.reviews.exports import table_response
from nethub.reviews.forms import REVIEW_STATUS_ACTIONS, ReviewFilterForm, ReviewSubmitForm
from nethub.reviews.models import VoluntaryReview
from nethub.reviews.views.common import require

PAGE_SIZE = 20


def _review(request: HttpRequest, pk: int, **kwargs) -> VoluntaryReview:
    if getattr(request, "_voluntary_review", None) is None:
        try:
            request._voluntary_review = selectors.review_detail(pk=pk)
        except VoluntaryReview.DoesNotExist as error:
            raise Http404 from error
    return request._voluntary_review


def review_list(request: HttpRequest) -> HttpResponse:
    """Public: published voluntary reviews (featured ones shown first), filterable by
    region, year, language and GCM objective; sortable; paged; exportable."""
    form = ReviewFilterForm(request.GET or None)
    reviews = selectors.review_list(filters=form.filters())
    fmt = request.GET.get("format")
    if fmt:
        return table_response(
            headers=[_("Country"), _("Year"), _("Title"), _("Language"), _("Status"), _("Address")],
            rows=(
                (
                    r.country.name,
                    r.year,
                    r.title,
                    r.get_language_display(),
                    r.get_status_display(),
                    request.build_absolute_uri(r.get_absolute_url()),
                )
                for r in reviews[:5000]
            ),  # fmt: skip
            fmt=fmt,
            filename="voluntary-gcm-reviews",
        )
    page, querystring = paginate(request, reviews, PAGE_SIZE)
    return render(
        request,
        "reviews/review_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "featured": selectors.featured_reviews() if not request.GET else [],
        },
    )


@require("reviews.submit_review")
def review_submit(request: HttpRequest) -> HttpResponse:
    """A Member State representative submits a review for their State; the secretariat for any
    State. The file is read before anything is saved."""
    form = ReviewSubmitForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, filename = form.cleaned_data["file"]
        try:
            review = services.voluntary_review_submit(
                actor=request.user,
                country=form.cleaned_data["country"],
                year=form.cleaned_data["year"],
                title=form.cleaned_data["title"],
                language=form.cleaned_data["language"],
                summary=form.cleaned_data["summary"],
                objectives=form.cleaned_data["objectives"],
                data=data,
                filename=filename,
            )
        except (IngestError, services.ReviewError) as error:
            form.add_error("file" if isinstance(error, IngestError) else None, str(error))
        except PermissionDenied:
            form.add_error("country", _("You may submit reviews only for your own Member State."))
        else:
            messages.success(
                request, _("Thank you: the review is submitted. The secretariat will publish it.")
            )
            return redirect(review.get_absolute_url())
    return render(request, "reviews/review_submit.html", {"form": form})


@require("reviews.view_review", fn=_review)
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Public once published; before, its submitter, its State's representatives and the
    secretariat."""
    review = _review(request, pk)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            "can_publish": request.user.has_perm("reviews.publish_review", review),
        },
    )


@require("reviews.view_review", fn=_review)
def review_file(request: HttpRequest, pk: int) -> HttpResponse:
    return file_response(request, _review(request, pk), "file")


@require_POST
@require("reviews.publish_review", fn=_review)
def review_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat publishes, features, un-features or withdraws a review."""
    review = _review(request, pk)
    status = REVIEW_STATUS_ACTIONS.get(request.POST.get("action", ""))
    if status is None:
        messages.error(request, _("Unknown action."))
    else:
        services.voluntary_review_set_status(actor=request.user, review=review, status=status)
        messages.success(request, _("The review is now: %(status)s.") % {
            "status": VoluntaryReview.Status(status).label})  # fmt: skip
    return redirect(review.get_absolute_url())


@require("reviews.view_review_queue")
def review_queue(request: HttpRequest) -> HttpResponse:
    """The secretariat: reviews waiting to be published."""
    reviews = selectors.review_list(
        user=request.user, filters={"status": "submitted", "sort": "oldest"}
    )
    page, querystring = paginate(request, reviews, PAGE_SIZE)
    return render(
        request, "reviews/review_queue.html", {"page_obj": page, "querystring": querystring}
    )


def country_reviews(request: HttpRequest, iso2: str) -> HttpResponse:
    """Public: one country's voluntary reviews over time."""
    country = get_object_or_404(Country.objects.select_related("region"), iso2=iso2.upper())
    reviews = selectors.country_reviews(country=country, user=request.user)
    years = sorted({review.year for review in reviews})
    return render(
        request,
        "reviews/country_reviews.html",
        {
            "country": country,
            "reviews": reviews,
            "years": years,
            "champion": ChampionCountry.objects.filter(country=country).first(),
            "can_submit": request.user.has_perm("reviews.submit_review_for", country),
        },
    )
