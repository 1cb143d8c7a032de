from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RosterConfig(AppConfig):
    name = "nethub.roster"
    verbose_name = _("Connection Hub roster")

    def ready(self) -> None:
        # The practice workflow waits for the roster's peer review once reviewers are assigned.
        from nethub.library.services import PUBLISH_GATES
        from nethub.roster.selectors import peer_review_gate

        if peer_review_gate not in PUBLISH_GATES:
            PUBLISH_GATES.append(peer_review_gate)

        from nethub.core.files import register_file
        from nethub.roster.models import ExpertApplication

        register_file(
            ExpertApplication,
            "cv",
            permission="roster.view_application",
            filename="cv_name",
            content_type="cv_type",
        )
