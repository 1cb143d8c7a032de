"""Send the daily digest of new comments to everyone who follows a consultation."""

from django.core.management.base import BaseCommand

from nethub.consultations.notifications import digests_send


class Command(BaseCommand):
    help = "E-mail each follower the comments published since their last digest."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"Sent {sent} digest(s).")
