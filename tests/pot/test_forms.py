from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pot.forms import AmountField


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12,50", Decimal("12.50")),
        ("12.50", Decimal("12.50")),
        ("€ 7", Decimal("7")),
        ("1.250,00", Decimal("1250.00")),
        (" 3,5 ", Decimal("3.5")),
    ],
)
def test_amounts_are_read_as_the_dutch_write_them(typed, amount):
    assert AmountField().clean(typed) == amount


@pytest.mark.parametrize(
    "typed", ["-1", "0", "1,234", "1.250", "12,5,0", "Infinity", "1e400", "\x00", "12 euro"]
)
def test_odd_amounts_are_refused_with_a_message_not_an_exception(typed):
    with pytest.raises(ValidationError):
        AmountField().clean(typed)


def test_an_amount_is_shown_back_with_a_decimal_comma():
    assert AmountField().prepare_value(Decimal("12.50")) == "12,50"
