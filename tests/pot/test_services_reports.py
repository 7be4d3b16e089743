from decimal import Decimal

from django.utils import timezone

from pot.choices import Gift, Occasion
from pot.services import municipality_overview, pot_summary, record_expense, reverse_expense


def spend(pot, by, amount, occasion=Occasion.ZIEK):
    return record_expense(
        pot,
        by,
        spent_on=timezone.localdate(),
        occasion=occasion,
        gift=Gift.BLOEMEN,
        amount=Decimal(amount),
        for_whom="nr. 3",
    )


def test_a_reversed_expense_leaves_the_counts_and_the_spending(world, pot_a):
    spend(pot_a, world.gangmaker_a, "10.00")
    wrong = spend(pot_a, world.gangmaker_a, "99.00", Occasion.ROUW)
    reverse_expense(wrong, world.gangmaker_a, "verkeerd")

    summary = pot_summary(pot_a)

    assert (summary.funded, summary.spent, summary.balance) == (
        Decimal("150.00"),
        Decimal("10.00"),
        Decimal("140.00"),
    )
    assert [(line.occasion, line.count) for line in summary.by_occasion] == [(Occasion.ZIEK, 1)]
    assert summary.attentions == 1


def test_the_overview_adds_up_to_the_same_figures_as_each_pot(world, pot_a, pot_b):
    spend(pot_a, world.gangmaker_a, "12.50")
    spend(pot_b, world.gangmaker_b, "7.25", Occasion.GEBOORTE)

    rows = municipality_overview(world.home, pot_a.year)

    for row in rows:
        if row.summary:
            assert row.summary.balance == row.summary.pot.balance()
            assert row.summary.spent == pot_summary(row.summary.pot).spent
    assert [row.street.title for row in rows] == ["Bergweg", "Zwaanshals", "Putselaan"]
