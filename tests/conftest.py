"""The people of the permission matrix (ARCHITECTURE.md), as fixtures.

anonymous, applicant, member, editor of city A, editor of city B, staff.
"""

import pytest
from django.test import Client

from membership.choices import MemberRole
from tests.factories import CityFactory, MemberFactory, UserFactory

PASSWORD = "correct horse battery"
ROLES = ["anonymous", "applicant", "member", "editor_a", "editor_b", "staff"]


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
    return UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)


@pytest.fixture
def client_as(request, db):
    """client_as("member") -> a test client logged in as that role (or anonymous)."""

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return make
