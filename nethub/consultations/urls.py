from django.urls import path

from nethub.consultations import views

app_name = "consultations"
urlpatterns = [
    path("", views.index, name="index"),
    path("moderation/", views.moderation, name="moderation"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/comment/", views.comment_create, name="comment_create"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<slug:slug>/comments/<int:pk>/support/", views.comment_support, name="comment_support"),
    path("<slug:slug>/comments/<int:pk>/flag/", views.comment_flag, name="comment_flag"),
    path(
        "<slug:slug>/comments/<int:pk>/moderate/", views.comment_moderate, name="comment_moderate"
    ),
    path("<slug:slug>/interests/", views.interests, name="interests"),
    path("<slug:slug>/synthesis/", views.synthesis, name="synthesis"),
    path("<slug:slug>/tags/<int:tagging_id>/confirm/", views.tag_confirm, name="tag_confirm"),
    path("<slug:slug>/export/<str:fmt>", views.export, name="export"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
]
