"""The REST API. Each app that exposes records has an `api.py` with `register(router)`;
this module collects them, so apps add endpoints without touching shared files."""

from importlib import import_module

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

router = DefaultRouter()
for app in settings.INSTALLED_APPS:
    if not app.startswith("nethub."):
        continue
    try:
        module = import_module(f"{app}.api")
    except ModuleNotFoundError as error:
        if error.name != f"{app}.api":
            raise
        continue
    module.register(router)

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
