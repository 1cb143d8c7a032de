"""The site's URLs: each app mounts its own under a prefix; the API under /api/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from nethub.core.files import serve_file
from nethub.core.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", include("nethub.api.urls")),
    # Every uploaded file, permission-checked; MEDIA_URL is never served, not even in DEBUG.
    path("files/<str:app_label>/<str:model_name>/<int:pk>/<str:field>/", serve_file, name="file"),
]
urlpatterns += i18n_patterns(
    path("", include("nethub.core.urls")),
    path("accounts/", include("nethub.accounts.urls")),
    path("directory/", include("nethub.directory.urls")),
    path("framework/", include("nethub.framework.urls")),
    path("meetings/", include("nethub.meetings.urls")),
    path("consultations/", include("nethub.consultations.urls")),
    path("library/", include("nethub.library.urls")),
    path("roster/", include("nethub.roster.urls")),
    path("search/", include("nethub.search.urls")),
    path("reviews/", include("nethub.reviews.urls")),
    path("calendar/", include("nethub.events.urls")),
    path("admin/", admin.site.urls),
    path("fund/", include("nethub.fund.urls")),
    prefix_default_language=False,
)
urlpatterns += i18n_patterns(
    path("workplan/", include("nethub.workplan.urls")), prefix_default_language=False
)

handler403 = "nethub.core.views.permission_denied"
handler404 = "nethub.core.views.page_not_found"
handler500 = "nethub.core.views.server_error"
