"""Languages: switching from any page to the same page in another language, a first visit in
the language the browser asks for, and reference names (objectives, organisations) in the
reader's language."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.i18n import set_language as django_set_language


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, with the page the reader was on resolved in that page's own
    language: Django resolves it in the request's, so /fr/meetings/ could not become /meetings/
    and English could not be chosen from a French page. A signed-in reader's choice is also
    kept as their preferred language (their e-mails are written in it)."""
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    path = urlsplit(next_url).path
    prefix = get_script_prefix()
    if path.startswith(prefix):
        path = "/" + path[len(prefix) :]
    page_language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    with translation.override(page_language):
        response = django_set_language(request)
    chosen = request.POST.get("language", "")
    user = request.user
    if (
        request.method == "POST"
        and user.is_authenticated
        and translation.check_for_language(chosen)
    ):
        # E-mails follow the language the reader chose last.
        get_user_model().objects.filter(pk=user.pk).update(preferred_language=chosen)
    return response


class PreferredLanguageMiddleware:
    """Sends a page asked for without a language prefix (/meetings/) to the reader's language
    (/fr/meetings/) when that is not the default: the one they chose (cookie) or, on a first
    visit, the first of their browser's Accept-Language that the site speaks. Put after
    LocaleMiddleware. Only GET and HEAD, never htmx requests, never a URL outside the
    language-prefixed pages (the API, set_language itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect = self._redirect(request)
        response = redirect or self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    def _redirect(self, request: HttpRequest) -> HttpResponse | None:
        if request.method not in ("GET", "HEAD") or request.headers.get("HX-Request"):
            return None
        path = request.path_info
        if translation.get_language_from_path(path):
            return None
        preferred = translation.get_language_from_request(request, check_path=False)
        if not preferred or preferred == settings.LANGUAGE_CODE:
            return None
        target = f"/{preferred}{path}"
        try:
            with translation.override(preferred):
                resolve(target)
        except Resolver404:
            return None
        query = request.META.get("QUERY_STRING", "")
        url = get_script_prefix().rstrip("/") + target + (f"?{query}" if query else "")
        return HttpResponseRedirect(url)


def reader_language() -> str:
    """The language pages are being rendered in ("fr"), else the site's default."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def translated(translations: dict | None, field: str, default: str) -> str:
    """`field` of a record's `translations` ({"fr": {"name": ...}}) in the reader's language,
    else `default` (the record's own, English, value)."""
    if not translations:  # most records: no need to ask which language is active
        return default
    return (translations.get(reader_language()) or {}).get(field) or default
