"""Running the matching engine on the streets' boards and storing what it proposes.

The engine (matching/engine) is pure; this module reads its inputs as plain tuples, in four
queries for any number of streets, runs it street by street, and stores the proposals in bulk:
Matches, their first MatchEvent and the helpers' notifications in one transaction, the e-mails
enqueued after the commit. A request and a helper that already have a Match of any status,
through any of the helper's offers, are passed as `excluded_helpers`: a helper who declined
is not asked again through another offer, and running a job twice (a django-q2 retry, the
nightly re-match) proposes nothing twice; the unique constraint on (request, offer) backs
that up in the database.
"""

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from django.db import transaction
from django.utils import timezone

from accounts.languages import language_of
from matching import engine, help_cache
from matching.models import (
    ACTIVE_STATUSES,
    LIVE_STATUSES,
    HelpOffer,
    HelpPost,
    HelpRequest,
    LocationStatus,
    Match,
    MatchEvent,
    MatchStatus,
    Notification,
    PostKind,
    PostStatus,
)
from matching.slots import slots_from_strings
from streets.choices import MembershipStatus
from streets.models import StreetMembership

from . import notifications

# A new request goes to a small ranked group of helpers, not to the whole street.
PROPOSALS_PER_REQUEST = 3
# The nightly re-match writes this many streets per transaction, so that on SQLite a
# neighbour posting waits for one chunk (under a second at Rotterdam scale), not the whole run.
STREETS_PER_TRANSACTION = 200

# (street id, user id) -> (house number, location): a member's home in one street.
Homes = dict[tuple[int, int], tuple[str, engine.Location | None]]


@dataclass
class StreetInputs:
    offers: list[engine.Offer] = field(default_factory=list)
    requests: dict[int, engine.Request] = field(default_factory=dict)
    # (request id, helper id): this helper was proposed for this request before, in any way.
    excluded_helpers: set[tuple[int, int]] = field(default_factory=set)
    live_request_ids: set[int] = field(default_factory=set)


def _homes(street_ids: Iterable[int]) -> Homes:
    """(street id, user id) -> (house number, location) of approved members, in one query."""
    rows = (
        StreetMembership.objects.filter(street_id__in=street_ids, status=MembershipStatus.APPROVED)
        .order_by()
        .values_list(
            "street_id",
            "user_id",
            "house_number",
            "home_location__status",
            "home_location__latitude",
            "home_location__longitude",
        )
    )
    homes = {}
    for street_id, user_id, house_number, status, latitude, longitude in rows:
        found = status == LocationStatus.FOUND
        homes[street_id, user_id] = (
            house_number,
            engine.Location(latitude, longitude) if found else None,
        )
    return homes


def _read_matches(inputs: dict[int, StreetInputs]) -> tuple[Counter, Counter]:
    """Fill in each street's excluded helpers and live requests; return the active load per
    offer and the active helpers per request."""
    rows = (
        Match.objects.filter(street_id__in=inputs.keys())
        .order_by()
        .values_list("street_id", "request_id", "offer_id", "offer__author_id", "status")
    )
    load, helpers = Counter(), Counter()
    for street_id, request_id, offer_id, helper_id, status in rows:
        street = inputs[street_id]
        street.excluded_helpers.add((request_id, helper_id))
        if status in ACTIVE_STATUSES:
            load[offer_id] += 1
            helpers[request_id] += 1
        if status in LIVE_STATUSES:
            street.live_request_ids.add(request_id)
    return load, helpers


