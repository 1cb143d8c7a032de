"""The GCM framework's pages, and the tag editor's one endpoint."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from nethub.core.http import redirect_back
from nethub.core.pagination import paginate
from nethub.framework import selectors, services
from nethub.framework.forms import TagEditForm
from nethub.framework.models import ElementKind, FrameworkElement
from nethub.framework.templatetags.framework_tags import tag_editor_context


def index(request: HttpRequest) -> HttpResponse:
    """Public: the 23 objectives, 10 guiding principles, MPTF thematic areas with the objectives
    they group, and the related SDG targets."""
    overview = selectors.framework_overview()
    return render(
        request,
        "framework/index.html",
        {
            "objectives": overview[ElementKind.OBJECTIVE],
            "principles": overview[ElementKind.PRINCIPLE],
            "thematic_areas": overview[ElementKind.THEMATIC_AREA],
            "sdg_targets": overview[ElementKind.SDG_TARGET],
        },
    )


def element_detail(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    """Public: one framework element and what is tagged with it (confirmed tags), grouped by
    the kind of record."""
    try:
        element = selectors.element_detail(kind=kind, code=code)
    except FrameworkElement.DoesNotExist as error:
        raise Http404 from error
    return render(
        request,
        "framework/element_detail.html",
        {"element": element, "tagged": selectors.tagged_records(element=element)},
    )


@require_POST
def tags_edit(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """Those with `framework.tag_record` on the record (the secretariat and members of the
    organisation that owns it, or whom the record's `tag_permission` names): confirm or
    remove a suggested tag, remove or add a tag.
    Answers htmx with the refreshed editor, a plain form post with a redirect back."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None:
        raise Http404
    obj = get_object_or_404(model._default_manager, pk=object_id)
    if not request.user.has_perm("framework.tag_record", obj):
        raise PermissionDenied
    form = TagEditForm(request.POST, obj=obj)
    errors = []
    if form.is_valid():
        action = form.cleaned_data["action"]
        if action == "confirm":
            services.tag_confirm(tagging=form.cleaned_data["tagging_obj"], actor=request.user)
        elif action == "remove":
            services.tag_remove(tagging=form.cleaned_data["tagging_obj"], actor=request.user)
        else:
            services.tag_add(obj=obj, element=form.cleaned_data["element"], actor=request.user)
    else:
        errors = [error for field_errors in form.errors.values() for error in field_errors]
    if request.htmx:
        return render(
            request,
            "framework/_tag_editor.html",
            tag_editor_context(obj=obj, user=request.user, request=request, errors=errors),
        )
    for error in errors:
        messages.error(request, error)
    if not errors:
        messages.success(request, _("GCM tags saved."))
    return redirect_back(
        request, obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"
    )


@permission_required("framework.review_suggestions", raise_exception=True)
def suggestions(request: HttpRequest) -> HttpResponse:
    """Secretariat: the GCM tags nethub suggested on every kind of record, filtered by element
    and kind of record; chosen ones are confirmed or rejected together."""
    if request.method == "POST":
        ids = [int(pk) for pk in request.POST.getlist("tagging") if pk.isdigit()]
        confirm = request.POST.get("action") == "confirm"
        if not ids:
            messages.error(request, _("Choose at least one suggestion."))
        else:
            count = services.tag_suggestions_review(
                tagging_ids=ids, confirm=confirm, actor=request.user
            )
            messages.success(
                request,
                (_("Confirmed: %(n)d.") if confirm else _("Rejected: %(n)d.")) % {"n": count},
            )
        return redirect_back(request, reverse("framework:suggestions"))
    element = request.GET.get("element", "")
    element_id = int(element) if element.isdigit() else None
    model = request.GET.get("kind", "")
    kinds = selectors.suggestion_kinds()
    if model not in {name for name, _label in kinds}:
        model = ""
    page, query = paginate(
        request, selectors.suggestion_queue(element_id=element_id, model=model), 50
    )
    return render(
        request,
        "framework/suggestions.html",
        {
            "page_obj": page,
            "querystring": query,
            "elements": selectors.objectives(),
            "element_id": element_id,
            "kinds": kinds,
            "kind": model,
        },
    )
