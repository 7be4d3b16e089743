"""What goes into the engine and what comes out: frozen dataclasses, checked on creation.

The wiring layer builds these from the database rows; the engine never sees a model. Values
are checked here so that a typo in the wiring fails loudly instead of silently matching
nothing (an unknown category would otherwise never fit anything).
"""

import math
from dataclasses import dataclass, field
from datetime import date

from .vocabulary import CATEGORIES, DAGDELEN, NORMAL, URGENCIES

Slot = tuple[int, str]
"""(weekday, dagdeel): weekday 0 is maandag, dagdeel "ochtend", "middag" or "avond"."""


@dataclass(frozen=True, slots=True)
class Location:
    """A geocoded home, in WGS84 degrees."""

    latitude: float
    longitude: float

    def __post_init__(self):
        if not (math.isfinite(self.latitude) and -90 <= self.latitude <= 90):
            raise ValueError(f"latitude out of range: {self.latitude!r}")
        if not (math.isfinite(self.longitude) and -180 <= self.longitude <= 180):
            raise ValueError(f"longitude out of range: {self.longitude!r}")


def _check_slots(slots) -> frozenset[Slot]:
    slots = frozenset(slots)
    for slot in slots:
        if not (
            isinstance(slot, tuple)
            and len(slot) == 2
            and slot[0] in range(7)
            and slot[1] in DAGDELEN
        ):
            raise ValueError(f"not a (weekday, dagdeel) slot: {slot!r}")
    return slots


@dataclass(frozen=True, kw_only=True)
class Offer:
    """A neighbour's standing offer of help.

    `slots` empty means "flexibel, in overleg". `capacity` is how many requests the helper
    takes on at once through this offer; `active_load` how many they help with now.
    `valid_until` is the last day the offer holds (None: until withdrawn).
    """

    id: int
    street_id: int
    helper_id: int
    categories: frozenset[str]
    slots: frozenset[Slot] = field(default_factory=frozenset)
    capacity: int = 1
    active_load: int = 0
    location: Location | None = None
    house_number: str = ""
    valid_until: date | None = None

    def __post_init__(self):
        categories = frozenset(self.categories)
        unknown = categories - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {sorted(unknown)!r}")
        if self.capacity < 0 or self.active_load < 0:
            raise ValueError("capacity and active_load cannot be negative")
        # Accept any iterable from the wiring, keep a hashable frozenset.
        object.__setattr__(self, "categories", categories)
        object.__setattr__(self, "slots", _check_slots(self.slots))

    @property
    def free_capacity(self) -> int:
        return max(0, self.capacity - self.active_load)


@dataclass(frozen=True, kw_only=True)
class Request:
    """A neighbour's open request for help.

    `slots` are the moments that suit the requester (empty: any moment); a one-off request has
    `needed_on`, whose weekday then decides. `helpers_already` counts the helpers the request
    has now (accepted matches), so that help is spread before anyone gets a second helper.
    """

    id: int
    street_id: int
    requester_id: int
    category: str
    created_on: date
    slots: frozenset[Slot] = field(default_factory=frozenset)
    needed_on: date | None = None
    urgency: str = NORMAL
    helpers_already: int = 0
    location: Location | None = None
    house_number: str = ""

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category: {self.category!r}")
        if self.urgency not in URGENCIES:
            raise ValueError(f"unknown urgency: {self.urgency!r}")
        if self.helpers_already < 0:
            raise ValueError("helpers_already cannot be negative")
        object.__setattr__(self, "slots", _check_slots(self.slots))


@dataclass(frozen=True)
class Proposal:
    """One suggested pairing: higher scores are better matches; reasons are Dutch sentences."""

    request_id: int
    offer_id: int
    helper_id: int
    score: float
    reasons: tuple[str, ...]
