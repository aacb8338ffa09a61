"""Bulk import of documents by staff: a folder of files and a CSV describing them.

Used by `manage.py import_documents FOLDER CSV`. Each row is checked on its own (the file
exists inside the folder and passes the upload checks of library.files, the choices are
known, the themes, cities and regions exist, the year is in range); a bad row is reported
with its number and reason and the others are imported. Idempotent: a file whose content
(SHA-256) is already in the library is reported as already present, so running the same
import twice adds nothing the second time.

CSV columns (UTF-8, with a header row; only file, title and document_type are required):
file (path relative to the folder), title, summary, language, document_type, themes,
cities, regions (names or slugs, separated by semicolons), year_published, author,
source_url.
"""

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.translation import gettext as _

from library import services
from library.choices import DocumentStatus, DocumentType
from library.files import detect_file_kind
from library.models import Document
from membership.models import City, Region, Theme

COLUMNS = [
    "file", "title", "summary", "language", "document_type", "themes", "cities", "regions",
    "year_published", "author", "source_url",
]  # fmt: skip
REQUIRED_COLUMNS = ["file", "title", "document_type"]
# The row fields stored as they are (after checks by the model's own validators).
PLAIN_FIELDS = ["title", "summary", "language", "document_type", "author", "source_url"]
LIST_SEPARATOR = ";"


class ImportFileError(Exception):
    """The CSV itself cannot be used (missing, unreadable, required columns absent)."""


class RowError(Exception):
    """Why a row is not imported (a message for the person running the import)."""


@dataclass
class RowOutcome:
    """What happened to one row of the CSV."""

    IMPORTED = "imported"
    PRESENT = "present"
    REJECTED = "rejected"

    row: int  # as a spreadsheet numbers it: the header is row 1
    file: str
    status: str
    message: str = ""
    document: Document | None = None


