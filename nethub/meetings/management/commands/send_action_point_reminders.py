"""Daily (e.g. from cron): remind owners of points due within a week, and tell them of points
that became overdue; each notice once per due date."""

from django.core.management.base import BaseCommand

from nethub.meetings.notifications import reminders_send


class Command(BaseCommand):
    help = "E-mail owners about action points due within a week and those now overdue."

    def handle(self, *args, **options):
        counts = reminders_send()
        self.stdout.write(
            f"Sent {counts['due_soon']} due-soon reminder(s) and {counts['overdue']} overdue "
            "notice(s)."
        )
