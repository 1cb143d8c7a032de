"""Pages of the roster. Each view states its permission (see rules.py); services do the writes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nethub.core.exports import export_response
from nethub.core.files import file_response
from nethub.core.pagination import paginate
from nethub.ingest.extract import IngestError
from nethub.library.views.common import require
from nethub.roster import charts, matching, selectors, services
from nethub.roster.forms import (
    ApplicationForm,
    DecisionForm,
    ExpertFilterForm,
    RequestStatusForm,
    ReviewForm,
    SupportRequestForm,
)
from nethub.roster.models import ExpertApplication, ReviewAssignment, SupportRequest

REVIEWABLE = {"library.practice", "library.document"}


def _application(request: HttpRequest, pk: int, **kwargs) -> ExpertApplication:
    if getattr(request, "_roster_application", None) is None:
        try:
            request._roster_application = selectors.application_detail(pk=pk)
        except ExpertApplication.DoesNotExist as error:
            raise Http404 from error
    return request._roster_application


def _assignment(request: HttpRequest, pk: int, **kwargs) -> ReviewAssignment:
    return get_object_or_404(
        ReviewAssignment.objects.select_related("expert", "content_type"), pk=pk
    )


def _support_request(request: HttpRequest, pk: int, **kwargs) -> SupportRequest:
    return get_object_or_404(
        SupportRequest.objects.select_related("country", "requested_by"), pk=pk
    )


# Applying ------------------------------------------------------------------------------------


@require("roster.apply")
def apply(request: HttpRequest) -> HttpResponse:
    """Anyone signed in: start, continue or update their application, save it as a draft or
    submit it."""
    application = selectors.application_of(request.user)
    if application and not request.user.has_perm("roster.change_application", application):
        return redirect("roster:my_application")
    form = ApplicationForm(
        request.POST or None,
        request.FILES or None,
        initial=ApplicationForm.initial_for(application, request.user),
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("cv")
        try:
            services.application_save(
                actor=request.user,
                values=form.values(),
                languages=form.languages(),
                cv_data=upload.read() if upload else None,
                cv_filename=upload.name if upload else "",
                submit="submit" in request.POST,
            )
        except IngestError as error:
            form.add_error("cv", str(error))
        except services.RosterError as error:
            form.add_error(None, str(error))
        else:
            if "submit" in request.POST:
                messages.success(request, _("Thank you. Your application was submitted."))
            else:
                messages.success(request, _("Your draft was saved. You can come back to it."))
            return redirect("roster:my_application")
    return render(request, "roster/apply.html", {"form": form, "application": application})


@require("roster.apply")
def my_application(request: HttpRequest) -> HttpResponse:
    application = selectors.application_of(request.user)
    if application is None:
        return redirect("roster:apply")
    return render(
        request,
        "roster/my_application.html",
        {
            "application": application,
            "steps": application.steps.filter(internal=False),
            "can_change": request.user.has_perm("roster.change_application", application),
            "assignments": selectors.assignments_of(request.user),
        },
    )


@require_POST
@require("roster.apply")
def confirm_details(request: HttpRequest) -> HttpResponse:
    application = selectors.application_of(request.user)
    if application is None or not application.is_expert:
        raise Http404
    services.application_confirm_details(actor=request.user, application=application)
    messages.success(request, _("Thank you: your details are confirmed for another year."))
    return redirect("roster:my_application")


@require("roster.view_application", fn=_application)
def application_cv(request: HttpRequest, pk: int) -> HttpResponse:
    """The CV: its applicant and the secretariat."""
    return file_response(request, _application(request, pk), "cv")


# The secretariat's review of applications ------------------------------------------------------


@require("roster.review_application")
def application_queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ExpertApplication.Status.values:
        status = ""
    page, querystring = paginate(request, selectors.application_queue(status=status), 25)
    return render(
        request,
        "roster/application_queue.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "status": status,
            "statuses": ExpertApplication.Status.choices[1:],
        },
    )


@require("roster.review_application")
def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_decide(
                actor=request.user,
                application=application,
                to_status=form.cleaned_data["to_status"],
                note=form.cleaned_data["note"],
                internal=form.cleaned_data["internal"],
            )
        except services.RosterError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The decision was recorded."))
        return redirect("roster:application_review", pk=pk)
    return render(
        request,
        "roster/application_review.html",
        {"application": application, "form": form, "steps": application.steps.all()},
    )


# The roster --------------------------------------------------------------------------------


def expert_list(request: HttpRequest) -> HttpResponse:
    """Everyone: the public sees the experts who consented to be listed and the fields each
    chose; the secretariat, Member State representatives and focal points see every accepted
    expert, searchable over their CV."""
    full = request.user.has_perm("roster.view_roster")
    form = ExpertFilterForm(request.GET or None)
    experts = selectors.expert_list(filters=form.filters(), public=not full)
    page, querystring = paginate(request, experts, 25)
    return render(
        request,
        "roster/expert_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "full": full,
            "can_export": request.user.has_perm("roster.export"),
        },
    )


@require("roster.view_expert", fn=_application)
def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    return render(
        request,
        "roster/expert_detail.html",
        {
            "expert": application,
            "full": request.user.has_perm("roster.view_expert_details", application),
        },
    )


EXPORT_HEADER = [
    "id", "name", "organisation", "organisation_kind", "objectives", "languages", "regions",
    "countries", "years", "available", "renewal_due", "listed_publicly",
]  # fmt: skip


def _export_rows(experts):
    for expert in experts:
        yield [
            expert.pk,
            expert.full_name,
            expert.organization_label,
            expert.organization.kind if expert.organization else "",
            " ".join(e.code for e in expert.expertise.all() if e.kind == "objective"),
            " ".join(f"{lang.code}:{lang.level}" for lang in expert.languages.all()),
            "; ".join(r.name for r in expert.regions.all()),
            " ".join(c.iso2 for c in expert.countries.all()),
            expert.years_of_experience or "",
            expert.available,
            expert.renewal_due.isoformat() if expert.renewal_due else "",
            expert.consent_to_be_listed,
        ]


@require("roster.export")
def expert_export(request: HttpRequest, fmt: str) -> HttpResponse:
    form = ExpertFilterForm(request.GET or None)
    experts = selectors.expert_list(filters=form.filters(), public=False)
    return export_response(
        fmt, filename="roster", header=EXPORT_HEADER, rows=_export_rows(experts.iterator(500))
    )


@require("roster.view_dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    objectives = selectors.coverage_by_objective()
    languages = selectors.coverage_by_language()
    regions = selectors.coverage_by_region()
    return render(
        request,
        "roster/dashboard.html",
        {
            "counts": selectors.dashboard_counts(),
            "objectives": objectives,
            "languages": languages,
            "regions": regions,
            "objective_chart": charts.bar_chart(
                [(element.label, n) for element, n in objectives], title=_("Experts by objective")
            ),
            "language_chart": charts.bar_chart(languages, title=_("Experts by language")),
            "region_chart": charts.bar_chart(regions, title=_("Experts by region")),
        },
    )


@require("roster.view_dashboard")
def dashboard_export(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = [("objective", e.code, n) for e, n in selectors.coverage_by_objective()]
    rows += [("language", label, n) for label, n in selectors.coverage_by_language()]
    rows += [("region", label, n) for label, n in selectors.coverage_by_region()]
    return export_response(
        fmt, filename="roster-coverage", header=["dimension", "value", "experts"], rows=rows
    )


# Peer review -------------------------------------------------------------------------------


def _reviewed_item(app_label: str, model: str, pk: int):
    if f"{app_label}.{model}" not in REVIEWABLE:
        raise Http404
    content_type = get_object_or_404(ContentType, app_label=app_label, model=model)
    try:
        return content_type.get_object_for_this_type(pk=pk)
    except content_type.model_class().DoesNotExist as error:
        raise Http404 from error


@require("roster.assign_reviewers")
def item_review(request: HttpRequest, app_label: str, model: str, pk: int) -> HttpResponse:
    """The secretariat: the peer review of one item, the reviewers nethub suggests (no
    conflicts, one internal and two external, or a third when two disagree), and assigning
    them."""
    item = _reviewed_item(app_label, model, pk)
    suggestions = selectors.reviewers_suggest(item)
    if request.method == "POST":
        chosen = set(request.POST.getlist("expert"))
        picked = [(expert, seat) for expert, seat in suggestions if str(expert.pk) in chosen]
        try:
            services.reviewers_assign(actor=request.user, item=item, experts=picked)
        except services.RosterError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The reviewers were invited."))
        return redirect(request.path)
    return render(
        request,
        "roster/item_review.html",
        {"item": item, "state": selectors.review_state(item), "suggestions": suggestions},
    )


@require("roster.apply")
def my_assignments(request: HttpRequest) -> HttpResponse:
    page, querystring = paginate(request, selectors.assignments_of(request.user), 25)
    return render(
        request, "roster/my_assignments.html", {"page_obj": page, "querystring": querystring}
    )


@require("roster.view_assignment", fn=_assignment)
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewer (and the secretariat): the item, the invitation, the review form. Other
    reviewers' verdicts only once this review is submitted."""
    assignment = _assignment(request, pk)
    form = ReviewForm(request.POST or None)
    can_respond = request.user.has_perm("roster.respond_assignment", assignment)
    if request.method == "POST" and can_respond:
        try:
            if "accept" in request.POST or "decline" in request.POST:
                services.assignment_respond(
                    actor=request.user, assignment=assignment, accept="accept" in request.POST
                )
                return redirect(assignment)
            if form.is_valid():
                services.assignment_submit(
                    actor=request.user,
                    assignment=assignment,
                    verdict=form.cleaned_data["verdict"],
                    scores=form.scores(),
                    comments=form.cleaned_data["comments"],
                )
                messages.success(request, _("Thank you: your review was submitted."))
                return redirect(assignment)
        except services.RosterError as error:
            messages.error(request, str(error))
            return redirect(assignment)
    sees_others = assignment.status == ReviewAssignment.Status.SUBMITTED or request.user.has_perm(
        "roster.assign_reviewers"
    )
    others = []
    if sees_others:
        others = [
            a for a in selectors.review_state(assignment.item).submitted if a.pk != assignment.pk
        ]
    return render(
        request,
        "roster/assignment_detail.html",
        {
            "assignment": assignment,
            "item": assignment.item,
            "form": form,
            "can_respond": can_respond,
            "others": others,
            "sees_others": sees_others,
        },
    )


