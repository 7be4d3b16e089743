import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from pot.choices import Occasion
from pot.models import Pot, PotSettings, Tip
from pot.services import open_pot
from tests.accounts.factories import UserFactory
from tests.home.factories import HomePageFactory
from tests.streets.factories import StreetPageFactory


class PotSettingsFactory(factory.django.DjangoModelFactory):
    municipality = factory.SubFactory(HomePageFactory)
    yearly_amount = Decimal("150.00")

    class Meta:
        model = PotSettings
        django_get_or_create = ("municipality",)


def funded_pot(street, year: int | None = None, amount: Decimal | str = "150.00", **fields) -> Pot:
    """A pot opened through the service, so its ledger holds the funding entry."""
    settings = PotSettings(yearly_amount=Decimal(amount))
    pot, _ = open_pot(street, year or timezone.localdate().year, settings)
    if fields:
        Pot.objects.filter(pk=pot.pk).update(**fields)
        pot.refresh_from_db()
    return pot


class TipFactory(factory.django.DjangoModelFactory):
    street = factory.SubFactory(StreetPageFactory)
    occasion = Occasion.ZIEK
    about = factory.Sequence(lambda n: f"nr. {n % 80 + 1}")
    note = "Ligt sinds maandag in het ziekenhuis."
    created_by = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Tip
        django_get_or_create = ("street", "occasion", "about")


def this_year_date(days_ago: int) -> datetime.date:
    """A date `days_ago` back, but never before 1 January of this year."""
    today = timezone.localdate()
    return max(today - datetime.timedelta(days=days_ago), today.replace(month=1, day=1))
