"""The home page, the health check and the error pages."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from nethub.core.activity import home_feed
from nethub.core.selectors import home_counts

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    """Public: what the network is, what is new and what is due (for a signed-in person, their
    organisation's first), and live counts of what nethub holds."""
    organization = getattr(request.user, "organization", None)
    return render(
        request,
        "core/home.html",
        {
            "counts": home_counts(),
            "mine": home_feed(organization=organization, user=request.user)
            if organization is not None
            else None,
            "network": home_feed(organization=None, user=request.user),
            "organization": organization,
        },
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # any failure to reach the database is "down"
        logger.exception("Health check: the database does not answer")
        return False


def _tasks_ok() -> bool:
    """The task queue is up when it can be read and no task has waited longer than
    HEALTH_TASK_WAIT_LIMIT (a queue nobody works on). The inline backend is always up."""
    from django_tasks import default_task_backend

    if "django_tasks_db" not in type(default_task_backend).__module__:
        return True
    try:
        from django_tasks_db.models import DBTaskResult

        limit = timezone.now() - timedelta(seconds=settings.HEALTH_TASK_WAIT_LIMIT)
        return not DBTaskResult.objects.ready().filter(enqueued_at__lt=limit).exists()
    except Exception:
        logger.exception("Health check: the task queue cannot be read")
        return False


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Public: for the load balancer. 200 when the database answers and the task queue is
    worked on; 503 with what is down otherwise."""
    database = _database_ok()
    checks = {
        "database": "ok" if database else "down",
        "tasks": "ok" if database and _tasks_ok() else "down",
    }
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def _api_error(request: HttpRequest, status: int, detail: str) -> HttpResponse | None:
    """Under /api/ the error pages are JSON in the shape the API describes for every operation
    (`{"detail": ...}`), also for a URL no route matches or an error outside DRF's views."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": detail}, status=status)
    return None


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _api_error(request, 403, _("Permission denied.")) or render(
        request, "403.html", status=403
    )


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _api_error(request, 404, _("Not found.")) or render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _api_error(request, 500, _("Server error.")) or render(request, "500.html", status=500)
