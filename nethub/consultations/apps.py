from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "nethub.consultations"
    label = "consultations"
    verbose_name = _("Discussion Spaces")

    def ready(self) -> None:
        from nethub.consultations import activity
        from nethub.core.activity import register_home, register_organization_activity

        register_organization_activity(activity.organization_activity)
        register_home(activity.home)
