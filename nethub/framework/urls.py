from django.urls import path

from nethub.framework import views

app_name = "framework"
urlpatterns = [
    path("", views.index, name="index"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("tags/<int:content_type_id>/<int:object_id>/", views.tags_edit, name="tags_edit"),
    path("<str:kind>/<str:code>/", views.element_detail, name="element_detail"),
]
