import datetime

import factory
import wagtail_factories
from django.utils import timezone

from streets.choices import MemberRole, MembershipStatus
from streets.models import (
    CoordinatorAssignment,
    EventPage,
    NationalCoordinatorAssignment,
    NeighbourhoodPage,
    StreetMembership,
    StreetPage,
    WelzijnAssignment,
)
from streets.services import sync_admin_access
from tests.accounts.factories import UserFactory
from tests.home.factories import HomePageFactory


class NeighbourhoodPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Wijk {n}")
    parent = factory.SubFactory(HomePageFactory)

    class Meta:
        model = NeighbourhoodPage
        django_get_or_create = ("parent", "slug")


class StreetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Straat {n}")
    parent = factory.SubFactory(NeighbourhoodPageFactory)
    postcodes = factory.Sequence(lambda n: f"{3000 + n % 6000} AB")
    intro = "<p>Wij letten op elkaar.</p>"

    class Meta:
        model = StreetPage
        django_get_or_create = ("parent", "slug")


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Liftkoffie {n}")
    parent = factory.SubFactory(StreetPageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    location = "In de hal bij de lift"

    class Meta:
        model = EventPage
        django_get_or_create = ("parent", "slug")


class MembershipFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    street = factory.SubFactory(StreetPageFactory)
    role = MemberRole.BEWONER
    status = MembershipStatus.APPROVED
    house_number = factory.Sequence(lambda n: str(n % 200 + 1))

    class Meta:
        model = StreetMembership
        django_get_or_create = ("user", "street")


class GangmakerMembershipFactory(MembershipFactory):
    role = MemberRole.GANGMAKER

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def admin_access(obj, create, extracted, **kwargs):
        # As in the approval service: a gangmaker may edit their street in the Wagtail admin.
        if create:
            sync_admin_access(obj.user)


class WelzijnAssignmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    neighbourhood = factory.SubFactory(NeighbourhoodPageFactory)

    class Meta:
        model = WelzijnAssignment
        django_get_or_create = ("user", "neighbourhood")


class CoordinatorAssignmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(HomePageFactory)

    class Meta:
        model = CoordinatorAssignment
        django_get_or_create = ("user", "municipality")
        skip_postgeneration_save = True

    @factory.post_generation
    def admin_access(obj, create, extracted, **kwargs):
        if create:
            sync_admin_access(obj.user)


class NationalCoordinatorAssignmentFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)

    class Meta:
        model = NationalCoordinatorAssignment
        django_get_or_create = ("user",)