# Support requests ----------------------------------------------------------------------------


@require("roster.file_request")
def request_list(request: HttpRequest) -> HttpResponse:
    everyone = request.user.has_perm("roster.manage_request")
    page, querystring = paginate(
        request, selectors.requests_for(request.user, everyone=everyone), 25
    )
    return render(
        request, "roster/request_list.html", {"page_obj": page, "querystring": querystring}
    )


@require("roster.file_request")
def request_create(request: HttpRequest) -> HttpResponse:
    form = SupportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        support_request = services.request_file(
            actor=request.user,
            values={
                k: data[k] for k in ("topic", "description", "country", "start_date", "end_date")
            },
            objectives=data["objectives"],
            languages=data["languages"],
        )
        messages.success(
            request, _("Your request was filed. The secretariat will propose experts.")
        )
        return redirect(support_request)
    return render(request, "roster/request_form.html", {"form": form})


@require("roster.view_request", fn=_support_request)
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The requester follows their request; the secretariat sees the ranked experts with the
    reasons for each, proposes some and moves the request on."""
    support_request = _support_request(request, pk)
    manages = request.user.has_perm("roster.manage_request")
    matches = []
    if manages:
        matches = matching.rank_experts(matching.need_for_request(support_request), limit=10)
    if request.method == "POST" and manages:
        try:
            if "propose" in request.POST:
                chosen = set(request.POST.getlist("expert"))
                services.request_propose(
                    actor=request.user,
                    support_request=support_request,
                    matches=[m for m in matches if str(m.expert_id) in chosen],
                )
            else:
                status_form = RequestStatusForm(request.POST)
                if status_form.is_valid():
                    services.request_move(
                        actor=request.user,
                        support_request=support_request,
                        to_status=status_form.cleaned_data["to_status"],
                        outcome=status_form.cleaned_data["outcome"],
                    )
        except services.RosterError as error:
            messages.error(request, str(error))
        return redirect(support_request)
    return render(
        request,
        "roster/request_detail.html",
        {
            "support_request": support_request,
            "proposals": support_request.proposals.select_related("expert__organization"),
            "matches": matches,
            "manages": manages,
            "status_form": RequestStatusForm() if manages else None,
        },
    )
