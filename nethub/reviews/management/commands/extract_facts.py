"""Find candidate figures in every library document and meeting summary (idempotent)."""

from django.core.management.base import BaseCommand

from nethub.accounts.models import Role, User
from nethub.reviews.services import facts_extract_all


class Command(BaseCommand):
    help = "Find candidate figures (facts) in the library's documents and the meeting summaries."

    def handle(self, *args, **options):
        actor = User.objects.filter(role=Role.SECRETARIAT).order_by("pk").first()
        found = facts_extract_all(actor=actor)
        self.stdout.write(f"{found} new candidate figures.")
