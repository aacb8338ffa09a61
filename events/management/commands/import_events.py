from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.importing import NETWORK_EVENTS_CSV, import_events


class Command(BaseCommand):
    help = (
        "Import the network's historic events (kind, dates with their precision, host, "
        "visiting and participating cities, published figures). Idempotent: events are "
        "keyed by the slug of their title; a second run changes nothing. Bad rows are "
        "reported with their line numbers and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "csv",
            nargs="?",
            type=Path,
            default=NETWORK_EVENTS_CSV,
            help="CSV of events (default: the copy shipped in events/data/).",
        )

    def handle(self, *args, csv, **options):
        if not csv.is_file():
            raise CommandError(f"No such file: {csv}")
        report = import_events(csv)
        for error in report.errors:
            self.stderr.write(f"{csv}: {error}")
        self.stdout.write(str(report))
