from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "nethub.reviews"
    label = "reviews"
    verbose_name = _("GCM review cycle")

    def ready(self) -> None:
        from nethub.reviews import rules  # noqa: F401
