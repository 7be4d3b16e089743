"""Why a helper was proposed, as small data the site turns into a sentence in each reader's
language.

Where the helper lives, when they can, what they like to do: each reason is a `Reason`, a code
and a few plain numbers and words ("doors_along" with doors=3). The engine has no Django and
so no gettext: matching/reasons.py renders a reason for the person who reads it ("woont 3
deuren verder" in Dutch), and the database stores `Reason.as_json()`.

The codes and their parameters (weekday 0 is Monday, dagdelen as in vocabulary.DAGDELEN):

- where: "same_building"; "nearby" (under 50 m); "metres" (metres: rounded to 10);
  "km" (metres: rounded to 100); "next_door"; "doors_along" (doors); "opposite";
  "diagonally_opposite"; "across_doors" (doors: on the other side, further along);
- when: "time_by_arrangement" (neither side named a time); "flexible" (the helper named no
  time); "can_on_date" (weekday, dagdeel, day, month: the request's date);
  "can_on" (slots: one or two [weekday, dagdeel]); "can_on_and_more" (slots: the first two);
- what: "likes" (category);
- rota: "takes" (items, every): see rota.moments_reason;
- by hand (written by the site, not the engine): "matched_by_gangmaker",
  "filled_by_gangmaker".
"""

import math

from .data import Offer, Reason, Request
from .encoding import SLOT_BITS, Slot
from .scoring import SAME_BUILDING_METRES


def _in_order(slots) -> list[Slot]:
    return sorted(slots, key=SLOT_BITS.__getitem__)


def distance_reason(request: Request, offer: Offer, metres: float) -> Reason | None:
    """Where the helper lives, seen from the requester (a Request, or a Rota: any item with
    `number` and `location`); None when neither coordinates nor house numbers say."""
    request_number, offer_number = request.number, offer.number
    numbered = request_number is not None and offer_number is not None
    has_coordinates = request.location is not None and offer.location is not None
    if numbered and request_number == offer_number and metres < SAME_BUILDING_METRES:
        return Reason.of("same_building")
    if has_coordinates and not math.isnan(metres):
        if metres < 50:
            return Reason.of("nearby")
        if metres < 1000:
            return Reason.of("metres", metres=int(round(metres, -1)))
        # Kilometres with one decimal, as the reader sees them: 1234 m -> 1200 (1,2 km).
        return Reason.of("km", metres=round(float(f"{metres / 1000:.1f}") * 1000))
    if not numbered:
        return None
    difference = abs(request_number - offer_number)
    doors = difference // 2
    if difference % 2 == 0:
        return Reason.of("next_door") if doors == 1 else Reason.of("doors_along", doors=doors)
    if doors == 0:
        return Reason.of("opposite")
    if doors == 1:
        return Reason.of("diagonally_opposite")
    return Reason.of("across_doors", doors=doors)


def _time_reason(request: Request, offer: Offer) -> Reason:
    wanted = request.wanted
    if not offer.slots:
        return Reason.of("time_by_arrangement" if not wanted else "flexible")
    common = _in_order(offer.slots & wanted if wanted else offer.slots)
    if request.needed_on is not None:
        day = request.needed_on
        weekday, dagdeel = common[0]
        return Reason.of(
            "can_on_date", weekday=weekday, dagdeel=dagdeel, day=day.day, month=day.month
        )
    slots = tuple(tuple(slot) for slot in common[:2])
    return Reason.of("can_on" if len(common) <= 2 else "can_on_and_more", slots=slots)


def category_reason(category: str) -> Reason:
    """What the helper likes to do: the request's category ("helpt graag met boodschappen")."""
    return Reason.of("likes", category=category)


def explain(request: Request, offer: Offer, metres: float) -> tuple[Reason, ...]:
    """The reasons for one pair that the engine allowed: where, when, what."""
    reasons = [
        distance_reason(request, offer, metres),
        _time_reason(request, offer),
        category_reason(request.category),
    ]
    return tuple(reason for reason in reasons if reason)
