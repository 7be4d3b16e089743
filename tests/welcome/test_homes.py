"""House numbers from the ranges gangmakers type."""

import pytest

from welcome.homes import MAX_HOMES, RangeError, parse_ranges


def test_odd_and_even_ranges_and_single_homes_come_out_in_walking_order():
    assert parse_ranges("1-7 oneven, 2-6 even, 4a") == ["1", "2", "3", "4", "4a", "5", "6", "7"]


def test_a_plain_range_has_every_number_once_even_when_written_twice():
    assert parse_ranges("1-3; 2-4\n3") == ["1", "2", "3", "4"]


def test_a_number_with_an_addition_is_one_home_however_it_is_written():
    assert parse_ranges("14 A, 14a, 40-2") == ["14a", "40-2"]


@pytest.mark.parametrize("text", ["Dorpsstraat", "1-10 soms", "7-3 even", "-5"])
def test_what_is_not_a_house_number_or_range_is_named_in_the_error(text):
    with pytest.raises(RangeError) as error:
        parse_ranges(text)
    assert error.value.part == text


def test_a_street_of_absurd_length_is_refused():
    with pytest.raises(RangeError):
        parse_ranges(f"1-{MAX_HOMES + 5}")
