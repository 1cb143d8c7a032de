from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "nethub.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self) -> None:
        from nethub.core.activity import register_home, register_organization_activity
        from nethub.meetings import activity

        register_organization_activity(activity.organization_activity)
        register_home(activity.home)
