"""The life of a match: proposed → accepted → confirmed → done, or declined / cancelled / expired.

Each service checks that the step is allowed from the current status and that the person
may take it: the helper answers a proposal, the requester confirms, either side cancels or
reports the help done, and the street's gangmakers (and the municipality's coordinators)
may step in at every point. Views check membership first; these check the rest again.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matching import help_cache
from matching.models import (
    ACTIVE_STATUSES,
    LIVE_STATUSES,
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchStatus,
    PostStatus,
)
from matching.models.match import BY_HAND
from matching.reasons import MATCHED_BY_GANGMAKER
from matching.slots import DAGDELEN
from streets import page_cache

from .notifications import notify_match

PROPOSAL_DAYS = 5  # a proposal nobody answers expires after this many days


class MatchError(Exception):
    """A step that is not allowed; the message is Dutch, for the person who tried."""


HELPER, REQUESTER, MANAGER = "helper", "requester", "manager"

# action -> (statuses it may start from, new status, who may take it)
STEPS = {
    "accept": ((MatchStatus.PROPOSED,), MatchStatus.ACCEPTED, {HELPER, MANAGER}),
    "decline": ((MatchStatus.PROPOSED,), MatchStatus.DECLINED, {HELPER, MANAGER}),
    "confirm": ((MatchStatus.ACCEPTED,), MatchStatus.CONFIRMED, {REQUESTER, MANAGER}),
    "done": (
        (MatchStatus.ACCEPTED, MatchStatus.CONFIRMED),
        MatchStatus.DONE,
        {HELPER, REQUESTER, MANAGER},
    ),
    "cancel": (LIVE_STATUSES, MatchStatus.CANCELLED, {HELPER, REQUESTER, MANAGER}),
}


def roles_of(user, match: Match, can_manage: bool) -> set[str]:
    roles = set()
    if user.pk == match.offer.author_id:
        roles.add(HELPER)
    if user.pk == match.request.author_id:
        roles.add(REQUESTER)
    if can_manage:
        roles.add(MANAGER)
    return roles


def allowed_actions(user, match: Match, can_manage: bool) -> list[str]:
    """The buttons this person sees for this match."""
    roles = roles_of(user, match, can_manage)
    return [
        name for name, (starts, _to, who) in STEPS.items() if match.status in starts and roles & who
    ]


def _locked(match: Match) -> Match:
    return (
        Match.objects.select_for_update()
        .select_related("request__author", "offer__author")
        .get(pk=match.pk)
    )


@transaction.atomic
def take_step(match: Match, action: str, by, can_manage: bool, note: str = "") -> Match:
    """Move `match` one step; raises MatchError when the step or the person is not allowed."""
    if action not in STEPS:
        raise MatchError(_("Deze stap bestaat niet."))
    match = _locked(match)
    starts, new_status, who = STEPS[action]
    roles = roles_of(by, match, can_manage)
    if not roles & who:
        raise MatchError(_("Deze stap is niet aan u."))
    if match.status not in starts:
        raise MatchError(_("Dat kan niet meer: de koppeling is intussen veranderd."))
    if action == "accept":
        busy = Match.objects.filter(offer_id=match.offer_id, status__in=ACTIVE_STATUSES).count()
        if busy >= match.offer.capacity:
            raise MatchError(_("Deze helper helpt al zoveel buren als afgesproken."))
    match.status = new_status
    match.save(update_fields=["status", "updated_at"])
    MatchEvent.objects.create(match=match, status=new_status, actor=by, note=note[:500])
    if action == "done":
        # The help was given: the request leaves the board (a new need is a new post).
        closed = HelpRequest.objects.filter(pk=match.request_id, status=PostStatus.OPEN).update(
            status=PostStatus.CLOSED
        )
        if closed:
            # update() sends no signal: the street's kept board and counts must go.
            page_cache.invalidate(match.street_id)
    notify_match(match, _notification_kind(action, roles))
    return match


def _notification_kind(action: str, roles: set[str]) -> str:
    if action == "cancel":
        return "cancelled_by_helper" if HELPER in roles else "cancelled_by_requester"
    return {"accept": "accepted", "decline": "declined", "confirm": "confirmed", "done": "done"}[
        action
    ]


def wanted_slot_strings(request: HelpRequest) -> list[str]:
    """The moments that suit the requester, as stored slots ("1:ochtend"); empty: any time.

    A dated request asks for the date's weekday (at the chosen dagdelen, or all of them), as
    the engine reads it (engine.encoding.wanted_slots)."""
    slots = list(request.when_slots or [])
    if request.needed_on is None:
        return slots
    weekday = request.needed_on.weekday()
    same_day = [slot for slot in slots if slot.startswith(f"{weekday}:")]
    return same_day or [f"{weekday}:{dagdeel}" for dagdeel in DAGDELEN]


def times_fit(request: HelpRequest, offer: HelpOffer) -> bool:
    """Whether the helper can at a moment the request asks for; a helper or requester
    without set moments ("in overleg") fits any time."""
    wanted = set(wanted_slot_strings(request))
    offered = set(offer.availability or [])
    return not wanted or not offered or bool(wanted & offered)


@transaction.atomic
def make_match(request: HelpRequest, offer: HelpOffer, by) -> Match:
    """A gangmaker pairs a request and an offer of their street by hand (a proposal to the helper)."""
    if request.street_id != offer.street_id:
        raise MatchError(_("Een vraag en een aanbod moeten uit dezelfde straat komen."))
    if request.author_id == offer.author_id:
        raise MatchError(_("Iemand kan zichzelf niet helpen."))
    if request.status != PostStatus.OPEN or offer.status != PostStatus.OPEN:
        raise MatchError(_("Kies een vraag en een aanbod die op het prikbord staan."))
    try:
        with transaction.atomic():
            match = Match.objects.create(
                street_id=request.street_id,
                request=request,
                offer=offer,
                made_by=by,
                reasons=[MATCHED_BY_GANGMAKER],
            )
    except IntegrityError:
        raise MatchError(_("Deze vraag en dit aanbod zijn al eens aan elkaar gekoppeld.")) from None
    MatchEvent.objects.create(match=match, status=MatchStatus.PROPOSED, actor=by, note=BY_HAND)
    notify_match(match, "proposed")
    return match


@transaction.atomic
def record_feedback(match: Match, by, helped: bool) -> Match:
    """After a match is done, each side says whether the help really happened."""
    match = _locked(match)
    if match.status != MatchStatus.DONE:
        raise MatchError(_("Dat vragen we pas als de hulp klaar is."))
    if by.pk == match.offer.author_id:
        match.helper_says_helped = helped
    elif by.pk == match.request.author_id:
        match.requester_says_helped = helped
    else:
        raise MatchError(_("Deze vraag is niet aan u."))
    match.save(update_fields=["helper_says_helped", "requester_says_helped", "updated_at"])
    return match


def expire_proposals(now: datetime.datetime | None = None, days: int = PROPOSAL_DAYS) -> int:
    """Proposals nobody answered within `days` expire, so the nightly re-match can try others."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    expired = 0
    for match_id, street_id in list(
        Match.objects.filter(status=MatchStatus.PROPOSED, created_at__lt=cutoff).values_list(
            "pk", "street_id"
        )
    ):
        with transaction.atomic():
            if Match.objects.filter(pk=match_id, status=MatchStatus.PROPOSED).update(
                status=MatchStatus.EXPIRED
            ):
                MatchEvent.objects.create(match_id=match_id, status=MatchStatus.EXPIRED)
                # update() sends no signal: the match leaves both people's kept Mijn hulp.
                help_cache.bump(street_id)
                expired += 1
    return expired
