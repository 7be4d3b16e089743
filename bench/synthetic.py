"""Synthetic streets for the matching benchmark: households, offers and requests, seeded.

Numbers are Dutch-style: odd on one side, even on the other, 6 m a house; a flat has a few
entrances whose homes share a number with an addition (40-1, 40-2, ...). Most homes have
coordinates; the rest exercise the engine's house-number fallback.
"""

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from matching.engine import (
    DAGDELEN,
    NORMAL,
    SOON,
    URGENT,
    Location,
    Offer,
    Request,
    Rota,
    daily_moments,
)

ORIGIN = (51.9300, 4.4700)  # somewhere in Rotterdam-Noord
METRES_PER_DEGREE_LAT = 111_250.0
METRES_PER_DEGREE_LON = 111_320.0 * math.cos(math.radians(ORIGIN[0]))

# How often neighbours ask for, and offer, each kind of help (rough, from the field).
CATEGORY_WEIGHTS = {
    "boodschappen": 20,
    "gezelschap": 16,
    "klusje": 14,
    "vervoer": 10,
    "hondje_uitlaten": 8,
    "computer": 8,
    "tuin": 7,
    "maaltijd": 6,
    "sleutel": 5,
    "administratie": 4,
    "anders": 2,
}
STORM_CATEGORIES = {"klusje": 50, "boodschappen": 20, "sleutel": 10, "gezelschap": 10, "tuin": 10}


@dataclass(frozen=True)
class Household:
    person_id: int
    house_number: str
    location: Location | None


@dataclass(frozen=True)
class Street:
    name: str
    requests: list[Request]
    offers: list[Offer]


def _location(x_metres: float, y_metres: float) -> Location:
    return Location(
        ORIGIN[0] + y_metres / METRES_PER_DEGREE_LAT,
        ORIGIN[1] + x_metres / METRES_PER_DEGREE_LON,
    )


def terraced_street(rng: random.Random, homes: int, located_share: float) -> list[Household]:
    """Numbers 1..homes; odd numbers on one side, even across (15 m), 6 m a house."""
    households = []
    for number in range(1, homes + 1):
        location = None
        if rng.random() < located_share:
            location = _location((number - 1) // 2 * 6.0, 15.0 * (number % 2 == 0))
        households.append(Household(number, str(number), location))
    return households


def flat(rng: random.Random, homes: int, entrances: int, located_share: float):
    """A flat: each entrance one house number, the homes behind it numbered with additions."""
    households = []
    for index in range(homes):
        entrance = index % entrances
        number = 10 + 2 * entrance
        location = _location(entrance * 20.0, 0.0) if rng.random() < located_share else None
        households.append(Household(index + 1, f"{number}-{index // entrances + 1}", location))
    return households


def _slots(rng: random.Random, flexible_share: float, low: int, high: int) -> frozenset:
    if rng.random() < flexible_share:
        return frozenset()
    every = [(day, dagdeel) for day in range(7) for dagdeel in DAGDELEN]
    return frozenset(rng.sample(every, rng.randint(low, high)))


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def make_offers(
    rng, households, count, *, street_id=1, first_id=1, category: str | None = None
) -> list[Offer]:
    """`count` offers from different households; with `category`, every offer includes it."""
    offers = []
    for index, home in enumerate(rng.sample(households, count)):
        categories = {_weighted(rng, CATEGORY_WEIGHTS) for _ in range(rng.randint(1, 4))}
        if category is not None:
            categories.add(category)
        capacity = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
        offers.append(
            Offer(
                id=first_id + index,
                street_id=street_id,
                helper_id=home.person_id,
                categories=categories,
                slots=_slots(rng, 0.15, 2, 8),
                capacity=capacity,
                active_load=rng.randint(0, capacity - 1) if rng.random() < 0.3 else 0,
                location=home.location,
                house_number=home.house_number,
            )
        )
    return offers


def make_requests(
    rng, households, count, *, today: date, storm=False, street_id=1, first_id=1
) -> list[Request]:
    """Ordinary requests trickle in over a month; after a storm they all come today."""
    requests = []
    for index in range(count):
        home = rng.choice(households)
        one_off = storm or rng.random() < 0.3
        needed_on = today + timedelta(days=rng.randint(0, 2 if storm else 14)) if one_off else None
        if storm:
            urgency = rng.choices([URGENT, SOON, NORMAL], weights=[7, 2, 1])[0]
        else:
            urgency = rng.choices([NORMAL, SOON, URGENT], weights=[7, 2, 1])[0]
        requests.append(
            Request(
                id=first_id + index,
                street_id=street_id,
                requester_id=home.person_id,
                category=_weighted(rng, STORM_CATEGORIES if storm else CATEGORY_WEIGHTS),
                created_on=today if storm else today - timedelta(days=rng.randint(0, 30)),
                slots=frozenset() if one_off else _slots(rng, 0.2, 1, 4),
                needed_on=needed_on,
                urgency=urgency,
                helpers_already=1 if rng.random() < 0.1 else 0,
                location=home.location,
                house_number=home.house_number,
            )
        )
    return requests


def make_rota(
    rng, households, *, start: date, days: int, dagdelen, category: str, per_week: int = 2
) -> Rota:
    """A neighbour's rota: every day from `start` for `days` days at each of `dagdelen`."""
    home = rng.choice(households)
    return Rota(
        id=1,
        street_id=1,
        requester_id=home.person_id,
        category=category,
        moments=daily_moments(start, days, dagdelen),
        per_week=per_week,
        location=home.location,
        house_number=home.house_number,
    )
