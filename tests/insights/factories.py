import datetime

import factory
from django.utils import timezone

from insights.choices import ConsentMethod, SignalStatus
from insights.models import CareSignal
from matching.choices import Urgency
from tests.streets.factories import GangmakerMembershipFactory, MembershipFactory


class CareSignalFactory(factory.django.DjangoModelFactory):
    """A signal with the neighbour's consent, raised by a gangmaker of the same street."""

    street = factory.LazyAttribute(lambda o: o.neighbour.memberships.first().street)
    neighbour = factory.LazyAttribute(lambda o: MembershipFactory().user)
    raised_by = factory.LazyAttribute(lambda o: GangmakerMembershipFactory(street=o.street).user)
    concern = "Mevrouw lijkt de laatste weken in de war en vergeet boodschappen."
    urgency = Urgency.NORMAL
    consent_given_by = "de buurvrouw zelf"
    consent_at = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    consent_method = ConsentMethod.IN_PERSON
    status = SignalStatus.OPEN

    class Meta:
        model = CareSignal
        django_get_or_create = ("street", "neighbour", "concern")
