"""The data migrations go back and forward again with data in place, and running them
again changes nothing: checksums are recomputed to the same values, every working group
keeps exactly one toolkit, and documents stay searchable."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cityprofiles.models import CityProfile
from library.models import Document
from membership.models import CityApplication
from tests.test_media_integrity import stored  # noqa: F401 - the fixture with stored files
from tests.training_factories import WorkingGroupFactory
from training.models import Toolkit

# (app, the migration before, the data migration)
DATA_MIGRATIONS = [
    ("membership", "0003_governance_applications_member_status",
     "0004_application_letter_checksum"),
    ("cityprofiles", "0002_initiative_order_label", "0003_profile_photo_checksum"),
    ("training", "0001_initial", "0002_toolkits_for_existing_groups"),
    ("library", "0001_initial", "0002_search_functions_search_path"),
]  # fmt: skip


def migrate_to(app: str, name: str) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([(app, name)])


def latest(app: str) -> str:
    executor = MigrationExecutor(connection)
    return max(name for label, name in executor.loader.graph.leaf_nodes() if label == app)


def snapshot() -> dict:
    return {
        "letters": list(CityApplication.objects.values_list("pk", "letter_checksum")),
        "photos": list(CityProfile.objects.values_list("pk", "photo_checksum")),
        "toolkits": sorted(Toolkit.objects.values_list("working_group_id", flat=True)),
        "documents": list(
            Document.objects.filter(search_vector="action").values_list("pk", flat=True)
        ),
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("app", "before", "data_migration"), DATA_MIGRATIONS)
def test_a_data_migration_reverses_and_runs_again_to_the_same_result(
    stored,  # noqa: F811 - the fixture imported above
    app,
    before,
    data_migration,
):
    WorkingGroupFactory()
    expected = snapshot()
    assert expected["letters"][0][1] and expected["photos"][0][1] and expected["documents"]
    head = latest(app)
    try:
        for _ in range(2):  # back and forth twice: the second run finds its work done
            migrate_to(app, before)
            migrate_to(app, data_migration)
            migrate_to(app, head)
            assert snapshot() == expected
    finally:
        migrate_to(app, head)
