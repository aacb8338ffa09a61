"""factory-boy factories for the hub's core records."""

import factory
from allauth.account.models import EmailAddress
from django.utils.text import slugify

from membership.choices import CityStatus, MemberRole, MemberStatus
from membership.models import City, Member, Region, User


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Test region {n}")
    slug = factory.LazyAttribute(lambda region: slugify(region.name))


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"Test city {n}")
    slug = factory.LazyAttribute(lambda city: slugify(city.name))
    country = "DK"
    region = factory.SubFactory(RegionFactory)
    status = CityStatus.ACTIVE


class UserFactory(factory.django.DjangoModelFactory):
    """A user whose email address is verified (allauth's EmailAddress), able to log in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            verified = True if extracted is None else extracted
            EmailAddress.objects.create(
                user=user, email=user.email, verified=verified, primary=True
            )


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    class Params:
        approved = True  # MemberFactory(approved=False) for someone awaiting a decision

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    role = MemberRole.PRACTITIONER
    status = factory.LazyAttribute(
        lambda member: MemberStatus.APPROVED if member.approved else MemberStatus.PENDING
    )
    position = "Youth worker"
    organisation = "Municipality"
