"""One login system: allauth, email as the login, mandatory verification, rate limits."""

from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.test import Client
from django.urls import reverse

from membership.choices import CityStatus
from membership.models import Member, User
from tests.conftest import PASSWORD, STAFF_TOTP_SECRET, staff_totp_code
from tests.factories import MemberFactory, UserFactory

LOGIN = reverse("account_login")
HOME = reverse("home")
STATUS = reverse("membership:application_status")


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"login": email, "password": password, **extra})


def test_member_logs_in_with_email_and_password(client, member):
    response = log_in(client, "member@example.org")
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_email_login_ignores_case(client, member):
    log_in(client, "Member@Example.ORG")
    assert client.get(HOME).status_code == 200


def test_wrong_password_shows_an_error_and_logs_nobody_in(client, member):
    response = log_in(client, "member@example.org", "not the password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'class="alert alert-danger" role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_and_known_emails_get_the_same_answer(client, member):
    known = log_in(client, "member@example.org", "wrong password 1")
    unknown = log_in(client, "nobody@example.org", "wrong password 1")
    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_unverified_email_cannot_reach_member_pages(client, city_a):
    user = MemberFactory(city=city_a, user__email="new@example.org", user__verified=False).user
    response = log_in(client, user.email)
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_applicant_sees_no_member_content(client, applicant):
    client.force_login(applicant)
    for url in (HOME, reverse("library:index"), reverse("membership:index")):
        assert client.get(url)["Location"] == STATUS
    page = client.get(STATUS).content.decode()
    assert "under review" in page
    assert reverse("library:index") not in page


def test_suspended_city_loses_member_access_at_next_request(client, member):
    client.force_login(member)
    assert client.get(HOME).status_code == 200

    member.member.city.status = CityStatus.SUSPENDED
    member.member.city.save()

    assert client.get(HOME)["Location"] == STATUS
    assert "not an active member" in client.get(STATUS).content.decode()
    assert Member.objects.filter(user=member, status="approved").exists()  # nothing deleted


def test_deactivated_user_is_logged_out_at_next_request(client, member):
    client.force_login(member)
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_failed_logins_are_counted_across_workers_in_the_database_cache(db, member):
    # Two clients stand for two web workers: the limit (5 failures per account) holds
    # across them because allauth counts in the database cache they share.
    first_worker, second_worker = Client(), Client()
    for attempt in range(5):
        worker = first_worker if attempt % 2 else second_worker
        log_in(worker, "member@example.org", f"wrong password {attempt}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM scn_cache")
        assert cursor.fetchone()[0] > 0

    response = log_in(first_worker, "member@example.org")  # now even the right password
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in first_worker.session


def test_admin_login_goes_through_allauth_and_the_second_factor(client, staff):
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(LOGIN + "?next=")
    response = log_in(client, staff.email, next=reverse("admin:index"))
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not a login

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": staff_totp_code()})
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_without_two_factor_are_sent_to_set_it_up(client, db):
    newcomer = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, newcomer.email)
    for url in [reverse("admin:index"), HOME, reverse("membership:index")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before an authenticator is added.
    response = client.get(reverse("admin:index"), follow=True)
    assert [url.split("?")[0] for url, _status in response.redirect_chain] == [
        reverse("mfa_activate_totp"),
        reverse("account_reauthenticate"),
    ]
    assert "need two-factor authentication" in response.content.decode()

    TOTP.activate(newcomer, STAFF_TOTP_SECRET)
    assert client.get(reverse("admin:index")).status_code == 200


def test_members_may_turn_on_two_factor_but_need_not(client, member):
    log_in(client, member.email)
    assert client.get(HOME).status_code == 200
    page = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_activate_totp") in page


def test_admin_refuses_members_who_are_not_staff(client, member):
    client.force_login(member)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403


def test_logout_needs_a_post(client, member):
    client.force_login(member)
    client.get(reverse("account_logout"))
    assert client.get(HOME).status_code == 200  # a GET (say, a link in an email) is not enough
    client.post(reverse("account_logout"))
    assert client.get(HOME)["Location"].startswith(LOGIN)


def test_login_page_has_no_login_button_but_other_public_pages_do(client, db):
    login_link = f'class="btn btn-sm btn-primary" href="{LOGIN}"'
    assert login_link not in client.get(LOGIN).content.decode()
    assert login_link in client.get(reverse("account_signup")).content.decode()
