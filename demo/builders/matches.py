"""Demo data for matching: a helper for the demo request, and the engine's first proposals.

Runs the same service as the nightly job, so the demo shows real proposals with their
reasons. Idempotent: pairs that already have a match are never proposed again.
"""

from matching.models import HelpRequest, Match, MatchStatus, PostStatus
from matching.services.lifecycle import take_step
from matching.services.matching import rematch_street
from streets.models import StreetPage
from tests.accounts.factories import UserFactory
from tests.matching.factories import HelpOfferFactory


def build(home, stdout):
    zwaanshals = StreetPage.objects.descendant_of(home).get(slug="zwaanshals")
    # A neighbour who does boodschappen on Tuesdays: the demo request (bewoner@) finds her.
    helper = UserFactory(email="buur7.zwaanshals@example.org")
    HelpOfferFactory(
        street=zwaanshals,
        author=helper,
        description="Ik ga dinsdag toch naar de Dirk, ik neem graag iets mee.",
        categories=["boodschappen"],
        availability=["1:ochtend", "3:ochtend"],
        capacity=2,
    )
    for street_id in (
        HelpRequest.objects.filter(street__path__startswith=home.path, status=PostStatus.OPEN)
        .values_list("street_id", flat=True)
        .distinct()
    ):
        rematch_street(street_id)
    # One accepted match in Zwaanshals, so the demo shows shared contact details.
    proposal = Match.objects.filter(
        street=zwaanshals, offer__author=helper, status=MatchStatus.PROPOSED
    ).first()
    if (
        proposal
        and not Match.objects.filter(offer__author=helper, status=MatchStatus.ACCEPTED).exists()
    ):
        take_step(proposal, "accept", helper, can_manage=False)
    stdout.write("  koppelingen met redenen")