def _offers(
    street_ids: Iterable[int], today: datetime.date, homes: Homes, load: Counter
) -> Iterator[engine.Offer]:
    rows = (
        HelpOffer.objects.filter(
            street_id__in=street_ids, status=PostStatus.OPEN, valid_until__gte=today
        )
        .order_by()
        .values_list(
            "pk", "street_id", "author_id", "categories", "availability", "capacity", "valid_until"
        )
    )
    for pk, street_id, author_id, categories, availability, capacity, valid_until in rows:
        home = homes.get((street_id, author_id))
        if home is None:
            continue  # the helper left the street: their offer is not proposed
        yield engine.Offer(
            id=pk,
            street_id=street_id,
            helper_id=author_id,
            categories=categories,
            slots=slots_from_strings(availability),
            capacity=capacity,
            active_load=load[pk],
            location=home[1],
            house_number=home[0],
            valid_until=valid_until,
        )


def _requests(
    street_ids: Iterable[int], today: datetime.date, homes: Homes, helpers: Counter
) -> Iterator[engine.Request]:
    rows = (
        HelpRequest.objects.filter(
            street_id__in=street_ids, status=PostStatus.OPEN, valid_until__gte=today
        )
        .order_by()
        .values_list(
            "pk",
            "street_id",
            "author_id",
            "category",
            "opened_at",
            "created_at",
            "when_slots",
            "needed_on",
            "urgency",
        )
    )
    for (
        pk,
        street_id,
        author_id,
        category,
        opened_at,
        created_at,
        slots,
        needed_on,
        urgency,
    ) in rows:
        house_number, location = homes.get((street_id, author_id), ("", None))
        yield engine.Request(
            id=pk,
            street_id=street_id,
            requester_id=author_id,
            category=category,
            created_on=timezone.localdate(opened_at or created_at),
            slots=slots_from_strings(slots),
            needed_on=needed_on,
            urgency=urgency,
            helpers_already=helpers[pk],
            location=location,
            house_number=house_number,
        )


def streets_inputs(street_ids: Iterable[int], today: datetime.date) -> dict[int, StreetInputs]:
    """Everything the engine needs per street: four queries, however many and big the streets."""
    street_ids = list(street_ids)
    inputs = {street_id: StreetInputs() for street_id in street_ids}
    homes = _homes(street_ids)
    load, helpers = _read_matches(inputs)
    for offer in _offers(street_ids, today, homes, load):
        inputs[offer.street_id].offers.append(offer)
    for request in _requests(street_ids, today, homes, helpers):
        inputs[request.street_id].requests[request.id] = request
    return inputs


def street_inputs(street_id: int, today: datetime.date) -> StreetInputs:
    """Everything the engine needs for one street."""
    return streets_inputs([street_id], today)[street_id]


def _enqueue_sends(notification_ids: list[int]) -> None:
    """After the commit: one e-mail task per notification.

    With django-q2's ORM broker every enqueue outside a transaction commits on its own (and
    closes the connection when CONN_MAX_AGE is 0); one transaction for the lot saves that.
    Should it fail, the rows still wait unsent and the hourly send_digests mails them.
    """
    with transaction.atomic():
        for notification_id in notification_ids:
            notifications.enqueue_send(notification_id)


