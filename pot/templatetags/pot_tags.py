from decimal import Decimal

from django import template
from django.utils import formats

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
    return f"−\u2060€\u00a0{text}" if amount < 0 else f"€\u00a0{text}"
