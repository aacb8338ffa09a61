from django.core.management.base import BaseCommand, CommandError

from scn_portal.media_integrity import delete_orphans, file_fields, find_problems


class Command(BaseCommand):
    help = (
        "Check every stored file of every model (library documents, city application "
        "letters, city profile photos, any other file field): the file exists and has the "
        "SHA-256 its row recorded, and every file in storage belongs to a row. Lists each "
        "problem and exits with status 1 if there is any. --delete-orphans also deletes "
        "the files no row refers to that are older than --min-age-hours (as "
        "delete_orphan_files does for the library)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete-orphans", action="store_true")
        parser.add_argument("--min-age-hours", type=float, default=24)

    def handle(self, *args, delete_orphans: bool, min_age_hours: float, **options):
        problems = find_problems()
        if delete_orphans:
            deleted = set(_delete(problems, min_age_hours, self.stdout))
            problems = [problem for problem in problems if problem.name not in deleted]
        for problem in problems:
            self.stdout.write(str(problem))
        fields = ", ".join(sorted(f"{m._meta.label_lower}.{f.name}" for m, f in file_fields()))
        self.stdout.write(f"Checked {fields}: {len(problems)} problems.")
        if problems:
            raise CommandError(f"{len(problems)} problems with stored files (listed above).")


def _delete(problems, min_age_hours, stdout):
    for name in delete_orphans(problems, min_age_hours):
        stdout.write(f"deleted orphan {name}")
        yield name
