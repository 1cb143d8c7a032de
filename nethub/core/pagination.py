"""Paging a list page while keeping its filters in the page links (`_pagination.html`)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def querystring(request: HttpRequest, *without: str) -> str:
    """The current query without `page` (and without the parameters named in `without`)."""
    query = request.GET.copy()
    for name in ("page", *without):
        query.pop(name, None)
    return query.urlencode()


def paginate(request: HttpRequest, items, per_page: int) -> tuple[Page, str]:
    """The page asked for by `?page=` (the last one if out of range), and the query string
    that its links keep."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    return page, querystring(request)


def paginate_rows(request: HttpRequest, queryset, per_page: int, *, rows) -> tuple[Page, str]:
    """As `paginate`, but the page is found over ids alone (its OFFSET walks a narrow index
    scan, not the joined rows), then `rows(ids)` builds only the rows shown, in that order."""
    ids_only = queryset.prefetch_related(None).select_related(None).values_list("pk", flat=True)
    page, query = paginate(request, ids_only, per_page)
    ids = list(page.object_list)
    built = {row.pk: row for row in rows(ids)}
    page.object_list = [built[pk] for pk in ids if pk in built]
    return page, query
