from django.urls import path

from nethub.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.organization_list, name="index"),
    path("organisations/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:iso2>/", views.country_detail, name="country_detail"),
    path("countries/<str:iso2>/map.svg", views.country_map, name="country_map"),
    path("regions/<slug:slug>/map.svg", views.region_map, name="region_map"),
    path("networks/", views.network_list, name="network_list"),
    path("champions/", views.champion_list, name="champion_list"),
    path("champions/map.svg", views.champion_map, name="champion_map"),
    path("networks/map.svg", views.network_map, name="network_map"),
    path("networks/<int:pk>/", views.network_detail, name="network_detail"),
]
