"""The fund's pages: dashboard (public and secretariat), the pipeline, contributions, the
Steering Committee, and the spreadsheet import. Thin: parse, check, call, render."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from nethub.core.exports import XLSX, export_response
from nethub.core.pagination import paginate, querystring
from nethub.directory.models import Region
from nethub.fund import charts, importer, selectors, services
from nethub.fund.brief import state_of_the_fund_docx
from nethub.fund.forms import (
    AllocationForm,
    ContributionForm,
    ImportForm,
    MembershipForm,
    PositionForm,
    ProgrammeForm,
    ProgressForm,
    RotationForm,
    SelectionForm,
    TargetForm,
    TransitionForm,
)
from nethub.fund.models import Contribution, FundingWindow, ImportBatch, Programme, Stage

PAGE_SIZE = 50


def _dashboard_context(request: HttpRequest, *, on: datetime.date, published_only: bool) -> dict:
    figures = selectors.dashboard_figures(on=on, published_only=published_only)
    stages, themes = figures["stages"], figures["themes"]
    return {
        **figures,
        "years_chart": charts.bars_with_target(
            figures["years"], title=_("Contributions committed against the target, by year (USD)")
        ),
        "stages_chart": charts.horizontal_bars(
            [(str(r["label"]), r["count"]) for r in stages],
            title=_("Programmes by stage"),
            name="stages",
        ),
        "themes_chart": charts.horizontal_bars(
            [(r["thematic_area__title"] or _("None"), r["requested"]) for r in themes],
            title=_("Requested budget by thematic area (USD)"),
            name="themes",
        ),
        "unfunded_chart": charts.horizontal_bars(
            [(r["thematic_area__title"] or _("None"), r["unfunded"]) for r in themes],
            title=_("Unfunded demand by thematic area (USD)"),
            name="unfunded",
        ),
        "regions_chart": charts.horizontal_bars(
            [(r["region__name"] or _("No region"), r["count"]) for r in figures["regions"]],
            title=_("Programmes by region"),
            name="regions",
        ),
        "donors_chart": charts.horizontal_bars(
            [(r["donor__name"], r["total"]) for r in figures["donors"]],
            title=_("Top donors (USD committed)"),
            name="donors",
        ),
        "published_only": published_only,
    }


def dashboard(request: HttpRequest) -> HttpResponse:
    """Public: the fund's figures today, each chart with its table and exports."""
    context = _dashboard_context(request, on=datetime.date.today(), published_only=True)
    return render(request, "fund/dashboard.html", context)


@permission_required("fund.view_brief", raise_exception=True)
def dashboard_secretariat(request: HttpRequest) -> HttpResponse:
    """Secretariat and Steering Committee: the position at any date, the brief, targets."""
    form = PositionForm(request.GET or None)
    on = form.day()
    context = _dashboard_context(request, on=on, published_only=False)
    context.update(
        {
            "position_form": form,
            "target_form": TargetForm(initial={"year": on.year}),
            "secretariat": True,
        }
    )
    return render(request, "fund/dashboard.html", context)


