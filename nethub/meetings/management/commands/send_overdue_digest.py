"""Weekly (e.g. from cron on Mondays): the overdue action points, by owner, to the
secretariat."""

from django.core.management.base import BaseCommand

from nethub.meetings.notifications import digest_send


class Command(BaseCommand):
    help = "E-mail the secretariat the weekly digest of overdue action points."

    def handle(self, *args, **options):
        self.stdout.write(f"Sent {digest_send()} digest(s).")
