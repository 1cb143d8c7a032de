from django.urls import path

from nethub.roster import views

app_name = "roster"
urlpatterns = [
    path("", views.expert_list, name="expert_list"),
    path("export.<str:fmt>", views.expert_export, name="expert_export"),
    path("apply/", views.apply, name="apply"),
    path("my-application/", views.my_application, name="my_application"),
    path("my-application/confirm/", views.confirm_details, name="confirm_details"),
    path("applications/", views.application_queue, name="application_queue"),
    path("applications/<int:pk>/", views.application_review, name="application_review"),
    path("applications/<int:pk>/cv/", views.application_cv, name="application_cv"),
    path("experts/<int:pk>/", views.expert_detail, name="expert_detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.<str:fmt>", views.dashboard_export, name="dashboard_export"),
    path(
        "peer-review/<str:app_label>/<str:model>/<int:pk>/", views.item_review, name="item_review"
    ),
    path("assignments/", views.my_assignments, name="my_assignments"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
]
