from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "nethub.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from nethub.search.warmup import warm_up_on_start

        warm_up_on_start()
