from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "nethub.workplan"
    label = "workplan"
    verbose_name = _("Workplan")

    def ready(self) -> None:
        # Consultations offer the draft workplan's items to comment on and join; it never
        # imports this app, this app registers itself with it (see consultations/targets.py).
        from nethub.consultations import targets
        from nethub.workplan.consultation import WorkplanTargets

        targets.register(WorkplanTargets())
