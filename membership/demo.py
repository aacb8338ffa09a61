"""Demo accounts for local development (`make run`). Never loaded in production."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from membership.choices import CityStatus, Language, MemberRole, MemberStatus
from membership.models import City, Member, Theme, User, WorkingGroup, WorkingGroupMembership


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
    DemoAccount("point of contact (Tripoli)", "poc@demo.scn.example", "demo-poc-pass",
                "Layla", "Khoury", city_slug="tripoli", role=MemberRole.POINT_OF_CONTACT,
                language=Language.FRENCH),
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


# Working groups to click through (name, slug, themes, description); the demo practitioner
# is in the first one.
DEMO_WORKING_GROUPS = [
    ("Youth and families", "youth-and-families", ["Youth engagement", "Mentoring"],
     "Practitioners who work with young people and their families."),
    ("Online harms", "online-harms", ["Online extremism",
                                      "Counter-narratives and strategic communications"],
     "Hate and extremist content online, and answering it."),
    ("Prevention networks", "prevention-networks", ["Prevention networks (multi-agency)",
                                                    "Local action planning"],
     "Multi-agency prevention networks and local action plans."),
]  # fmt: skip


def ensure_demo_working_groups() -> None:
    """Create the demo working groups that are missing (the demo practitioner joins the
    first one as it is created); existing groups and their members are left alone."""
    demo_member = Member.objects.filter(user__email="member@demo.scn.example").first()
    for index, (name, slug, themes, description) in enumerate(DEMO_WORKING_GROUPS):
        if WorkingGroup.objects.filter(slug=slug).exists():
            continue
        group = WorkingGroup.objects.create(name=name, slug=slug, description=description)
        group.themes.add(*Theme.objects.filter(name__in=themes))
        if index == 0 and demo_member is not None:
            WorkingGroupMembership.objects.create(group=group, member=demo_member)


@transaction.atomic
def load_demo_data() -> list[tuple[DemoAccount, bool]]:
    """Each demo account, with whether this call created it. Needs the reference data."""
    accounts = [(account, ensure_demo_account(account)) for account in DEMO_ACCOUNTS]
    ensure_demo_working_groups()
    return accounts
