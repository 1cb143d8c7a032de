from django.urls import path

from nethub.library.views import documents, practices

app_name = "library"
urlpatterns = [
    path("", documents.index, name="index"),
    path("upload/", documents.document_upload, name="document_upload"),
    path("documents/<int:pk>/", documents.document_detail, name="document_detail"),
    path("documents/<int:pk>/file/", documents.document_file, name="document_file"),
    path("documents/<int:pk>/progress/", documents.document_progress, name="document_progress"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document_edit"),
    path("documents/<int:pk>/delete/", documents.document_delete, name="document_delete"),
    path("practices/", practices.practice_list, name="practice_list"),
    path("practices/submit/", practices.practice_submit, name="practice_submit"),
    path("practices/mine/", practices.practice_mine, name="practice_mine"),
    path("practices/review/", practices.practice_queue, name="practice_queue"),
    path("practices/<int:pk>/", practices.practice_detail, name="practice_detail"),
    path(
        "practices/<int:pk>/attachment/", practices.practice_attachment, name="practice_attachment"
    ),
    path("practices/<int:pk>/edit/", practices.practice_edit, name="practice_edit"),
    path("practices/<int:pk>/review/", practices.practice_review, name="practice_review"),
    path("practices/<int:pk>/resubmit/", practices.practice_resubmit, name="practice_resubmit"),
]
