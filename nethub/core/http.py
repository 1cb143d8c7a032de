"""Response helpers shared by every app's views: going back safely, and sending stored files
so that a browser never runs them."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def redirect_back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Redirect to the form's `next` field when it points into this site, else to `fallback`
    (never an open redirect)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)


def sandboxed_file_response(
    fileobj, *, filename: str | None, content_type: str, inline: bool
) -> FileResponse:
    """A stored file, inline only for types a browser shows without running anything (the
    caller decides), else downloaded; always `nosniff` and a CSP sandbox."""
    response = FileResponse(
        fileobj,
        as_attachment=not inline,
        filename=filename or None,
        content_type=content_type if inline else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
