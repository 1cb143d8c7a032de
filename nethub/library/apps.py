from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "nethub.library"
    label = "library"
    verbose_name = _("Knowledge Platform")

    def ready(self) -> None:
        from nethub.core.activity import register_home, register_organization_activity
        from nethub.library import activity

        register_organization_activity(activity.organization_activity)
        register_home(activity.home)

        from nethub.core.files import register_file
        from nethub.library.models import Document, Practice

        register_file(
            Document,
            "file",
            permission="library.view_document",
            filename="original_filename",
            content_type="mime_type",
        )
        register_file(
            Practice, "attachment", permission="library.view_practice", filename="attachment_name"
        )
