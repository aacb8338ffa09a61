"""`make run`'s demo logins: idempotent, and never in production."""

import pytest
from django.core.management import CommandError, call_command

from membership.access import has_member_access
from membership.demo import DEMO_ACCOUNTS
from membership.models import Member, User
from membership.reference import load_reference_data


@pytest.fixture
def reference(db, media_root):
    load_reference_data()


def test_demo_logins_load_twice_without_duplicates(reference, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo_data")
    call_command("load_demo_data")
    assert (
        User.objects.filter(email__endswith="@demo.scn.example").count() == len(DEMO_ACCOUNTS) == 5
    )
    output = capsys.readouterr().out
    assert output.count("staff@demo.scn.example") == 2
    assert "(exists)" in output


def test_demo_logins_keep_a_changed_password(reference, settings, client):
    settings.DEBUG = True
    call_command("load_demo_data")
    member = User.objects.get(email="member@demo.scn.example")
    member.set_password("a changed password")
    member.save()
    call_command("load_demo_data")
    member.refresh_from_db()
    assert member.check_password("a changed password")


def test_demo_logins_work_with_the_printed_passwords(reference, settings, client):
    settings.DEBUG = True
    call_command("load_demo_data")
    response = client.post(
        "/accounts/login/", {"login": "editor@demo.scn.example", "password": "demo-editor-pass"}
    )
    assert response["Location"] == "/"
    editor = User.objects.get(email="editor@demo.scn.example")
    assert has_member_access(editor) and editor.member.is_city_editor
    assert not has_member_access(User.objects.get(email="applicant@demo.scn.example"))


def test_demo_logins_are_refused_without_debug(reference, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")
    assert not User.objects.exists()


def test_the_demo_point_of_contact_can_decide_on_the_demo_applicant(reference, settings):
    settings.DEBUG = True
    call_command("load_demo_data")
    poc = User.objects.get(email="poc@demo.scn.example")
    applicant = User.objects.get(email="applicant@demo.scn.example")
    assert poc.member.is_point_of_contact
    assert Member.objects.decidable_by(poc).awaiting_decision().get() == applicant.member
