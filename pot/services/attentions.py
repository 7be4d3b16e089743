"""Attentions that cost nothing: a visit, a meal, a phone call, something home-made.

They are recorded as an Expense of € 0 in the pot of their year, so an attention and an
expense are one record where both apply and every report counts them together; only money
ever reaches the ledger (see ledger.record_expense).
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from pot.models import Expense, Pot
from streets.models import StreetPage

from .ledger import PotError, record_expense

NO_MONEY = Decimal("0.00")


def record_attention(
    street: StreetPage,
    by,
    *,
    spent_on: datetime.date,
    occasion: str,
    gift: str,
    for_whom: str,
    house_number: str = "",
) -> Expense:
    """Record an attention without money in `street`'s pot of that date's year."""
    pot = Pot.objects.filter(street=street, year=spent_on.year).first()
    if pot is None:
        raise PotError(
            _(
                "Er is nog geen potje voor %(year)s; daarin worden ook attenties zonder geld "
                "bijgehouden. Vraag de coördinator het potje te openen."
            )
            % {"year": spent_on.year}
        )
    return record_expense(
        pot,
        by,
        spent_on=spent_on,
        occasion=occasion,
        gift=gift,
        amount=NO_MONEY,
        for_whom=for_whom,
        house_number=house_number,
    )
