from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.demo import load_demo_events
from library.demo import load_demo_library
from membership.demo import load_demo_data
from training.demo import load_demo_training


class Command(BaseCommand):
    help = (
        "Create the demo logins, the demo library, the demo training content and the demo "
        "events for local development (idempotent). Refused unless DEBUG."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts have public passwords: only loaded with DEBUG on.")
        accounts = load_demo_data()
        self.stdout.write("Demo logins (password shown is the one set at creation):")
        for account, created in accounts:
            state = "created" if created else "exists"
            self.stdout.write(
                f"  {account.label:<40} {account.email:<28} {account.password:<20} ({state})"
            )
        library = load_demo_library()
        self.stdout.write(f"library: {library.total} documents ({library.created} created)")
        self.stdout.write(load_demo_training().summary())
        self.stdout.write(load_demo_events().summary())
        self.stdout.write(
            "Staff accounts need two-factor authentication: at the first login the hub asks "
            "the staff demo user to set up an authenticator app (any TOTP app)."
        )
