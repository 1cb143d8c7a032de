from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "nethub.fund"
    label = "fund"
    verbose_name = _("Migration MPTF")

    def ready(self) -> None:
        from nethub.fund import signals

        signals.connect()
