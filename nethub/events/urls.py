from django.urls import path

from nethub.events import views

app_name = "events"
urlpatterns = [
    path("", views.calendar, name="index"),
    path("feed.ics", views.feed, name="feed"),
    path("new/", views.event_create, name="create"),
    path("mine/", views.my_calendar, name="mine"),
    path("feeds/<str:token>.ics", views.user_feed, name="user_feed"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/change/", views.event_change, name="change"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/unregister/", views.unregister, name="unregister"),
]
