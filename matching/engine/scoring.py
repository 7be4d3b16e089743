"""How well one request and one offer fit, for many pairs at once (numpy).

A pair that may not be made (another street, a category that does not fit, no common moment,
the helper is the requester, the offer is full or expired) scores exactly 0. Every other pair
scores above 0:

    score = category fit × availability × distance × request weight × helper load

- category fit: 1.0; 0.8 for "anders", which a person must read before it means anything.
- availability: with moments on both sides, 0.5 + 0.5 × the share of the requester's moments
  the helper can do (no common moment: no pair). A requester who can do any moment: 1.0; a
  helper who is flexible: 0.7; both flexible: 0.6 (nothing is known yet).
- distance: 0.5 + 0.5 × exp(-metres / 200), so the same building is 1.0, 6 doors on (~36 m)
  about 0.92 and the far end of a long street (600 m) about 0.52; unknown: 0.75. Distance
  adjusts, it never rules a neighbour out.
- request weight: urgency (1.0, 1.25, 1.6) × waiting (up to 1.5 after four weeks) ÷
  (1 + helpers the request already has), so more neighbours get one helper before anyone
  gets two.
- helper load: 1 − 0.5 × load ÷ capacity, where load counts what the helper does now plus
  what this run already gave them; nobody is ever given more than their capacity.

Every factor is at most 1 except the request weight, so no pair ever scores above
MAX_PAIR_SCORE = 1.6 × 1.5 = 2.4 (an urgent request that waited four weeks and has no helper
yet, in the same building, at a moment both named); assignment.py relies on that bound.

A pair's distance depends on the two homes only, never on which other homes are scored in
the same call, so a street gets the same proposals alone or in a batch of 200 streets.
"""

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from .data import Offer, Request
from .encoding import CATEGORY_BITS
from .vocabulary import ANDERS, NORMAL, SOON, URGENT

ANDERS_FIT = 0.8
FLEXIBLE_REQUEST = 1.0
FLEXIBLE_HELPER = 0.7
BOTH_FLEXIBLE = 0.6
DISTANCE_SCALE_METRES = 200.0
UNKNOWN_DISTANCE = 0.75
URGENCY_WEIGHT = {NORMAL: 1.0, SOON: 1.25, URGENT: 1.6}
WAITING_DAYS_CAP = 28
WAITING_BONUS = 0.5
LOAD_PENALTY = 0.5
# The largest request weight (urgent, waited WAITING_DAYS_CAP days, no helper yet); every other
# factor of a score is at most 1.
MAX_PAIR_SCORE = max(URGENCY_WEIGHT.values()) * (1 + WAITING_BONUS)

# House-number fallback: a Dutch terraced house is about 6 m wide; odd numbers face even ones.
DOOR_WIDTH_METRES = 6.0
ACROSS_THE_STREET_METRES = 20.0
# Two coordinates this close with the same house number are one building with several homes.
SAME_BUILDING_METRES = 30.0


# The WGS84 ellipsoid, the one geocoders answer in and geopy's geodesic measures on.
WGS84_A = 6_378_137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)


