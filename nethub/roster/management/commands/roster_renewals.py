from django.core.management.base import BaseCommand

from nethub.roster.services import renewal_reminders_send


class Command(BaseCommand):
    help = "E-mail accepted experts whose renewal date has come (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        count = renewal_reminders_send()
        self.stdout.write(f"{count} expert(s) asked to confirm their details.")
