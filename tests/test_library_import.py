"""Bulk import of documents by staff: `manage.py import_documents FOLDER CSV`
(library/importing.py, library/management/commands/import_documents.py)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from library import services
from library.choices import DocumentStatus, ExtractionStatus, FileKind
from library.importing import COLUMNS
from library.models import Document
from membership.models import Theme
from tests import samples
from tests.factories import CityFactory, RegionFactory, UserFactory


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def places(db):
    europe = RegionFactory(name="Europe", slug="europe", name_fr="Europe")
    east_africa = RegionFactory(name="East Africa", slug="east-africa", name_fr="Afrique de l'Est")
    return {
        "europe": europe,
        "east_africa": east_africa,
        "aarhus": CityFactory(name="Aarhus", slug="aarhus", country="DK", region=europe),
        "mombasa": CityFactory(name="Mombasa", slug="mombasa", country="KE", region=east_africa),
        # Two cities of the same name: only their slugs tell them apart.
        "london_uk": CityFactory(name="London", slug="london-gb", country="GB", region=europe),
        "london_ca": CityFactory(name="London", slug="london-ca", country="CA", region=europe),
        "youth": Theme.objects.create(
            name="Youth engagement", slug="youth-engagement", name_fr="Engagement des jeunes"
        ),
        "risk": Theme.objects.create(name="Risk assessment", slug="risk-assessment"),
    }


def row(file, title="A document", document_type="research", **fields) -> dict:
    return {"file": file, "title": title, "document_type": document_type, **fields}


def write_csv(path, rows, columns=COLUMNS, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "import"
    (folder / "plans").mkdir(parents=True)
    (folder / "plan.pdf").write_bytes(samples.make_pdf_with_text("Aarhus model of prevention"))
    (folder / "plans" / "mombasa.docx").write_bytes(samples.make_docx("Mombasa youth plan"))
    (folder / "budget.xlsx").write_bytes(samples.make_xlsx(["Budget lines"]))
    return folder


def run(folder, csv_path, *args):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("import_documents", str(folder), str(csv_path), *args, stdout=stdout,
                 stderr=stderr)  # fmt: skip
    return stdout.getvalue(), stderr.getvalue()


GOOD_ROWS = [
    row("plan.pdf", "Aarhus model", "local_action_plan", summary="The Aarhus model.",
        language="en", themes="Youth engagement; risk-assessment", cities="Aarhus",
        year_published="2019", author="City of Aarhus", source_url="https://example.org/a"),
    row("plans/mombasa.docx", "Plan de Mombasa", "Strategy or policy paper", language="fr",
        themes="Engagement des jeunes", cities="mombasa", regions="Europe"),
    row("budget.xlsx", "Budget", "evaluation", regions="east-africa;Afrique de l'Est"),
]  # fmt: skip


def test_first_run_imports_every_good_row(tmp_path, folder, places, media_root,
                                          django_capture_on_commit_callbacks):  # fmt: skip
    csv_path = write_csv(tmp_path / "documents.csv", GOOD_ROWS)
    with django_capture_on_commit_callbacks(execute=True):
        out, err = run(folder, csv_path)
    assert err == ""
    assert out.strip().endswith("3 imported, 0 already present, 0 rejected.")
    assert "row 2 (plan.pdf): imported as document" in out

    aarhus = Document.objects.get(title="Aarhus model")
    assert aarhus.file_kind == FileKind.PDF
    assert aarhus.document_type == "local_action_plan"
    assert aarhus.summary == "The Aarhus model."
    assert set(aarhus.themes.all()) == {places["youth"], places["risk"]}
    assert list(aarhus.cities.all()) == [places["aarhus"]]
    assert list(aarhus.covered_regions.all()) == [places["europe"]]
    assert aarhus.year_published == 2019
    assert aarhus.author == "City of Aarhus"
    assert aarhus.source_url == "https://example.org/a"
    assert aarhus.status == DocumentStatus.PENDING
    assert aarhus.uploaded_by is None
    assert aarhus.extraction_status == ExtractionStatus.DONE
    assert "Aarhus model of prevention" in aarhus.extracted_text
    assert (media_root / aarhus.file.name).read_bytes() == (folder / "plan.pdf").read_bytes()

    mombasa = Document.objects.get(title="Plan de Mombasa")
    assert mombasa.language == "fr"
    assert mombasa.document_type == "strategy"
    assert list(mombasa.themes.all()) == [places["youth"]]
    assert set(mombasa.covered_regions.all()) == {places["europe"], places["east_africa"]}

    budget = Document.objects.get(title="Budget")
    assert budget.language == "en"  # the default
    assert list(budget.regions.all()) == [places["east_africa"]]  # named twice, kept once


def test_second_run_imports_nothing_new(tmp_path, folder, places, media_root):
    csv_path = write_csv(tmp_path / "documents.csv", GOOD_ROWS)
    run(folder, csv_path)
    files_after_first_run = sorted((media_root / "library").iterdir())
    out, _ = run(folder, csv_path)
    assert out.strip().endswith("0 imported, 3 already present, 0 rejected.")
    first = Document.objects.get(title="Aarhus model")
    assert f"row 2 (plan.pdf): already in the library as document {first.pk}" in out
    assert Document.objects.count() == 3
    assert sorted((media_root / "library").iterdir()) == files_after_first_run


def test_a_file_uploaded_by_a_member_is_already_present(tmp_path, folder, places, media_root,
                                                        member):  # fmt: skip
    from django.core.files.base import ContentFile

    services.create_document(
        upload=ContentFile((folder / "plan.pdf").read_bytes(), name="mine.pdf"),
        file_kind=FileKind.PDF, uploaded_by=member, title="Mine", document_type="research",
    )  # fmt: skip
    out, _ = run(folder, write_csv(tmp_path / "d.csv", GOOD_ROWS[:1]))
    assert "0 imported, 1 already present, 0 rejected." in out


def test_the_same_file_twice_in_one_csv_is_imported_once(tmp_path, folder, places, media_root):
    (folder / "copy.pdf").write_bytes((folder / "plan.pdf").read_bytes())
    rows = [row("plan.pdf", "First"), row("copy.pdf", "Second")]
    out, _ = run(folder, write_csv(tmp_path / "d.csv", rows))
    assert "1 imported, 1 already present, 0 rejected." in out
    assert list(Document.objects.values_list("title", flat=True)) == ["First"]


def test_publish_and_uploader(tmp_path, folder, places, media_root, staff):
    run(folder, write_csv(tmp_path / "d.csv", GOOD_ROWS[:1]), "--publish", "--uploader",
        "STAFF@example.org")  # fmt: skip
    document = Document.objects.get()
    assert document.status == DocumentStatus.PUBLISHED
    assert document.published_at is not None
    assert document.uploaded_by == staff
    assert document.decided_by == staff
    assert document.decided_at is not None


def test_dry_run_checks_rows_and_imports_nothing(tmp_path, folder, places, media_root):
    rows = [*GOOD_ROWS, row("missing.pdf")]
    out, err = run(folder, write_csv(tmp_path / "d.csv", rows), "--dry-run")
    assert "row 2 (plan.pdf): would be imported" in out
    assert "3 imported, 0 already present, 1 rejected." in out
    assert "row 5 (missing.pdf): rejected: file not found" in err
    assert not Document.objects.exists()
    assert not (media_root / "library").exists()


# (id, row, words of the reason)
BAD_ROWS = [
    ("missing-file", row("missing.pdf"), "file not found: missing.pdf"),
    ("no-file", row(""), "no file given"),
    ("outside-folder", row("../secret.pdf"), "the file is outside the import folder"),
    ("absolute-path", row("/etc/passwd"), "the file is outside the import folder"),
    ("folder-not-file", row("plans"), "file not found: plans"),
    ("html", row("page.pdf"), "Web pages (HTML) cannot be uploaded"),
    ("macros", row("macro.docx"), "Files with macros are not accepted"),
    ("extension", row("pdf-named.docx"), "it is a PDF file. Rename it with the extension .pdf"),
    ("empty", row("empty.pdf"), "The file is empty."),
    ("unknown-theme", row("plan.pdf", themes="Youth engagement; Astrology"),
     "unknown themes: Astrology"),
    ("unknown-city", row("plan.pdf", cities="Atlantis"), "unknown cities: Atlantis"),
    ("ambiguous-city", row("plan.pdf", cities="London"),
     "ambiguous cities (give the slug): London"),
    ("unknown-region", row("plan.pdf", regions="Antarctica"), "unknown regions: Antarctica"),
    ("language", row("plan.pdf", language="xx"), "language: Value 'xx' is not a valid choice."),
    ("type", row("plan.pdf", document_type="poem"),
     "document_type: Value 'poem' is not a valid choice."),
    ("year-text", row("plan.pdf", year_published="last year"),
     "year_published is not a year: last year"),
    ("year-too-early", row("plan.pdf", year_published="1800"),
     "year_published: Ensure this value is greater than or equal to 1900."),
    ("year-too-late", row("plan.pdf", year_published="2500"),
     "year_published: Ensure this value is less than or equal to 2100."),
    ("no-title", row("plan.pdf", title=" "), "no title given"),
    ("long-title", row("plan.pdf", title="x" * 301), "title: Ensure this value has at most 300"),
    ("bad-url", row("plan.pdf", source_url="javascript:alert(1)"),
     "source_url: Enter a valid URL."),
]  # fmt: skip


@pytest.fixture
def bad_files(folder):
    (folder / "page.pdf").write_bytes(samples.HTML)
    (folder / "macro.docx").write_bytes(samples.make_macro_docx())
    (folder / "pdf-named.docx").write_bytes(samples.PDF)
    (folder / "empty.pdf").write_bytes(b"")
    (folder.parent / "secret.pdf").write_bytes(samples.PDF)
    return folder


@pytest.mark.parametrize(("bad", "reason"), [b[1:] for b in BAD_ROWS], ids=[b[0] for b in BAD_ROWS])
def test_each_bad_row_is_reported_with_its_number_and_reason(tmp_path, bad_files, places,
                                                            media_root, bad, reason):  # fmt: skip
    rows = [GOOD_ROWS[2], bad]  # the good row first: the bad one is row 3
    out, err = run(bad_files, write_csv(tmp_path / "d.csv", rows))
    prefix = f"row 3 ({bad['file'] or '-'}): rejected: "
    assert err.startswith(prefix)
    assert reason in err
    assert "1 imported, 0 already present, 1 rejected." in out
    assert list(Document.objects.values_list("title", flat=True)) == ["Budget"]


def test_a_report_of_many_bad_rows_goes_on_after_each(tmp_path, bad_files, places, media_root):
    rows = [bad for _, bad, _ in BAD_ROWS] + GOOD_ROWS
    out, err = run(bad_files, write_csv(tmp_path / "d.csv", rows))
    assert f"3 imported, 0 already present, {len(BAD_ROWS)} rejected." in out
    assert len(err.strip().splitlines()) == len(BAD_ROWS)
    # Only the good rows' files were stored: nothing left behind by the rejected ones.
    assert len(list((media_root / "library").iterdir())) == 3


def test_an_unexpected_failure_rejects_the_row_only(tmp_path, folder, places, media_root,
                                                     monkeypatch):  # fmt: skip
    create = services.create_document

    def flaky(**kwargs):
        if kwargs["title"] == "Budget":
            raise RuntimeError("storage is full")
        return create(**kwargs)

    monkeypatch.setattr(services, "create_document", flaky)
    out, err = run(folder, write_csv(tmp_path / "d.csv", GOOD_ROWS))
    assert "row 4 (budget.xlsx): rejected: RuntimeError: storage is full" in err
    assert "2 imported, 0 already present, 1 rejected." in out


def test_a_row_with_more_cells_than_the_header_is_rejected(tmp_path, folder, places, media_root):
    csv_path = tmp_path / "d.csv"
    csv_path.write_text("file,title,document_type\nplan.pdf,Plan,research,extra\n")
    _, err = run(folder, csv_path)
    assert "row 2 (plan.pdf): rejected: the row has more columns than the header" in err


def test_a_csv_saved_by_excel_with_a_byte_order_mark_and_only_some_columns(
    tmp_path, folder, places, media_root
):
    columns = ["file", "title", "document_type"]
    csv_path = write_csv(tmp_path / "d.csv", [row("plan.pdf", "Plan")], columns, "utf-8-sig")
    out, err = run(folder, csv_path)
    assert err == ""
    assert "1 imported" in out


def test_a_csv_without_a_required_column_stops_with_an_error(tmp_path, folder, places):
    csv_path = write_csv(tmp_path / "d.csv", [row("plan.pdf")], columns=["file", "title"])
    with pytest.raises(CommandError, match="The CSV has no column document_type"):
        run(folder, csv_path)


def test_an_unreadable_csv_stops_with_an_error(tmp_path, folder, places):
    with pytest.raises(CommandError, match="Cannot read the CSV file"):
        run(folder, tmp_path / "nowhere.csv")
    (tmp_path / "latin1.csv").write_bytes("file,titl\xe9\n".encode("latin-1"))
    with pytest.raises(CommandError, match="Cannot read the CSV file"):
        run(folder, tmp_path / "latin1.csv")


def test_an_unknown_uploader_stops_with_an_error(tmp_path, folder, places):
    with pytest.raises(CommandError, match=r"No account with the email address nobody@x\.org"):
        run(folder, write_csv(tmp_path / "d.csv", GOOD_ROWS), "--uploader", "nobody@x.org")
    assert not Document.objects.exists()


def test_a_folder_that_does_not_exist_stops_with_an_error(tmp_path, db):
    with pytest.raises(CommandError, match="is not a folder"):
        run(tmp_path / "nowhere", write_csv(tmp_path / "d.csv", GOOD_ROWS))


def test_the_uploader_may_be_any_account(tmp_path, folder, places, media_root):
    author = UserFactory(email="author@example.org")
    run(folder, write_csv(tmp_path / "d.csv", GOOD_ROWS[:1]), "--uploader", "author@example.org")
    assert Document.objects.get().uploaded_by == author
