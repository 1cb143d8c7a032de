from django.conf import settings
from django.db import migrations, models


def retire_duplicate_drafts(apps, schema_editor):
    """Before one import a file: of several drafts of the same file, the newest stays; the
    others are marked as replaced (kept, with the reason, until the stale-draft sweep)."""
    ImportDraft = apps.get_model("meetings", "ImportDraft")
    seen = set()
    for draft in ImportDraft.objects.exclude(status="unreadable").order_by("-created_at", "-pk"):
        if draft.checksum in seen:
            draft.status = "unreadable"
            draft.error = "Another upload of the same file replaced this import."
            draft.save(update_fields=["status", "error"])
        seen.add(draft.checksum)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_importdraft_reading"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(retire_duplicate_drafts, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="importdraft",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "unreadable"), _negated=True),
                fields=("checksum",),
                name="meetings_one_import_draft_per_file",
            ),
        ),
    ]
