"""Pledges: the public list, making one, progress updates and opting in to a joint pledge."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.core.pagination import paginate
from nethub.directory.models import OrganizationKind
from nethub.reviews import selectors, services
from nethub.reviews.forms import PledgeForm, PledgeUpdateForm
from nethub.reviews.models import Pledge
from nethub.reviews.views.common import require


def _pledge(request: HttpRequest, pk: int, **kwargs) -> Pledge:
    if getattr(request, "_pledge", None) is None:
        try:
            request._pledge = selectors.pledge_detail(pk=pk)
        except Pledge.DoesNotExist as error:
            raise Http404 from error
    return request._pledge


def pledge_list(request: HttpRequest) -> HttpResponse:
    """Public: pledges by status and kind of pledger."""
    filters = {
        "status": request.GET.get("status", "")
        if request.GET.get("status") in Pledge.Status.values
        else "",
        "kind": request.GET.get("kind", "")
        if request.GET.get("kind") in OrganizationKind.values
        else "",
        "joint": request.GET.get("joint") == "1",
    }
    page, querystring = paginate(request, selectors.pledge_list(filters=filters), 20)
    return render(
        request,
        "reviews/pledge_list.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "filters": filters,
            "statuses": Pledge.Status.choices,
            "kinds": OrganizationKind.choices,
        },
    )


def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    user = request.user
    opted = user.is_authenticated and any(
        o.pk == user.organization_id for o in pledge.opted_in.all()
    )
    return render(
        request,
        "reviews/pledge_detail.html",
        {
            "pledge": pledge,
            "can_update": user.has_perm("reviews.update_pledge", pledge),
            "can_opt_in": user.has_perm("reviews.opt_in_pledge", pledge),
            "opted_in": opted,
            "update_form": PledgeUpdateForm(initial={"status": pledge.status}),
        },
    )


@require("reviews.add_pledge")
def pledge_create(request: HttpRequest) -> HttpResponse:
    form = PledgeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pledge = services.pledge_create(
                actor=request.user,
                title=data["title"],
                text=data["text"],
                pledger=data.get("pledger"),
                is_joint=data.get("is_joint", False),
                date=data.get("date"),
                forum=data.get("forum"),
                objectives=data.get("objectives") or [],
            )
        except (services.ReviewError, PermissionDenied) as error:
            form.add_error(None, str(error) or _("You may not record this pledge."))
        else:
            messages.success(request, _("The pledge is recorded."))
            return redirect(pledge.get_absolute_url())
    return render(request, "reviews/pledge_form.html", {"form": form})


@require_POST
@require("reviews.update_pledge", fn=_pledge)
def pledge_update(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    form = PledgeUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.pledge_update_add(actor=request.user, pledge=pledge, **form.cleaned_data)
        except services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Progress recorded."))
    else:
        messages.error(request, _("Say what progress was made."))
    return redirect(pledge.get_absolute_url())


@require_POST
@require("reviews.opt_in_pledge", fn=_pledge)
def pledge_opt_in(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    try:
        services.pledge_opt_in(
            actor=request.user, pledge=pledge, opt_in=request.POST.get("action") != "out"
        )
    except services.ReviewError as error:
        messages.error(request, str(error))
    return redirect(pledge.get_absolute_url())
