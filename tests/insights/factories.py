import datetime

import factory
from django.utils import timezone

from insights.choices import ConsentMethod, SignalStatus
from insights.models import CareSignal
from matching.choices import Urgency
from matching.models import Match, MatchEvent, MatchStatus
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
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


# The steps a match has taken to reach each status, after being proposed (lifecycle.STEPS).
_STEPS = {
    MatchStatus.PROPOSED: [],
    MatchStatus.ACCEPTED: [MatchStatus.ACCEPTED],
    MatchStatus.CONFIRMED: [MatchStatus.ACCEPTED, MatchStatus.CONFIRMED],
    MatchStatus.DONE: [MatchStatus.ACCEPTED, MatchStatus.DONE],
    MatchStatus.CANCELLED: [MatchStatus.ACCEPTED, MatchStatus.CANCELLED],
    MatchStatus.DECLINED: [MatchStatus.DECLINED],
    MatchStatus.EXPIRED: [MatchStatus.EXPIRED],
}


def match_for(request, status=MatchStatus.ACCEPTED, at=None) -> Match:
    """A new neighbour's offer matched to `request`, its steps logged at `at` (default now).

    Proposed an hour before `at`; every later step (accepted, then confirmed, done, ...) at
    `at`, as a gangmaker stepping in would log them.
    """
    at = at or timezone.now()
    offer = HelpOfferFactory(
        street=request.street, author=MembershipFactory(street=request.street).user
    )
    proposed = at - datetime.timedelta(hours=1)
    match = Match.objects.create(
        street=request.street, request=request, offer=offer, status=status, created_at=proposed
    )
    MatchEvent.objects.create(match=match, status=MatchStatus.PROPOSED, at=proposed)
    for step in _STEPS[status]:
        MatchEvent.objects.create(match=match, status=step, at=at)
    return match


def helped(street, opened_days_ago=3, days_to_helper=2, status=MatchStatus.ACCEPTED):
    """A new neighbour's request, on the board `opened_days_ago` days, that found a helper
    `days_to_helper` days after it went up (or reached `status` then)."""
    opened = timezone.now() - datetime.timedelta(days=opened_days_ago)
    request = HelpRequestFactory(
        street=street, author=MembershipFactory(street=street).user, opened_at=opened
    )
    match_for(request, status, at=opened + datetime.timedelta(days=days_to_helper))
    return request
