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

        from nethub.consultations.models import Attachment, DocumentVersion
        from nethub.core.files import register_file

        register_file(
            Attachment,
            "file",
            permission="consultations.view_attachment",
            filename="filename",
            content_type="mime_type",
        )
        register_file(
            DocumentVersion,
            "file",
            permission="consultations.view_consultation",
            filename="filename",
            permission_object=lambda version: version.consultation,
        )
