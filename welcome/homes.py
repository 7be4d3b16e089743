"""House numbers from ranges as gangmakers write them. Pure: no Django, no database.

"1-39 oneven, 2-40 even, 14a" gives 1, 3, ..., 39, 2, 4, ..., 40 and 14a, sorted as a
postman walks them: by number, then by addition ("14", "14a", "14b").
"""

import re

MAX_HOMES = 2000

_RANGE = re.compile(r"^(\d{1,5})\s*-\s*(\d{1,5})(?:\s+(even|oneven))?$", re.IGNORECASE)
_SINGLE = re.compile(r"^(\d{1,5})\s*-?\s*([a-zA-Z]{1,3}|\d{1,3})?$")


class RangeError(ValueError):
    """A part that is not a house number or range; `part` is what was typed."""

    def __init__(self, part: str, reason: str = "") -> None:
        super().__init__(part)
        self.part = part
        self.reason = reason


def normalise(number: str) -> str:
    """ "14 A" and "14a" are the same home."""
    return "".join((number or "").split()).lower()


def home_key(number: str) -> tuple[int, str]:
    match = re.match(r"^(\d+)(.*)$", number)
    if not match:
        return (10**9, number)
    return (int(match.group(1)), match.group(2).lower())


def parse_ranges(text: str) -> list[str]:
    """Every house number in `text`, once each, in walking order; RangeError on a bad part."""
    homes: set[str] = set()
    for raw in re.split(r"[,;\n]+", text or ""):
        part = " ".join(raw.split())
        if not part:
            continue
        found = _RANGE.match(part)
        if found:
            first, last, parity = int(found.group(1)), int(found.group(2)), found.group(3)
            if first > last and not parity:
                # "40-2" is a home (number 40, addition 2), as on the membership form.
                homes.add(normalise(part))
                continue
            if first > last:
                raise RangeError(part, "order")
            numbers = range(first, last + 1)
            if parity:
                wanted = 0 if parity.lower() == "even" else 1
                numbers = [n for n in numbers if n % 2 == wanted]
            homes.update(str(n) for n in numbers)
        elif _SINGLE.match(part):
            homes.add(normalise(part))
        else:
            raise RangeError(part)
        if len(homes) > MAX_HOMES:
            raise RangeError(part, "too_many")
    return sorted(homes, key=home_key)
