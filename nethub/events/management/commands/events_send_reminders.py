"""Send reminders for events starting within the next 24 hours (run it every hour)."""

import datetime

from django.core.management.base import BaseCommand

from nethub.events.services import reminders_enqueue


class Command(BaseCommand):
    help = "Send reminders to people registered for events starting soon."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours: int, **options):
        count = reminders_enqueue(within=datetime.timedelta(hours=hours))
        self.stdout.write(f"{count} reminders queued.")
