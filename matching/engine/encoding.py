"""Inputs as bits and numbers, worked out once when an Offer or Request is built.

Scoring a request against a thousand offers then reads a few integers per offer instead of
walking sets and parsing strings, which is what keeps ranking in the milliseconds.
"""

import re
from datetime import date
from functools import lru_cache

from .vocabulary import CATEGORIES, DAGDELEN

Slot = tuple[int, str]
"""(weekday, dagdeel): weekday 0 is maandag, dagdeel "ochtend", "middag" or "avond"."""

CATEGORY_BITS = {category: 1 << index for index, category in enumerate(CATEGORIES)}
SLOT_BITS = {
    (weekday, dagdeel): 1 << (weekday * len(DAGDELEN) + index)
    for weekday in range(7)
    for index, dagdeel in enumerate(DAGDELEN)
}
_HOUSE_NUMBER = re.compile(r"\s*(\d{1,6})")


def slot_mask(slots) -> int:
    return sum(SLOT_BITS[slot] for slot in slots)


def wanted_slots(slots: frozenset[Slot], needed_on: date | None) -> frozenset[Slot]:
    """The moments that suit a requester; a date narrows them to its weekday.

    A one-off request whose moments do not include the date's weekday asks for that day at
    any dagdeel: the date is what the requester filled in last and most precisely.
    """
    if needed_on is None:
        return slots
    weekday = needed_on.weekday()
    same_day = frozenset(slot for slot in slots if slot[0] == weekday)
    return same_day or frozenset((weekday, dagdeel) for dagdeel in DAGDELEN)


@lru_cache(maxsize=8192)
def parse_house_number(value: str) -> int | None:
    """The number part of "12", "12a", "40-2" or "12 bis"; None when there is none."""
    found = _HOUSE_NUMBER.match(value or "")
    return int(found.group(1)) if found else None
