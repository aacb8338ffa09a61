from django.core.management.base import BaseCommand

from events.surveys import REMINDER_AFTER, send_due_surveys


class Command(BaseCommand):
    help = (
        "Email the feedback survey to the attendees of events that are over, and one "
        f"reminder {REMINDER_AFTER.days} days later to those who have not answered. "
        "Idempotent: nobody gets a survey or a reminder twice. Production runs it daily."
    )

    def handle(self, *args, **options):
        surveys, reminders = send_due_surveys()
        self.stdout.write(f"{surveys} surveys sent, {reminders} reminders sent.")
