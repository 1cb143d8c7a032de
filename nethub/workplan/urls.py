from django.urls import path

from nethub.workplan import views

app_name = "workplan"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/decide/", views.request_decide, name="request_decide"),
    path("groups/<int:pk>/", views.group, name="group"),
    path("groups/<int:pk>/request/", views.group_request, name="group_request"),
    path("groups/<int:pk>/members/", views.group_member, name="group_member"),
    path("groups/<int:pk>/activities/", views.group_activity, name="group_activity"),
    path("groups/<int:pk>/meetings/", views.group_meeting, name="group_meeting"),
    path("groups/<int:pk>/documents/", views.group_document, name="group_document"),
    path("memberships/<int:pk>/remove/", views.membership_remove, name="membership_remove"),
    path("priorities/<int:pk>/", views.priority, name="priority"),
    path("<str:kind>/<int:pk>/drop/", views.drop, name="drop"),
    path("activities/<int:pk>/", views.activity, name="activity"),
    path("activities/<int:pk>/documents/", views.activity_document, name="activity_document"),
    path("activities/<int:pk>/progress/", views.activity_progress, name="activity_progress"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/priorities/", views.priority_add, name="priority_add"),
    path("<slug:slug>/groups/", views.group_add, name="group_add"),
    path("<slug:slug>/consultation/", views.open_consultation, name="open_consultation"),
    path("<slug:slug>/endorse/", views.endorse, name="endorse"),
    path("<slug:slug>/compare/", views.compare, name="compare"),
    path("<slug:slug>/compare/uptake/", views.uptake, name="uptake"),
    path("<slug:slug>/export.<str:fmt>", views.export, name="export"),
]
