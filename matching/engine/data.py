"""What goes into the engine and what comes out: frozen dataclasses, checked on creation.

The wiring layer builds these from the database rows; the engine never sees a model. Values
are checked here so that a typo in the wiring fails loudly instead of silently matching
nothing (an unknown category would otherwise never fit anything).
"""

import math
from dataclasses import dataclass, field
from datetime import date

from .encoding import CATEGORY_BITS, SLOT_BITS, Slot, parse_house_number, slot_mask, wanted_slots
from .vocabulary import CATEGORIES, NORMAL, URGENCIES


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


def _set(instance, **values):
    # A frozen dataclass may still complete itself in __post_init__.
    for name, value in values.items():
        object.__setattr__(instance, name, value)


def _check_slots(slots) -> frozenset[Slot]:
    slots = frozenset(slots)
    for slot in slots:
        if not (isinstance(slot, tuple) and slot in SLOT_BITS):
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
    # Worked out once here, read by scoring for every pair (see encoding.py).
    category_bits: int = field(init=False, repr=False, compare=False)
    slot_bits: int = field(init=False, repr=False, compare=False)
    number: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        categories = frozenset(self.categories)
        unknown = categories - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {sorted(unknown)!r}")
        if self.capacity < 0 or self.active_load < 0:
            raise ValueError("capacity and active_load cannot be negative")
        # Accept any iterable from the wiring, keep a hashable frozenset.
        slots = _check_slots(self.slots)
        _set(self, categories=categories, slots=slots)
        _set(
            self,
            category_bits=sum(CATEGORY_BITS[category] for category in categories),
            slot_bits=slot_mask(slots),
            number=parse_house_number(self.house_number),
        )

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
    # Worked out once here, read by scoring for every pair (see encoding.py).
    wanted: frozenset[Slot] = field(init=False, repr=False, compare=False)
    wanted_bits: int = field(init=False, repr=False, compare=False)
    number: int | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category: {self.category!r}")
        if self.urgency not in URGENCIES:
            raise ValueError(f"unknown urgency: {self.urgency!r}")
        if self.helpers_already < 0:
            raise ValueError("helpers_already cannot be negative")
        slots = _check_slots(self.slots)
        wanted = wanted_slots(slots, self.needed_on)
        _set(self, slots=slots, wanted=wanted, wanted_bits=slot_mask(wanted))
        _set(self, number=parse_house_number(self.house_number))


def _plain(value):
    """A parameter as JSON has it: tuples become lists, pairs of a mapping become a dict."""
    if isinstance(value, Params):
        return {name: _plain(item) for name, item in value.pairs}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


@dataclass(frozen=True)
class Params:
    """A small immutable mapping (name, value) in the order given, so reasons stay hashable."""

    pairs: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, **values) -> "Params":
        return cls(tuple(values.items()))

    def __getitem__(self, name: str):
        for key, value in self.pairs:
            if key == name:
                return value
        raise KeyError(name)

    def as_json(self) -> dict:
        return _plain(self)


@dataclass(frozen=True)
class Reason:
    """One reason: a stable code and its parameters (ints, strings, tuples, Params)."""

    code: str
    params: Params = Params()

    @classmethod
    def of(cls, code: str, **params) -> "Reason":
        """Reason.of("doors_along", doors=3)."""
        return cls(code, Params.of(**params))

    def __getitem__(self, name: str):
        return self.params[name]

    def as_json(self) -> dict:
        """{"code": "doors_along", "doors": 3}: what the database stores."""
        return {"code": self.code, **self.params.as_json()}


@dataclass(frozen=True)
class Proposal:
    """One suggested pairing: higher scores are better matches; reasons are reasons.Reason
    values (a code and its parameters) that the site renders in the reader's language."""

    request_id: int
    offer_id: int
    helper_id: int
    score: float
    reasons: tuple[Reason, ...]
