from django.db import migrations


def create_missing_toolkits(apps, schema_editor):
    WorkingGroup = apps.get_model("membership", "WorkingGroup")
    Toolkit = apps.get_model("training", "Toolkit")
    Toolkit.objects.bulk_create(
        Toolkit(working_group=group) for group in WorkingGroup.objects.filter(toolkit__isnull=True)
    )


class Migration(migrations.Migration):
    """Working groups created before the training app get their (empty) toolkit. Running it
    again creates nothing; going back leaves the toolkits to 0001's reversal."""

    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(create_missing_toolkits, migrations.RunPython.noop)]
