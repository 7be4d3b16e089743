"""Running the matching engine on a street's board and storing what it proposes.

The engine (matching/engine) is pure; this module builds its inputs from the database in a
fixed number of queries per street, calls it, and turns its proposals into Match rows. A pair
that already has a Match of any status is passed as `excluded`, so running a job twice (a
django-q2 retry, the nightly re-match) proposes nothing twice; the unique constraint on
(request, offer) backs that up in the database.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from matching import engine
from matching.models import (
    ACTIVE_STATUSES,
    LIVE_STATUSES,
    HelpOffer,
    HelpPost,
    HelpRequest,
    HomeLocation,
    Match,
    MatchEvent,
    MatchStatus,
    PostKind,
    PostStatus,
)
from streets.choices import MembershipStatus
from streets.models import StreetMembership

# A new request goes to a small ranked group of helpers, not to the whole street.
PROPOSALS_PER_REQUEST = 3


@dataclass
class StreetInputs:
    offers: list[engine.Offer]
    requests: dict[int, engine.Request]
    excluded: set[tuple[int, int]]
    live_request_ids: set[int]


def _homes(street_id: int) -> dict[int, tuple[str, engine.Location | None]]:
    """user id -> (house number, location) for the street's approved members, in one query."""
    homes = {}
    memberships = StreetMembership.objects.filter(
        street_id=street_id, status=MembershipStatus.APPROVED
    ).select_related("home_location")
    for membership in memberships:
        location = None
        home = getattr(membership, "home_location", None)
        if home is not None and home.status == HomeLocation.Status.FOUND:
            location = engine.Location(home.latitude, home.longitude)
        homes[membership.user_id] = (membership.house_number, location)
    return homes


def street_inputs(street_id: int, today: datetime.date) -> StreetInputs:
    """Everything the engine needs for one street: four queries, however big the street is."""
    homes = _homes(street_id)
    matches = list(
        Match.objects.filter(street_id=street_id).values_list("request_id", "offer_id", "status")
    )
    excluded = {(request_id, offer_id) for request_id, offer_id, _status in matches}
    load = Counter(offer_id for _r, offer_id, status in matches if status in ACTIVE_STATUSES)
    helpers = Counter(request_id for request_id, _o, status in matches if status in ACTIVE_STATUSES)
    live_request_ids = {request_id for request_id, _o, status in matches if status in LIVE_STATUSES}

    offers = []
    for offer in HelpOffer.objects.filter(
        street_id=street_id, status=PostStatus.OPEN, valid_until__gte=today
    ):
        if offer.author_id not in homes:
            continue  # the helper left the street: their offer is not proposed
        house_number, location = homes[offer.author_id]
        offers.append(
            engine.Offer(
                id=offer.pk,
                street_id=street_id,
                helper_id=offer.author_id,
                categories=offer.categories,
                slots=offer.slot_set,
                capacity=offer.capacity,
                active_load=load[offer.pk],
                location=location,
                house_number=house_number,
                valid_until=offer.valid_until,
            )
        )
    requests = {}
    for request in HelpRequest.objects.filter(
        street_id=street_id, status=PostStatus.OPEN, valid_until__gte=today
    ):
        house_number, location = homes.get(request.author_id, ("", None))
        requests[request.pk] = engine.Request(
            id=request.pk,
            street_id=street_id,
            requester_id=request.author_id,
            category=request.category,
            created_on=timezone.localdate(request.opened_at or request.created_at),
            slots=request.slot_set,
            needed_on=request.needed_on,
            urgency=request.urgency,
            helpers_already=helpers[request.pk],
            location=location,
            house_number=house_number,
        )
    return StreetInputs(offers, requests, excluded, live_request_ids)


def _store(street_id: int, proposals: list[engine.Proposal]) -> list[Match]:
    """Save proposals as Matches; a pair that a parallel run stored first is skipped."""
    from .notifications import notify_match

    created = []
    for proposal in proposals:
        try:
            with transaction.atomic():
                match = Match.objects.create(
                    street_id=street_id,
                    request_id=proposal.request_id,
                    offer_id=proposal.offer_id,
                    score=proposal.score,
                    reasons=list(proposal.reasons),
                )
                MatchEvent.objects.create(match=match, status=MatchStatus.PROPOSED)
                notify_match(match, "proposed")
        except IntegrityError:
            continue
        created.append(match)
    return created


def propose_for_request(request_id: int, today: datetime.date | None = None) -> list[Match]:
    """A new request on the board: propose it to the few best-suited helpers of its street."""
    today = today or timezone.localdate()
    street_id = (
        HelpPost.objects.filter(pk=request_id, kind=PostKind.REQUEST)
        .values_list("street_id", flat=True)
        .first()
    )
    if street_id is None:
        return []
    inputs = street_inputs(street_id, today)
    request = inputs.requests.get(request_id)
    if request is None:
        return []  # no longer open, or past its end date
    proposals = engine.rank_offers(
        request, inputs.offers, today=today, limit=PROPOSALS_PER_REQUEST, excluded=inputs.excluded
    )
    return _store(street_id, proposals)


def rematch_street(street_id: int, today: datetime.date | None = None) -> list[Match]:
    """All open requests of a street that nobody is working on, assigned at once.

    The global assignment respects every offer's free capacity and maximises the total
    score; requests with a live match (proposed, accepted, confirmed) are left alone.
    """
    today = today or timezone.localdate()
    inputs = street_inputs(street_id, today)
    waiting = [r for r_id, r in inputs.requests.items() if r_id not in inputs.live_request_ids]
    if not waiting or not inputs.offers:
        return []
    proposals = engine.assign(waiting, inputs.offers, today=today, excluded=inputs.excluded)
    return _store(street_id, proposals)


def rematch_all(today: datetime.date | None = None) -> int:
    """The nightly job: re-match every street that has open requests. Returns proposals made."""
    today = today or timezone.localdate()
    street_ids = (
        HelpRequest.objects.filter(status=PostStatus.OPEN, valid_until__gte=today)
        .values_list("street_id", flat=True)
        .distinct()
    )
    return sum(len(rematch_street(street_id, today)) for street_id in list(street_ids))


def unmatched_requests(street_id: int):
    """Open requests of the street without any live match: the gangmaker's "nog geen helper"."""
    live = Match.objects.filter(street_id=street_id, status__in=LIVE_STATUSES).values("request_id")
    return (
        HelpRequest.objects.filter(street_id=street_id, status=PostStatus.OPEN)
        .exclude(pk__in=live)
        .select_related("author")
        .order_by("created_at")
    )