def dashboard_map(request: HttpRequest) -> HttpResponse:
    """Public: the map of countries with published programmes, as an SVG document."""
    published_only = not request.user.has_perm("fund.view_pipeline")
    svg = charts.world_map(
        selectors.programmes_by_country(published_only=published_only),
        title=_("Programmes by country"),
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    # About a megabyte of paths: let the browser keep it a few minutes (private: the
    # secretariat's map shows unpublished programmes too).
    patch_cache_control(response, private=True, max_age=300)
    return response


TABLES = {
    "years": (
        ["year", "committed_usd", "target_usd", "share_percent", "contributions"],
        lambda: [
            [r["year"], r["committed"], r["target"], r["share"], r["count"]]
            for r in selectors.contributions_by_year()
        ],
    ),
    "stages": (
        ["stage", "programmes", "requested_usd"],
        lambda: [
            [str(r["label"]), r["count"], r["requested"]] for r in selectors.pipeline_by_stage()
        ],
    ),
    "themes": (
        ["thematic_area", "title", "programmes", "funded", "requested_usd", "unfunded_usd"],
        lambda: [
            [
                r["thematic_area__code"],
                r["thematic_area__title"],
                r["count"],
                r["funded"],
                r["requested"],
                r["unfunded"],
            ]
            for r in selectors.pipeline_by_thematic_area()
        ],
    ),
    "unfunded": (
        ["thematic_area", "title", "unfunded_usd"],
        lambda: [
            [r["thematic_area__code"], r["thematic_area__title"], r["unfunded"]]
            for r in selectors.pipeline_by_thematic_area()
        ],
    ),
    "regions": (
        ["region", "programmes", "requested_usd", "unfunded_usd"],
        lambda: [
            [r["region__name"] or "", r["count"], r["requested"], r["unfunded"]]
            for r in selectors.pipeline_by_region()
        ],
    ),
    "countries": (
        ["iso2", "country", "programmes"],
        lambda: [
            [r["country__iso2"], r["country__name"], r["count"]]
            for r in selectors.programmes_by_country(published_only=True)
        ],
    ),
    "donors": (
        ["donor", "committed_usd", "contributions"],
        lambda: [[r["donor__name"], r["total"], r["count"]] for r in selectors.top_donors()],
    ),
}


def dashboard_export(request: HttpRequest, table: str, fmt: str) -> HttpResponse:
    """Public: one of the dashboard's tables as CSV or XLSX."""
    if table not in TABLES:
        raise Http404
    columns, rows = TABLES[table]
    return export_response(fmt, filename=f"fund-{table}", header=columns, rows=rows())


@permission_required("fund.view_brief", raise_exception=True)
def brief(request: HttpRequest) -> HttpResponse:
    """The "state of the fund" brief for the date asked (today by default), as DOCX."""
    on = PositionForm(request.GET or None).day()
    response = HttpResponse(
        state_of_the_fund_docx(on=on),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="state-of-the-fund-{on}.docx"'
    return response


@require_POST
@permission_required("fund.manage_money", raise_exception=True)
def target_set(request: HttpRequest) -> HttpResponse:
    form = TargetForm(request.POST)
    if form.is_valid():
        services.target_set(
            actor=request.user, source=_("Set by the secretariat"), **form.cleaned_data
        )
        messages.success(request, _("Target saved."))
    else:
        messages.error(request, _("Give a year and an amount."))
    return redirect("fund:dashboard_secretariat")


def programme_list(request: HttpRequest) -> HttpResponse:
    """Public: published programmes; the whole pipeline for those who may see it."""
    filters = {
        name: request.GET.get(name, "").strip()
        for name in ("stage", "thematic_area", "region", "country", "window", "q")
    }
    sort = request.GET.get("sort", "reference")
    programmes = selectors.programme_list(user=request.user, filters=filters, sort=sort)
    page, query = paginate(request, programmes, PAGE_SIZE)
    return render(
        request,
        "fund/programme_list.html",
        {
            "page_obj": page,
            "querystring": query,
            "sort_querystring": querystring(request, "sort"),
            "filters": filters,
            "sort": sort,
            "stages": Stage.choices,
            "regions": Region.objects.filter(programmes__isnull=False).distinct().order_by("name"),
            "windows": FundingWindow.objects.all(),
        },
    )


def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        programme = selectors.programme_detail(pk=pk)
    except Programme.DoesNotExist as error:
        raise Http404 from error
    if not request.user.has_perm("fund.view_programme", programme):
        raise Http404
    return render(
        request,
        "fund/programme_detail.html",
        {
            "programme": programme,
            "history": selectors.programme_history(programme=programme),
            "allocations": programme.allocations.all(),
            "allocation_form": AllocationForm(initial={"date": datetime.date.today()}),
            "transition_form": TransitionForm(programme=programme),
            "progress_form": ProgressForm(
                initial={
                    "progress": programme.progress,
                    "progress_percent": programme.progress_percent,
                }
            ),
        },
    )


@permission_required("fund.add_programme", raise_exception=True)
def programme_create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            programme = services.programme_create(actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Concept note recorded."))
            return redirect(programme)
    return render(request, "fund/programme_form.html", {"form": form})


@permission_required(
    "fund.change_programme",
    fn=lambda request, pk: get_object_or_404(Programme, pk=pk),
    raise_exception=True,
)
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("reference", None)
        try:
            services.programme_update(programme=programme, actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Programme saved."))
            return redirect(programme)
    # The form edits its own copy; the page must not show values the service refused.
    return render(request, "fund/programme_form.html", {"form": form, "programme": programme})


@require_POST
def programme_transition(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    if not request.user.has_perm("fund.move_programme", programme):
        raise PermissionDenied
    form = TransitionForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            services.programme_transition(
                programme=programme, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The programme moved to its new stage."))
    else:
        messages.error(request, _("Choose a stage the programme can move to."))
    return redirect(programme)


@require_POST
def programme_progress(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    if not request.user.has_perm("fund.update_progress", programme):
        raise PermissionDenied
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            services.programme_update_progress(
                programme=programme, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Progress saved."))
    else:
        messages.error(request, _("Describe the progress."))
    return redirect(programme)


@permission_required("fund.view_contributions", raise_exception=True)
def contribution_list(request: HttpRequest) -> HttpResponse:
    """Secretariat and Steering Committee: every contribution; a donor: its own."""
    filters = {name: request.GET.get(name, "").strip() for name in ("year", "kind", "donor")}
    if filters["year"] and not filters["year"].isdigit():
        filters["year"] = ""
    contributions = selectors.contribution_list(user=request.user, filters=filters)
    page, query = paginate(request, contributions, PAGE_SIZE)
    return render(
        request,
        "fund/contribution_list.html",
        {
            "page_obj": page,
            "querystring": query,
            "filters": filters,
            "kinds": Contribution.Kind.choices,
        },
    )


@permission_required("fund.manage_money", raise_exception=True)
def contribution_create(request: HttpRequest) -> HttpResponse:
    form = ContributionForm(request.POST or None, initial={"date": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reference = data.pop("reference")
        try:
            services.contribution_create(reference=reference, actor=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Contribution recorded."))
            return redirect("fund:contribution_list")
    return render(request, "fund/contribution_form.html", {"form": form})


def steering_committee(request: HttpRequest) -> HttpResponse:
    """Public: who sits on the Steering Committee, its rotations, and its meetings' decisions
    with the programmes each selected."""
    may_select = request.user.has_perm("fund.select_programmes")
    return render(
        request,
        "fund/steering_committee.html",
        {
            **selectors.steering_committee(),
            "meetings": selectors.sc_meetings(),
            "selection_form": SelectionForm() if may_select else None,
            "membership_form": MembershipForm(),
            "rotation_form": RotationForm(),
        },
    )


@require_POST
@permission_required("fund.manage_steering_committee", raise_exception=True)
def membership_create(request: HttpRequest) -> HttpResponse:
    form = MembershipForm(request.POST)
    if form.is_valid():
        try:
            services.membership_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Member added."))
    else:
        messages.error(request, _("Give the organisation, its seat and the first day."))
    return redirect("fund:steering_committee")


@require_POST
@permission_required("fund.manage_steering_committee", raise_exception=True)
def rotation_create(request: HttpRequest) -> HttpResponse:
    form = RotationForm(request.POST)
    if form.is_valid():
        try:
            services.rotation_record(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Rotation recorded."))
    else:
        messages.error(request, _("Give the date, who leaves and who joins."))
    return redirect("fund:steering_committee")


@require_POST
@permission_required("fund.manage_money", raise_exception=True)
def allocation_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    form = AllocationForm(request.POST)
    if form.is_valid():
        try:
            services.allocation_create(
                programme=programme,
                window=programme.window,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Allocation recorded."))
    else:
        messages.error(request, _("Give a date and an amount."))
    return redirect(programme)


@permission_required("fund.select_programmes", raise_exception=True)
def selection_create(request: HttpRequest) -> HttpResponse:
    """The secretariat or a Steering Committee member records a decision that selects
    programmes from the pipeline."""
    form = SelectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.sc_meeting_get_or_create(
                date=form.cleaned_data["meeting_date"], actor=request.user
            )
            services.programmes_select(
                meeting=meeting,
                text=form.cleaned_data["text"],
                programmes=form.cleaned_data["programmes"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("fund:steering_committee")
    return render(request, "fund/selection_form.html", {"form": form})


@permission_required("fund.import", raise_exception=True)
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        # Files uploaded and never confirmed are not kept beyond two days.
        ImportBatch.objects.filter(
            created_at__lt=timezone.now() - datetime.timedelta(days=2)
        ).delete()
        batch = ImportBatch.objects.create(
            kind=form.cleaned_data["kind"],
            filename=upload.name[:255],
            data=upload.read(),
            created_by=request.user,
        )
        return redirect("fund:import_preview", pk=batch.pk)
    return render(request, "fund/import_upload.html", {"form": form, "columns": importer.COLUMNS})


@permission_required("fund.import", raise_exception=True)
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """What the file would change, row by row, with each error and its reason; confirming
    saves every row or, if one has an error, none."""
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user, applied_at__isnull=True)
    try:
        rows = importer.read_rows(bytes(batch.data), batch.filename)
    except importer.ImportFileError as error:
        messages.error(request, str(error))
        batch.delete()
        return redirect("fund:import")
    if request.method == "POST":
        try:
            result = importer.apply(
                kind=batch.kind, rows=rows, actor=request.user, filename=batch.filename
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            batch.delete()
            messages.success(
                request,
                _("Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                % {
                    "created": result.count("create"),
                    "updated": result.count("update"),
                    "unchanged": result.count("unchanged"),
                },
            )
            return redirect(
                "fund:programme_list" if batch.kind == "programmes" else "fund:contribution_list"
            )
    check = importer.check(kind=batch.kind, rows=rows)
    return render(request, "fund/import_preview.html", {"batch": batch, "check": check})


@permission_required("fund.import", raise_exception=True)
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in importer.COLUMNS:
        raise Http404
    response = HttpResponse(importer.template_xlsx(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="fund-{kind}-template.xlsx"'
    return response
