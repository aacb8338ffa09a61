from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from library.importing import ImportFileError, RowOutcome, import_documents


class Command(BaseCommand):
    help = (
        "Import documents into the library from a folder of files and a CSV of their "
        "metadata (columns: file, title, summary, language, document_type, themes, cities, "
        "regions, year_published, author, source_url; themes, cities and regions separated "
        "by semicolons). Each rejected row is reported with its number and reason. "
        "Idempotent: files already in the library are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="Folder holding the files.")
        parser.add_argument("csv", type=Path, help="CSV file (UTF-8) describing them.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the documents at once (otherwise they wait for review).",
        )
        parser.add_argument(
            "--uploader", metavar="EMAIL", help="The account recorded as their uploader."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row, import nothing."
        )

    def handle(self, *args, folder, csv, publish, uploader, dry_run, **options):
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        uploaded_by = None
        if uploader:
            uploaded_by = get_user_model().objects.filter(email__iexact=uploader).first()
            if uploaded_by is None:
                raise CommandError(f"No account with the email address {uploader}.")
        try:
            report = import_documents(
                folder, csv, uploaded_by=uploaded_by, publish=publish, dry_run=dry_run,
                report=self.write_outcome,
            )  # fmt: skip
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(report.summary())

    def write_outcome(self, outcome: RowOutcome) -> None:
        line = f"row {outcome.row} ({outcome.file or '-'}): {outcome.message}"
        if outcome.status == RowOutcome.REJECTED:
            self.stderr.write(self.style.ERROR(f"row {outcome.row} ({outcome.file or '-'}): "
                                               f"rejected: {outcome.message}"))  # fmt: skip
        elif outcome.status == RowOutcome.PRESENT:
            self.stdout.write(self.style.WARNING(line))
        else:
            self.stdout.write(self.style.SUCCESS(line))
