from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language_bidi

register = template.Library()


@register.filter
def euro(value) -> str:
    """€ 12,50 in Dutch (€ 12.50 in English); a minus sign before the euro for money out."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    text = formats.number_format(abs(amount), 2, use_l10n=True, force_grouping=True)
    # A word joiner (U+2060) and a no-break space keep "−€ 12,50" on one line on a phone;
    # a wrapped minus sign at the end of the line above reads as a positive amount.
    shown = f"−\u2060€\u00a0{text}" if amount < 0 else f"€\u00a0{text}"
    # In right-to-left text (Arabic) the amount is isolated left to right (LRI … PDI), so the
    # minus sign and the euro stay in front of the digits.
    return f"\u2066{shown}\u2069" if get_language_bidi() else shown