def _store(proposals: list[tuple[int, engine.Proposal]]) -> list[Match]:
    """Save (street id, proposal) pairs as Matches, in the order given, with their first event
    and the helper's notification in one transaction; the e-mails go out after the commit.

    A pair that a parallel run stored first is skipped: the insert ignores the conflict on
    (request, offer), and only rows carrying this call's timestamp are read back as ours.
    """
    if not proposals:
        return []
    stamp = timezone.now()
    order = {(p.request_id, p.offer_id): index for index, (_street, p) in enumerate(proposals)}
    with transaction.atomic():
        Match.objects.bulk_create(
            [
                Match(
                    street_id=street_id,
                    request_id=proposal.request_id,
                    offer_id=proposal.offer_id,
                    score=proposal.score,
                    reasons=[reason.as_json() for reason in proposal.reasons],
                    created_at=stamp,
                )
                for street_id, proposal in proposals
            ],
            ignore_conflicts=True,
        )
        ours = Match.objects.filter(
            street_id__in={street_id for street_id, _p in proposals},
            status=MatchStatus.PROPOSED,
            created_at=stamp,
        ).select_related("request__author", "offer__author")
        matches = sorted(
            (m for m in ours if (m.request_id, m.offer_id) in order),
            key=lambda m: order[m.request_id, m.offer_id],
        )
        MatchEvent.objects.bulk_create(
            MatchEvent(match=match, status=MatchStatus.PROPOSED, at=stamp) for match in matches
        )
        # The matches are new, so no notification of theirs exists yet: a plain insert, which
        # returns the ids the e-mail tasks need.
        # bulk_create sends no signal: both people's kept Mijn hulp must go.
        help_cache.bump(*{street_id for street_id, _p in proposals})
        news = Notification.objects.bulk_create(
            Notification(
                user=user,
                street_id=match.street_id,
                match=match,
                kind="proposed",
                text=text,
                language=language_of(user),  # the language match_news wrote `text` in
                urgent=urgent,
                created_at=stamp,
            )
            for match in matches
            for user, text, urgent in notifications.match_news(match, "proposed")
        )
        if news:
            transaction.on_commit(partial(_enqueue_sends, [n.pk for n in news]))
    return matches


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
    with transaction.atomic():
        inputs = street_inputs(street_id, today)
        request = inputs.requests.get(request_id)
        if request is None:
            return []  # no longer open, or past its end date
        proposals = engine.rank_offers(
            request,
            inputs.offers,
            today=today,
            limit=PROPOSALS_PER_REQUEST,
            excluded_helpers=inputs.excluded_helpers,
        )
        return _store([(street_id, proposal) for proposal in proposals])


def _assign(street: StreetInputs, today: datetime.date) -> list[engine.Proposal]:
    """The street's open requests that nobody is working on, assigned at once."""
    waiting = [r for r_id, r in street.requests.items() if r_id not in street.live_request_ids]
    if not waiting or not street.offers:
        return []
    return engine.assign(
        waiting, street.offers, today=today, excluded_helpers=street.excluded_helpers
    )


def rematch_streets(street_ids: list[int], today: datetime.date) -> list[Match]:
    """Re-match these streets in one transaction, each street on its own.

    Reading inside the transaction means that on SQLite (which takes the write lock at the
    start) nobody changes a helper's load between reading it and proposing.
    """
    with transaction.atomic():
        inputs = streets_inputs(street_ids, today)
        return _store(
            [
                (street_id, proposal)
                for street_id, street in inputs.items()
                for proposal in _assign(street, today)
            ]
        )


def rematch_street(street_id: int, today: datetime.date | None = None) -> list[Match]:
    """All open requests of a street that nobody is working on, assigned at once.

    The global assignment respects every offer's free capacity, helps as many requests as
    possible and, among those ways, maximises the total score; requests with a live match
    (proposed, accepted, confirmed) are left alone.
    """
    return rematch_streets([street_id], today or timezone.localdate())


def rematch_all(today: datetime.date | None = None) -> int:
    """The nightly job: re-match every street that has open requests. Returns proposals made."""
    today = today or timezone.localdate()
    street_ids = sorted(
        HelpRequest.objects.filter(status=PostStatus.OPEN, valid_until__gte=today)
        .order_by()  # the default ordering would make distinct() return a street many times
        .values_list("street_id", flat=True)
        .distinct()
    )
    return sum(
        len(rematch_streets(street_ids[start : start + STREETS_PER_TRANSACTION], today))
        for start in range(0, len(street_ids), STREETS_PER_TRANSACTION)
    )


def unmatched_requests(street_id: int):
    """Open requests of the street without any live match: the gangmaker's "nog geen helper"."""
    live = Match.objects.filter(street_id=street_id, status__in=LIVE_STATUSES).values("request_id")
    return (
        HelpRequest.objects.filter(street_id=street_id, status=PostStatus.OPEN)
        .exclude(pk__in=live)
        .select_related("author")
        .order_by("created_at")
    )
