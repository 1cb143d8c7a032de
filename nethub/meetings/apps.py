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

        from nethub.core.files import register_file
        from nethub.meetings.models import BackgroundDocument, ImportDraft, Meeting

        register_file(
            Meeting,
            "source_document",
            permission="meetings.view_meeting",
            filename="source_filename",
        )
        register_file(
            BackgroundDocument,
            "file",
            permission="meetings.view_meeting",
            filename="filename",
            permission_object=lambda note: note.agenda_item.meeting,
        )
        # A summary being checked before it is saved: the secretariat's, like the import pages.
        register_file(
            ImportDraft, "file", permission="meetings.import_meeting", filename="filename"
        )
