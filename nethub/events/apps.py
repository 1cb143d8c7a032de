from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "nethub.events"
    label = "events"
    verbose_name = _("Calendar")

    def ready(self) -> None:
        from nethub.events import rules  # noqa: F401
