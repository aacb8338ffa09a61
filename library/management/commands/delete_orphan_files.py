import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from library.models import Document

LIBRARY_FOLDER = "library"


class Command(BaseCommand):
    help = (
        "Delete files in the library's storage folder that no document refers to. "
        "create_document removes its file when its own transaction fails, but not when an "
        "outer transaction (the admin's) is rolled back later or the process dies between "
        "writing the file and committing: this sweeps those up. Files younger than "
        "--min-age-hours are left alone, as their upload may still be committing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-hours", type=float, default=24)
        parser.add_argument("--dry-run", action="store_true", help="List, delete nothing.")

    def handle(self, *args, min_age_hours, dry_run, **options):
        storage = Document._meta.get_field("file").storage
        if not storage.exists(LIBRARY_FOLDER):
            self.stdout.write("0 orphan files.")
            return
        cutoff = timezone.now() - datetime.timedelta(hours=min_age_hours)
        _folders, names = storage.listdir(LIBRARY_FOLDER)
        stored = {f"{LIBRARY_FOLDER}/{name}" for name in names}
        referenced = set(Document.objects.values_list("file", flat=True))
        orphans = sorted(
            name for name in stored - referenced if storage.get_modified_time(name) < cutoff
        )
        for name in orphans:
            self.stdout.write(f"{'would delete' if dry_run else 'deleting'} {name}")
            if not dry_run:
                storage.delete(name)
        self.stdout.write(f"{len(orphans)} orphan files.")
