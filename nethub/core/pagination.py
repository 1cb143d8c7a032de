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
