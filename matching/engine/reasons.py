"""Why a helper was proposed, in short Dutch sentences a neighbour understands.

"woont 3 deuren verder", "kan op dinsdagochtend", "helpt graag met boodschappen": where the
helper lives, when they can, what they like to do. The engine has no Django and so no
gettext; these sentences are in Dutch, the project's default language.
"""

import math

from .data import Offer, Request
from .encoding import SLOT_BITS, Slot
from .scoring import SAME_BUILDING_METRES
from .vocabulary import CATEGORY_REASONS, MONTHS, WEEKDAYS


def moment(slot: Slot) -> str:
    """(1, "ochtend") -> "dinsdagochtend"."""
    weekday, dagdeel = slot
    return f"{WEEKDAYS[weekday]}{dagdeel}"


def _in_order(slots) -> list[Slot]:
    return sorted(slots, key=SLOT_BITS.__getitem__)


def distance_reason(request: Request, offer: Offer, metres: float) -> str | None:
    """Where the helper lives, seen from the requester (a Request, or a Rota: any item with
    `number` and `location`); None when neither coordinates nor house numbers say."""
    request_number, offer_number = request.number, offer.number
    numbered = request_number is not None and offer_number is not None
    has_coordinates = request.location is not None and offer.location is not None
    if numbered and request_number == offer_number and metres < SAME_BUILDING_METRES:
        return "woont in hetzelfde gebouw"
    if has_coordinates and not math.isnan(metres):
        if metres < 50:
            return "woont vlakbij"
        if metres < 1000:
            return f"woont op ongeveer {round(metres, -1):.0f} meter"
        return f"woont op {metres / 1000:.1f} km".replace(".", ",")
    if not numbered:
        return None
    difference = abs(request_number - offer_number)
    doors = difference // 2
    if difference % 2 == 0:
        return "woont hiernaast" if doors == 1 else f"woont {doors} deuren verder"
    if doors == 0:
        return "woont recht tegenover"
    if doors == 1:
        return "woont schuin tegenover"
    return f"woont aan de overkant, {doors} deuren verder"


def _time_reason(request: Request, offer: Offer) -> str:
    wanted = request.wanted
    if not offer.slots:
        return "tijd in overleg" if not wanted else "is flexibel met tijden"
    common = _in_order(offer.slots & wanted if wanted else offer.slots)
    if request.needed_on is not None:
        day = request.needed_on
        return f"kan op {moment(common[0])} {day.day} {MONTHS[day.month - 1]}"
    names = [moment(slot) for slot in common]
    if len(names) == 1:
        return f"kan op {names[0]}"
    if len(names) == 2:
        return f"kan op {names[0]} en {names[1]}"
    return f"kan op {names[0]}, {names[1]} en vaker"


def explain(request: Request, offer: Offer, metres: float) -> tuple[str, ...]:
    """The reasons for one pair that the engine allowed: where, when, what."""
    reasons = [
        distance_reason(request, offer, metres),
        _time_reason(request, offer),
        CATEGORY_REASONS[request.category],
    ]
    return tuple(reason for reason in reasons if reason)
