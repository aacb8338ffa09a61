from django.db import migrations

FUNCTIONS = [
    "scn_search_config(text)",
    "scn_arabic_text(text)",
    "scn_language_text(regconfig, text)",
    "scn_document_vector(regconfig, text, text, text, text)",
]


class Migration(migrations.Migration):
    """The search functions name their text search configurations and each other without
    a schema. pg_restore (and any session with another search_path) runs with an empty
    path, and could then not compute the stored search vector while loading documents:
    each function now carries its own search_path."""

    dependencies = [("library", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=[
                f"ALTER FUNCTION {name} SET search_path = public, pg_catalog" for name in FUNCTIONS
            ],
            reverse_sql=[f"ALTER FUNCTION {name} RESET search_path" for name in FUNCTIONS],
        )
    ]