def metres_per_degree(latitude: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Metres per degree of latitude and of longitude on WGS84 around `latitude` (degrees).

    These are the ellipsoid's two radii of curvature, i.e. the WGS84 geodesic linearised at
    that latitude. Measured around the midpoint of two homes a few kilometres apart at most,
    this is within a metre of geopy's full geodesic (tests/matching/test_engine.py checks
    it), and numpy measures a thousand pairs at once.
    """
    sine = np.sin(np.radians(latitude))
    bend = 1.0 - WGS84_E2 * sine**2
    radian = math.pi / 180
    north = radian * WGS84_A * (1.0 - WGS84_E2) / bend**1.5
    east = radian * WGS84_A * np.cos(np.radians(latitude)) / np.sqrt(bend)
    return north, east


@dataclass(frozen=True)
class PairTable:
    """Scores of every request (rows) against every offer (columns), before helper load.

    `base` is 0 where a pair may not be made. `metres` is the distance between the homes
    (NaN when unknown). The offer columns let callers weigh helper load with `load_factors`
    as they hand out capacity.
    """

    base: np.ndarray
    metres: np.ndarray
    offer_load: np.ndarray
    offer_capacity: np.ndarray
    offer_free: np.ndarray


def load_factors(load: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """1 for an idle helper, falling to 0.5 for a helper whose capacity is all in use."""
    used = np.minimum(load, capacity) / np.maximum(capacity, 1)
    return np.where(capacity > 0, 1.0 - LOAD_PENALTY * used, 0.0)


def request_weight(request: Request, today: date) -> float:
    """Urgency × waiting time ÷ (1 + helpers already): who should be helped first."""
    waited = min(max((today - request.created_on).days, 0), WAITING_DAYS_CAP)
    waiting = 1.0 + WAITING_BONUS * waited / WAITING_DAYS_CAP
    return URGENCY_WEIGHT[request.urgency] * waiting / (1 + request.helpers_already)


def _coordinates(items) -> tuple[np.ndarray, np.ndarray]:
    latitudes = np.array(
        [item.location.latitude if item.location else np.nan for item in items], dtype=float
    )
    longitudes = np.array(
        [item.location.longitude if item.location else np.nan for item in items], dtype=float
    )
    return latitudes, longitudes


def _house_numbers(items) -> np.ndarray:
    numbers = (-1 if item.number is None else item.number for item in items)
    return np.fromiter(numbers, dtype=np.int64, count=len(items))


def distance_metres(requests, offers) -> np.ndarray:
    """Metres between every requester's and every helper's home; NaN when unknown.

    Coordinates win when both homes have them; otherwise the house numbers on the one street
    give an estimate: same side (same parity) 6 m a door, the other side 20 m more. Any item
    with `location` and `number` will do (a Request, an Offer, a Rota). Each pair is measured
    around its own midpoint, so no other home in the call changes its distance.
    """
    request_lat, request_lon = _coordinates(requests)
    offer_lat, offer_lon = _coordinates(offers)
    request_number = _house_numbers(requests)
    offer_number = _house_numbers(offers)

    metres = np.full((len(requests), len(offers)), np.nan)
    known = ~np.isnan(request_lat)[:, None] & ~np.isnan(offer_lat)[None, :]
    if known.any():
        north, east = metres_per_degree((request_lat[:, None] + offer_lat[None, :]) / 2)
        dy = (request_lat[:, None] - offer_lat[None, :]) * north
        dx = (request_lon[:, None] - offer_lon[None, :]) * east
        metres = np.where(known, np.hypot(dx, dy), metres)

    numbered = (request_number >= 0)[:, None] & (offer_number >= 0)[None, :]
    difference = np.abs(request_number[:, None] - offer_number[None, :])
    by_doors = np.where(
        difference % 2 == 0,
        difference / 2 * DOOR_WIDTH_METRES,
        ACROSS_THE_STREET_METRES + difference // 2 * DOOR_WIDTH_METRES,
    )
    metres = np.where(~known & numbered, by_doors, metres)
    # One number, several homes (12a, 12b; a flat's 40-1 .. 40-90): the same building, unless
    # the coordinates say these are two streets' numbers that happen to be equal.
    same_building = numbered & (difference == 0) & (~known | (metres < SAME_BUILDING_METRES))
    return np.where(same_building, 0.0, metres)


def distance_factor(metres: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        factor = 0.5 + 0.5 * np.exp(-metres / DISTANCE_SCALE_METRES)
    return np.where(np.isnan(metres), UNKNOWN_DISTANCE, factor)


def pair_table(
    requests: list[Request],
    offers: list[Offer],
    *,
    today: date,
    excluded_helpers: frozenset[tuple[int, int]] = frozenset(),
) -> PairTable:
    """Score every request against every offer (see the module docstring for the formula).

    `excluded_helpers` holds (request_id, helper_id) pairs: such a helper is never paired with
    that request, through any of their offers.
    """
    n, m = len(requests), len(offers)
    offer_load = np.array([offer.active_load for offer in offers], dtype=np.int64)
    offer_capacity = np.array([offer.capacity for offer in offers], dtype=np.int64)
    offer_free = np.array([offer.free_capacity for offer in offers], dtype=np.int64)
    if n == 0 or m == 0:
        empty = np.zeros((n, m))
        return PairTable(empty, empty.copy(), offer_load, offer_capacity, offer_free)

    # Hard rules first: a pair that breaks one is never scored above 0.
    request_street = np.array([request.street_id for request in requests])
    offer_street = np.array([offer.street_id for offer in offers])
    allowed = request_street[:, None] == offer_street[None, :]

    request_category = np.array([CATEGORY_BITS[r.category] for r in requests], dtype=np.int64)
    offer_categories = np.fromiter((o.category_bits for o in offers), dtype=np.int64, count=m)
    allowed &= (request_category[:, None] & offer_categories[None, :]) != 0

    requester = np.array([request.requester_id for request in requests])
    helper = np.array([offer.helper_id for offer in offers])
    allowed &= requester[:, None] != helper[None, :]
    allowed &= (offer_free > 0)[None, :]

    # Dates as day numbers: an offer must still hold on the day the help is needed.
    today_number = today.toordinal()
    needed = np.array(
        [
            max(r.needed_on.toordinal() if r.needed_on else today_number, today_number)
            for r in requests
        ]
    )
    past = np.array([r.needed_on is not None and r.needed_on < today for r in requests])
    forever = np.iinfo(np.int64).max
    valid_until = np.array(
        [o.valid_until.toordinal() if o.valid_until else forever for o in offers], dtype=np.int64
    )
    allowed &= valid_until[None, :] >= needed[:, None]
    allowed &= ~past[:, None]

    request_slots = np.fromiter((r.wanted_bits for r in requests), dtype=np.int64, count=n)
    offer_slots = np.fromiter((o.slot_bits for o in offers), dtype=np.int64, count=m)
    common = np.bitwise_count(request_slots[:, None] & offer_slots[None, :])
    request_flexible = (request_slots == 0)[:, None]
    helper_flexible = (offer_slots == 0)[None, :]
    allowed &= request_flexible | helper_flexible | (common > 0)

    if excluded_helpers:
        row = {request.id: index for index, request in enumerate(requests)}
        columns: dict[int, list[int]] = {}
        for index, offer in enumerate(offers):
            columns.setdefault(offer.helper_id, []).append(index)
        for request_id, helper_id in excluded_helpers:
            if request_id in row and helper_id in columns:
                allowed[row[request_id], columns[helper_id]] = False

    wanted = np.maximum(np.bitwise_count(request_slots), 1)[:, None]
    availability = np.select(
        [request_flexible & helper_flexible, request_flexible, helper_flexible],
        [BOTH_FLEXIBLE, FLEXIBLE_REQUEST, FLEXIBLE_HELPER],
        default=0.5 + 0.5 * common / wanted,
    )
    category_fit = np.array([ANDERS_FIT if r.category == ANDERS else 1.0 for r in requests])
    weight = np.array([request_weight(request, today) for request in requests])
    metres = distance_metres(requests, offers)

    score = availability * distance_factor(metres) * (category_fit * weight)[:, None]
    base = np.where(allowed, score, 0.0)
    return PairTable(base, metres, offer_load, offer_capacity, offer_free)
