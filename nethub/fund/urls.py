from django.urls import path

from nethub.fund import views

app_name = "fund"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("secretariat/", views.dashboard_secretariat, name="dashboard_secretariat"),
    path("map.svg", views.dashboard_map, name="dashboard_map"),
    path("export/<str:table>.<str:fmt>", views.dashboard_export, name="dashboard_export"),
    path("brief.docx", views.brief, name="brief"),
    path("targets/", views.target_set, name="target_set"),
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/edit/", views.programme_edit, name="programme_edit"),
    path("programmes/<int:pk>/move/", views.programme_transition, name="programme_transition"),
    path("programmes/<int:pk>/progress/", views.programme_progress, name="programme_progress"),
    path("contributions/", views.contribution_list, name="contribution_list"),
    path("contributions/new/", views.contribution_create, name="contribution_create"),
    path("steering-committee/", views.steering_committee, name="steering_committee"),
    path("steering-committee/decisions/new/", views.selection_create, name="selection_create"),
    path("steering-committee/members/new/", views.membership_create, name="membership_create"),
    path("steering-committee/rotations/new/", views.rotation_create, name="rotation_create"),
    path("programmes/<int:pk>/allocations/new/", views.allocation_create, name="allocation_create"),
    path("import/", views.import_upload, name="import"),
    path("import/<int:pk>/", views.import_preview, name="import_preview"),
    path("import/template/<str:kind>.xlsx", views.import_template, name="import_template"),
]
