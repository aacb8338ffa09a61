"""Demo accounts for local development (`make run`). Never loaded in production."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from membership.choices import CityStatus, Language, MemberRole, MemberStatus
from membership.models import City, Member, User


@dataclass(frozen=True)
class DemoAccount:
    label: str
    email: str
    password: str
    first_name: str
    last_name: str
    is_staff: bool = False
    city_slug: str | None = None
    role: str = MemberRole.PRACTITIONER
    approved: bool = True
    language: str = Language.ENGLISH


DEMO_ACCOUNTS = [
    DemoAccount("SCN staff", "staff@demo.scn.example", "demo-staff-pass", "Sam", "Staff",
                is_staff=True),
    DemoAccount("member (practitioner, Aarhus)", "member@demo.scn.example", "demo-member-pass",
                "Maja", "Jensen", city_slug="aarhus"),
    DemoAccount("city editor (Mombasa)", "editor@demo.scn.example", "demo-editor-pass",
                "Amina", "Odhiambo", city_slug="mombasa", role=MemberRole.CITY_EDITOR),
    DemoAccount("applicant (awaiting approval, Tripoli)", "applicant@demo.scn.example",
                "demo-applicant-pass", "Karim", "Haddad", city_slug="tripoli", approved=False,
                language=Language.ARABIC),
]  # fmt: skip


def ensure_demo_account(account: DemoAccount) -> bool:
    """Create the account if missing; an existing one (and its password) is left alone."""
    user = User.objects.filter(email=account.email).first()
    if user is not None:
        return False
    user = User.objects.create_user(
        account.email,
        account.password,
        first_name=account.first_name,
        last_name=account.last_name,
        is_staff=account.is_staff,
        is_superuser=account.is_staff,
        preferred_language=account.language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if account.city_slug:
        Member.objects.create(
            user=user,
            city=City.objects.get(slug=account.city_slug, status=CityStatus.ACTIVE),
            role=account.role,
            status=MemberStatus.APPROVED if account.approved else MemberStatus.PENDING,
            position="Demo account",
            organisation="Municipality",
        )
    return True


@transaction.atomic
def load_demo_data() -> list[tuple[DemoAccount, bool]]:
    """Each demo account, with whether this call created it. Needs the reference data."""
    return [(account, ensure_demo_account(account)) for account in DEMO_ACCOUNTS]
