"""The stored form of weekday × dagdeel slots and the pairs the matching engine reads."""

import pytest

from matching.slots import slot_string, slots_from_strings, slots_to_strings


def test_stored_strings_become_weekday_and_dagdeel_pairs():
    assert slots_from_strings(["1:ochtend", "3:middag"]) == {(1, "ochtend"), (3, "middag")}


@pytest.mark.parametrize("bad", ["7:ochtend", "1:nacht", "1", "", "maandag:ochtend", 3, None])
def test_anything_that_is_not_a_real_slot_is_refused(bad):
    with pytest.raises(ValueError):
        slots_from_strings([bad])


def test_pairs_are_stored_monday_morning_first():
    assert slots_to_strings({(3, "avond"), (0, "middag"), (0, "ochtend")}) == [
        "0:ochtend",
        "0:middag",
        "3:avond",
    ]
    with pytest.raises(ValueError):
        slot_string(9, "ochtend")
