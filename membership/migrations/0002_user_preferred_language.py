"""The preferred language moves from Member to User: staff and applicants have one too."""

from django.db import migrations, models


def copy_member_languages(apps, schema_editor):
    # "en" was Member's default, indistinguishable from "never chose": only other
    # languages were a choice worth carrying over.
    User = apps.get_model("membership", "User")
    Member = apps.get_model("membership", "Member")
    for member in Member.objects.exclude(preferred_language="en").only("user_id", "preferred_language"):
        User.objects.filter(pk=member.user_id).update(preferred_language=member.preferred_language)


def copy_user_languages(apps, schema_editor):
    Member = apps.get_model("membership", "Member")
    for member in Member.objects.select_related("user").exclude(user__preferred_language=""):
        member.preferred_language = member.user.preferred_language
        member.save(update_fields=["preferred_language"])


class Migration(migrations.Migration):

    dependencies = [
        ("membership", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(
                blank=True,
                choices=[("en", "English"), ("fr", "French"), ("ar", "Arabic")],
                max_length=5,
                verbose_name="preferred language",
            ),
        ),
        migrations.RunPython(copy_member_languages, copy_user_languages),
        migrations.RemoveField(
            model_name="member",
            name="preferred_language",
        ),
    ]
