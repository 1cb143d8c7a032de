from django.urls import path

from nethub.search import views

app_name = "search"
urlpatterns = [
    path("", views.index, name="index"),
    path(
        "similar/<int:content_type_id>/<int:object_id>/",
        views.more_like_this,
        name="more_like_this",
    ),
]
