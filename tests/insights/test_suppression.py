from decimal import Decimal

from insights.suppression import SUPPRESSED, suppress


def test_a_figure_from_fewer_than_five_people_is_shown_as_less_than_five():
    assert [suppress(n, n) for n in range(7)] == [SUPPRESSED] * 5 + [5, 6]
    assert SUPPRESSED == "< 5"


def test_a_sum_or_median_is_suppressed_by_the_number_of_people_behind_it():
    assert suppress(Decimal("312.50"), 4) == SUPPRESSED
    assert suppress(Decimal("312.50"), 5) == Decimal("312.50")
    assert suppress(40, 2) == SUPPRESSED
