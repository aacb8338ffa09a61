from pathlib import Path

from django.core.management.base import BaseCommand

from membership.reference import MEMBER_CITIES_CSV, load_reference_data


class Command(BaseCommand):
    help = (
        "Load the network's regions, thematic vocabulary, member cities, their 2019 Steering "
        "Committee seats and one advisory group per region. Idempotent: "
        "creates what is missing, never overwrites what staff have edited."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--cities",
            type=Path,
            default=MEMBER_CITIES_CSV,
            help="CSV of member cities (default: the copy shipped in membership/data/).",
        )

    def handle(self, *args, cities, **options):
        report = load_reference_data(cities)
        for kind in ("regions", "themes", "cities", "steering committee seats", "advisory groups"):
            self.stdout.write(
                f"{kind}: {report.created.get(kind, 0)} created, "
                f"{report.existing.get(kind, 0)} already present"
            )
