"""Re-enqueue background work left "processing" by a dead worker, or give it up with a reason."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from nethub.core.background import MAX_ATTEMPTS, STALLED_AFTER, stalled_work_recover


class Command(BaseCommand):
    help = (
        "Records processing without a sign of work for --minutes are enqueued again, or marked "
        "failed with the reason once their work was enqueued --max-attempts times. Run it every "
        "few minutes (scripts/serve.py does; or cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=float, default=STALLED_AFTER.total_seconds() / 60)
        parser.add_argument("--max-attempts", type=int, default=MAX_ATTEMPTS)

    def handle(self, *args, minutes, max_attempts, **options):
        if minutes <= 0 or max_attempts < 1:
            raise CommandError("--minutes must be positive and --max-attempts at least 1.")
        outcome = stalled_work_recover(
            older_than=datetime.timedelta(minutes=minutes), max_attempts=max_attempts
        )
        for label, counts in outcome.items():
            if counts["retried"] or counts["failed"] or options["verbosity"] > 1:
                self.stdout.write(
                    f"{label}: {counts['retried']} enqueued again, {counts['failed']} failed"
                )
