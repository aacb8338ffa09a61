"""The people of the permission matrix (ARCHITECTURE.md), as fixtures.

anonymous, applicant, member, editor of city A, editor of city B, staff.
"""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.test import Client
from django.utils import translation

from membership.choices import MemberRole
from tests.factories import CityFactory, MemberFactory, UserFactory

PASSWORD = "correct horse battery"
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # base32, as authenticator apps use
ROLES = ["anonymous", "applicant", "member", "editor_a", "editor_b", "staff"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English. A request made by an earlier test (LocaleMiddleware, a
    login) leaves its language active in the thread; code called outside a request, such
    as a form or a file check, would otherwise answer in that language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness is for production; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def city_a(db):
    return CityFactory(name="Aarhus Test", country="DK")


@pytest.fixture
def city_b(db):
    return CityFactory(name="Mombasa Test", country="KE")


@pytest.fixture
def applicant(city_a):
    return MemberFactory(city=city_a, approved=False, user__email="applicant@example.org").user


@pytest.fixture
def member(city_a):
    return MemberFactory(city=city_a, user__email="member@example.org").user


@pytest.fixture
def editor_a(city_a):
    return MemberFactory(
        city=city_a, role=MemberRole.CITY_EDITOR, user__email="editor-a@example.org"
    ).user


@pytest.fixture
def editor_b(city_b):
    return MemberFactory(
        city=city_b, role=MemberRole.POINT_OF_CONTACT, user__email="editor-b@example.org"
    ).user


@pytest.fixture
def staff(db):
    """SCN staff, with the authenticator app the hub requires of staff (see staff_totp_code)."""
    user = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    TOTP.activate(user, STAFF_TOTP_SECRET)
    return user


def staff_totp_code() -> str:
    """The code the staff fixture's authenticator app shows right now."""
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(STAFF_TOTP_SECRET, counter))


@pytest.fixture
def client_as(request, db):
    """client_as("member") -> a test client logged in as that role (or anonymous)."""

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a folder of the test's own, so a test can see every file written
    (the live server runs in this process, so browser tests see them too)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path, "base_url": None},
        },
    }
    return tmp_path
