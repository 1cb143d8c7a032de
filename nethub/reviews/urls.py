from django.urls import path

from nethub.reviews.views import dashboard, facts, forums, pledges, reviews

app_name = "reviews"
urlpatterns = [
    path("", reviews.review_list, name="index"),
    path("submit/", reviews.review_submit, name="review_submit"),
    path("queue/", reviews.review_queue, name="review_queue"),
    path("<int:pk>/", reviews.review_detail, name="review_detail"),
    path("<int:pk>/file/", reviews.review_file, name="review_file"),
    path("<int:pk>/status/", reviews.review_status, name="review_status"),
    path("countries/<str:iso2>/", reviews.country_reviews, name="country"),
    path("forums/", forums.forum_list, name="forum_list"),
    path("forums/new/", forums.forum_create, name="forum_create"),
    path("sg-reports/new/", forums.sg_report_create, name="sg_report_create"),
    path("forums/<int:pk>/", forums.forum_detail, name="forum_detail"),
    path("sg-reports/<int:pk>/", forums.sg_report_detail, name="sg_report_detail"),
    path("pledges/", pledges.pledge_list, name="pledge_list"),
    path("pledges/new/", pledges.pledge_create, name="pledge_create"),
    path("pledges/<int:pk>/", pledges.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/progress/", pledges.pledge_update, name="pledge_update"),
    path("pledges/<int:pk>/opt-in/", pledges.pledge_opt_in, name="pledge_opt_in"),
    path("figures/", facts.series_list, name="series_list"),
    path("figures/queue/", facts.fact_queue, name="fact_queue"),
    path("figures/extract/", facts.facts_extract_all, name="facts_extract_all"),
    path("figures/facts/<int:pk>/", facts.fact_detail, name="fact_detail"),
    path("figures/facts/<int:pk>/decide/", facts.fact_decide, name="fact_decide"),
    path(
        "figures/documents/<int:pk>/extract/",
        facts.document_extract_facts,
        name="document_extract_facts",
    ),
    path("figures/<slug:series>/", facts.series_detail, name="series_detail"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/<slug:table>.<str:fmt>", dashboard.dashboard_export, name="dashboard_export"),
]
