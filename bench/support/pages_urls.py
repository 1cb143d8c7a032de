"""The site's URLs plus a bare view: the floor a page's throughput is compared with (same
server, same middleware, no database, no template)."""

from django.http import HttpResponse
from django.urls import path

from nethub.urls import urlpatterns as site


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench-bare/", bare), *site]
