"""The home page, the health check and the error pages."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from nethub.core.activity import home_feed
from nethub.core.selectors import home_counts


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


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Public: for the load balancer; checks the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
