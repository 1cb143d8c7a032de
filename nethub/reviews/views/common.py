"""What the review cycle's views share: permission checks."""

from __future__ import annotations

from functools import wraps

from django.http import HttpRequest
from rules.contrib.views import permission_required


def require(perm: str, fn=None):
    """django-rules' `permission_required`: the public is sent to log in, a signed-in user
    without the permission gets the 403 page."""

    def decorator(view):
        redirecting = permission_required(perm, fn=fn)(view)
        raising = permission_required(perm, fn=fn, raise_exception=True)(view)

        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            chosen = raising if request.user.is_authenticated else redirecting
            return chosen(request, *args, **kwargs)

        return wrapped

    return decorator
