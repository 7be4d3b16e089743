"""Small-count suppression: the one rule for every figure that welzijn staff, coordinators and
the API see. A figure computed from fewer than MIN_PEOPLE people is shown as "< 5", never
exactly, so no neighbour can be recognised in it.

It lives in accounts, the lowest app and the owner of the other privacy rules (data rights,
retention, masked logs), because both surveys and insights apply it and surveys sits below
insights. Pure Python: no Django, no database.
"""

from decimal import Decimal

MIN_PEOPLE = 5
SUPPRESSED = f"< {MIN_PEOPLE}"

type Shown = int | float | Decimal | str | None


def suppress(value: int | float | Decimal | None, people: int) -> Shown:
    """`value` if it was computed from at least MIN_PEOPLE people, else SUPPRESSED.

    For a count of people, `people` is the count itself; for a sum, median or share it is the
    number of distinct people behind it. Zero counts too: "nobody in this street asked for
    help" is as telling about a small street as "one neighbour did".
    """
    if people < MIN_PEOPLE:
        return SUPPRESSED
    return value


def is_suppressed(value: Shown) -> bool:
    return value == SUPPRESSED
