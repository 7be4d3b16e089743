"""House numbers in the order a person reads them: number first, then the addition.

    >>> sorted(["10", "8-2", "8a", "8"], key=house_number_key)
    ['8', '8a', '8-2', '10']

Stored house numbers are text ("12", "12a", "40-2", "40 bis"), so the database sorts them as
text (1, 11, 12, 3, ...). Lists a person reads (the members' table, the pickers of the survey
and the care signal) sort in Python with this key instead: one street has a few hundred
members at most. Letter additions come before numbered ones (8a, 8b, 8-1, 8-2), as on the
doorbells of a Dutch house with upstairs flats.
"""

import re
from collections.abc import Callable, Iterable

__all__ = ["house_number_key", "sorted_by_house_number"]

_PARTS = re.compile(r"(\d+)|([A-Za-z]+)")


def house_number_key(value: str) -> tuple:
    """A sort key for one house number; text that is not a number sorts after all numbers."""
    value = (value or "").strip()
    match = re.match(r"\d+", value)
    if not match:
        return (1, 0, (), value.casefold())
    number = int(match.group())
    addition = []
    for digits, letters in _PARTS.findall(value[match.end() :]):
        # A letter addition (8a) reads before a numbered one (8-2).
        addition.append((0, 0, letters.casefold()) if letters else (1, int(digits), ""))
    return (0, number, tuple(addition), value.casefold())


def sorted_by_house_number[T](
    items: Iterable[T], number: Callable[[T], str] | None = None
) -> list[T]:
    """`items` in house-number order; `number` reads the house number of an item (default:
    its `house_number` attribute). The sort is stable, so ties keep the order they came in."""
    read = number or (lambda item: item.house_number)
    return sorted(items, key=lambda item: house_number_key(read(item)))