@dataclass
class ImportReport:
    outcomes: list[RowOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def imported(self) -> int:
        return self.count(RowOutcome.IMPORTED)

    @property
    def present(self) -> int:
        return self.count(RowOutcome.PRESENT)

    @property
    def rejected(self) -> int:
        return self.count(RowOutcome.REJECTED)

    def summary(self) -> str:
        return _("%(imported)s imported, %(present)s already present, %(rejected)s rejected.") % {
            "imported": self.imported,
            "present": self.present,
            "rejected": self.rejected,
        }


class _Lookup:
    """Themes, cities or regions by lowercased name, slug or translated name, loaded once
    for the whole import. A name shared by two rows (two cities called the same in
    different countries) is ambiguous: the slug must be used."""

    def __init__(self, objects, attributes, kind_label: str):
        self.kind_label = kind_label
        self.by_key: dict[str, list] = {}
        for obj in objects:
            keys = {
                str(getattr(obj, attribute, "") or "").strip().lower() for attribute in attributes
            }
            for key in keys - {""}:
                self.by_key.setdefault(key, []).append(obj)

    def find(self, text: str) -> list:
        found, unknown, ambiguous = [], [], []
        for value in (part.strip() for part in (text or "").split(LIST_SEPARATOR)):
            if not value:
                continue
            matches = self.by_key.get(value.lower(), [])
            if len(matches) == 1:
                found.append(matches[0])
            elif matches:
                ambiguous.append(value)
            else:
                unknown.append(value)
        if unknown:
            raise RowError(
                _("unknown %(kind)s: %(names)s")
                % {"kind": self.kind_label, "names": ", ".join(unknown)}
            )
        if ambiguous:
            raise RowError(
                _("ambiguous %(kind)s (give the slug): %(names)s")
                % {"kind": self.kind_label, "names": ", ".join(ambiguous)}
            )
        return list(dict.fromkeys(found))


def _document_type(value: str) -> str:
    """A document type from its code ("case_study") or English label ("Case study")."""
    value = (value or "").strip()
    for choice in DocumentType:
        if value.lower() in (choice.value, str(choice.label).lower()):
            return choice.value
    return value  # left to the model's validation, which names the valid choices


def _year(value: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise RowError(_("year_published is not a year: %(value)s") % {"value": value}) from None


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


class DocumentImporter:
    """Imports the rows of one CSV. `report(outcome)` is called after each row."""

    def __init__(
        self,
        folder: Path,
        *,
        uploaded_by=None,
        publish: bool = False,
        dry_run: bool = False,
        report: Callable[[RowOutcome], None] | None = None,
    ):
        self.folder = Path(folder).resolve()
        self.uploaded_by = uploaded_by
        self.publish = publish
        self.dry_run = dry_run
        self.report_row = report or (lambda outcome: None)
        self.themes = _Lookup(
            Theme.objects.all(), ["name", "slug", "name_fr", "name_ar"], _("themes")
        )
        self.cities = _Lookup(City.objects.all(), ["name", "slug"], _("cities"))
        self.regions = _Lookup(
            Region.objects.all(), ["name", "slug", "name_fr", "name_ar"], _("regions")
        )
        # Checksums met earlier in this run (a dry run imports nothing to look them up in).
        self.seen: dict[str, int] = {}

    def run(self, csv_path: Path) -> ImportReport:
        report = ImportReport()
        try:
            handle = open(csv_path, newline="", encoding="utf-8-sig")  # noqa: SIM115
        except OSError as error:
            raise ImportFileError(
                _("Cannot read the CSV file: %(error)s") % {"error": error}
            ) from error
        with handle:
            reader = csv.DictReader(handle)
            try:
                header = reader.fieldnames or []
            except (csv.Error, UnicodeDecodeError) as error:
                raise ImportFileError(
                    _("Cannot read the CSV file: %(error)s") % {"error": error}
                ) from error
            header = [name.strip() for name in header]
            reader.fieldnames = header
            missing = [name for name in REQUIRED_COLUMNS if name not in header]
            if missing:
                raise ImportFileError(
                    _("The CSV has no column %(columns)s. Its columns must include: %(all)s.")
                    % {"columns": ", ".join(missing), "all": ", ".join(COLUMNS)}
                )
            number = 1
            while True:
                number += 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except (csv.Error, UnicodeDecodeError) as error:
                    outcome = RowOutcome(number, "", RowOutcome.REJECTED, str(error))
                else:
                    outcome = self.import_row(number, row)
                report.outcomes.append(outcome)
                self.report_row(outcome)
        return report

    def import_row(self, number: int, row: dict) -> RowOutcome:
        """Import one row; any problem, expected or not, rejects this row only."""
        name = (row.get("file") or "").strip()
        try:
            return self._import_row(number, name, row)
        except RowError as error:
            return RowOutcome(number, name, RowOutcome.REJECTED, str(error))
        except ValidationError as error:
            return RowOutcome(number, name, RowOutcome.REJECTED, _validation_message(error))
        except Exception as error:  # a bad row never stops the import of the others
            return RowOutcome(
                number, name, RowOutcome.REJECTED, f"{type(error).__name__}: {error}"[:500]
            )

    def _resolve(self, name: str) -> Path:
        if not name:
            raise RowError(_("no file given"))
        path = (self.folder / name).resolve()
        if not path.is_relative_to(self.folder):
            raise RowError(_("the file is outside the import folder"))
        if not path.is_file():
            raise RowError(_("file not found: %(path)s") % {"path": name})
        return path

    def _import_row(self, number: int, name: str, row: dict) -> RowOutcome:
        if None in row:
            raise RowError(_("the row has more columns than the header"))
        path = self._resolve(name)
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            checksum = services.file_checksum(upload)
            existing = (
                Document.objects.filter(checksum=checksum).values_list("pk", flat=True).first()
            )
            if existing is not None:
                return RowOutcome(
                    number, name, RowOutcome.PRESENT,
                    _("already in the library as document %(id)s") % {"id": existing},
                )  # fmt: skip
            if checksum in self.seen:
                return RowOutcome(
                    number, name, RowOutcome.PRESENT,
                    _("the same file as row %(row)s") % {"row": self.seen[checksum]},
                )  # fmt: skip
            file_kind = detect_file_kind(upload)
            fields = self._fields(row)
            themes = self.themes.find(row.get("themes"))
            cities = self.cities.find(row.get("cities"))
            regions = self.regions.find(row.get("regions"))
            self.seen[checksum] = number
            if self.dry_run:
                return RowOutcome(number, name, RowOutcome.IMPORTED, _("would be imported"))
            decision = {}
            if self.publish:
                decision = {"status": DocumentStatus.PUBLISHED, "decided_by": self.uploaded_by,
                            "decided_at": timezone.now()}  # fmt: skip
            document = services.create_document(
                upload=upload,
                file_kind=file_kind,
                uploaded_by=self.uploaded_by,
                themes=themes,
                cities=cities,
                regions=regions,
                **fields,
                **decision,
            )
        return RowOutcome(
            number, name, RowOutcome.IMPORTED,
            _("imported as document %(id)s") % {"id": document.pk}, document,
        )  # fmt: skip

    def _fields(self, row: dict) -> dict:
        """The row's plain fields, checked by the Document model's own validators."""
        fields = {key: (row.get(key) or "").strip() for key in PLAIN_FIELDS}
        fields["language"] = fields["language"] or "en"
        fields["document_type"] = _document_type(fields["document_type"])
        fields["year_published"] = _year(row.get("year_published"))
        if not fields["title"]:
            raise RowError(_("no title given"))
        others = [model_field.name for model_field in Document._meta.fields
                  if model_field.name not in fields]  # fmt: skip
        Document(**fields).clean_fields(exclude=others)
        return fields


def import_documents(folder: Path, csv_path: Path, **options) -> ImportReport:
    """Import the documents a CSV describes from `folder` (see DocumentImporter)."""
    return DocumentImporter(folder, **options).run(csv_path)
