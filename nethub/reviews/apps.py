from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "nethub.reviews"
    label = "reviews"
    verbose_name = _("GCM review cycle")

    def ready(self) -> None:
        from nethub.core.files import register_file
        from nethub.reviews import rules  # noqa: F401
        from nethub.reviews.models import VoluntaryReview

        register_file(
            VoluntaryReview,
            "file",
            permission="reviews.view_review",
            filename="original_filename",
            content_type="mime_type",
        )
