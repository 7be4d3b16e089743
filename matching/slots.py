"""Weekday × dagdeel slots: how availability and "when needed" are stored and read.

The database keeps a JSON list of "weekday:dagdeel" strings (weekday 0 is maandag), for
example ["1:ochtend", "3:middag"]. The matching engine works on sets of (int, str) pairs;
`slots_from_strings` is the one conversion between the two. Pure Python, no Django.
"""

WEEKDAYS = range(7)
DAGDELEN = ("ochtend", "middag", "avond")
ALL_SLOT_STRINGS = tuple(f"{day}:{dagdeel}" for day in WEEKDAYS for dagdeel in DAGDELEN)

Slot = tuple[int, str]


def slot_string(weekday: int, dagdeel: str) -> str:
    """("1", "ochtend") -> "1:ochtend", refusing what is not a real slot."""
    value = f"{weekday}:{dagdeel}"
    if value not in ALL_SLOT_STRINGS:
        raise ValueError(value)
    return value


def slots_from_strings(values) -> set[Slot]:
    """["1:ochtend", "3:middag"] -> {(1, "ochtend"), (3, "middag")}; ValueError on anything else."""
    slots = set()
    for value in values:
        if not isinstance(value, str) or value not in ALL_SLOT_STRINGS:
            raise ValueError(value)
        day, dagdeel = value.split(":")
        slots.add((int(day), dagdeel))
    return slots


def slots_to_strings(slots) -> list[str]:
    """The stored form of a set of slots: sorted by weekday, then by the order of the day."""
    return [
        slot_string(day, dagdeel)
        for day, dagdeel in sorted(slots, key=lambda s: (s[0], DAGDELEN.index(s[1])))
    ]
