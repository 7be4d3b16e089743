"""Small-count suppression: the one rule every figure passes before anyone sees it.

A figure computed from fewer than MIN_PEOPLE people is shown as "< 5", never exactly: in the
dashboard, the charts, CSV and JSON exports and the API alike, because all of them render
values that went through `suppress()` and nothing else.
"""

from decimal import Decimal

MIN_PEOPLE = 5
SUPPRESSED = "< 5"

type Shown = int | float | Decimal | str | None


def suppress(value: int | float | Decimal | None, people: int) -> Shown:
    """`value` if it was computed from at least MIN_PEOPLE people, else "< 5".

    For a count of people, `people` is the count itself; for a sum, median or share it is the
    number of distinct people behind it. Zero counts too: "nobody in this street asked for
    help" is as telling about a small street as "one neighbour did".
    """
    if people < MIN_PEOPLE:
        return SUPPRESSED
    return value


def is_suppressed(value: Shown) -> bool:
    return value == SUPPRESSED
