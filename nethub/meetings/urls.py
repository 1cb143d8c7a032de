from django.urls import path

from nethub.meetings import edit_views, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_index, name="index"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/source/", views.meeting_source, name="source"),
    path("tracker/", views.tracker, name="tracker"),
    path("tracker/export.<str:fmt>", views.tracker_export, name="tracker_export"),
    path("action-points/<int:pk>/", views.action_point_detail, name="action_point"),
    path("action-points/<int:pk>/status/", views.action_point_status, name="action_point_status"),
    path("action-points/<int:pk>/owner/", views.action_point_owner, name="action_point_owner"),
    path(
        "action-points/<int:pk>/reported-in/",
        views.action_point_link_report,
        name="action_point_link_report",
    ),
    path("action-points/<int:pk>/due-date/", views.action_point_due_date, name="action_point_due"),
    path(
        "action-points/<int:pk>/due-date/decide/",
        views.action_point_due_date_decide,
        name="action_point_due_decide",
    ),
    path("tracker/emails/<str:token>/", views.tracker_email_opt_out, name="email_opt_out"),
    path("import/", views.import_upload, name="import"),
    path("import/outcomes/", views.import_outcomes, name="import_outcomes"),
    path(
        "import/outcomes/export.<str:fmt>",
        views.import_outcomes_export,
        name="import_outcomes_export",
    ),
    path("import/<int:pk>/", views.import_review, name="import_review"),
    path("import/<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("import/<int:pk>/selection/", views.import_selection, name="import_selection"),
    path("import/<int:pk>/discard/", views.import_discard, name="import_discard"),
    path("plan/", edit_views.meeting_plan, name="plan"),
    path("<int:pk>/edit/", edit_views.meeting_edit, name="edit"),
    path("<int:pk>/edit/selection/", edit_views.meeting_selection, name="edit_selection"),
    path("<int:pk>/history/", edit_views.meeting_history, name="history"),
]
