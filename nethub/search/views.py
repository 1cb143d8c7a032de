"""Pages of the search app: the one search box with its facets, and "more like this"."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from rules.contrib.views import permission_required

from nethub.search import selectors
from nethub.search.forms import SearchForm

PAGE_SIZE = 20


def _querystring(request, *, toggle: tuple[str, str] | None = None) -> str:
    """The current query without `page`, with one facet value switched on or off."""
    params = request.GET.copy()
    params.pop("page", None)
    if toggle:
        facet, value = toggle
        values = params.getlist(facet)
        params.setlist(
            facet, [v for v in values if v != value] if value in values else [*values, value]
        )
    return params.urlencode()


@permission_required("search.search")
def index(request):
    """Search everything public. Anyone may search, logged in or not; hidden or unpublished
    records are never in the index, so they never appear."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    filters = selectors.clean_filters(request.GET)
    results = selectors.search(query=query, filters=filters)
    for facet in results.facets:
        for value in facet.values:
            value.querystring = _querystring(request, toggle=(facet.name, value.value))
    page_obj = Paginator(results.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    active = [
        (facet.label, value) for facet in results.facets for value in facet.values if value.selected
    ]
    return render(
        request,
        "search/index.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "page_obj": page_obj,
            "active_filters": active,
            "querystring": _querystring(request),
        },
    )


@permission_required("search.search")
def more_like_this(request, content_type_id: int, object_id: int):
    """Records similar to one record (by meaning). Anyone may see it; only public records are
    indexed, so a hidden record has no neighbours and is never one."""
    hits = selectors.more_like_this(content_type_id=content_type_id, object_id=object_id)
    template = "search/_more_like_this.html" if request.htmx else "search/more_like_this.html"
    return render(request, template, {"hits": hits})
