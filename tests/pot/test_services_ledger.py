import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from pot.choices import AuditAction, EntryKind, ExpenseStatus, Gift, Occasion, TipStatus
from pot.models import AuditEntry, Expense, LedgerEntry, Pot, PotSettings
from pot.services import (
    PotError,
    approve_expense,
    decline_expense,
    open_pot,
    open_pots,
    record_expense,
    reverse_expense,
)
from tests.pot.conftest import jpeg
from tests.pot.factories import TipFactory, funded_pot
from tests.streets.factories import GangmakerMembershipFactory


def spend(pot, by, amount, **extra):
    fields = {
        "spent_on": timezone.localdate(),
        "occasion": Occasion.ZIEK,
        "gift": Gift.BLOEMEN,
        "amount": Decimal(amount),
        "for_whom": "nr. 7",
    }
    fields.update(extra)
    return record_expense(pot, by, **fields)


def ledger_state(pot):
    return list(LedgerEntry.objects.filter(pot=pot).values_list("kind", "amount").order_by("pk"))


def test_an_expense_lowers_the_balance_and_is_logged(world, pot_a):
    expense = spend(pot_a, world.gangmaker_a, "12.50")

    assert expense.status == ExpenseStatus.BOOKED
    assert pot_a.balance() == Decimal("137.50")
    assert AuditEntry.objects.filter(
        pot=pot_a, action=AuditAction.EXPENSE_RECORDED, actor=world.gangmaker_a
    ).exists()


def test_the_sum_of_the_spending_entries_is_funded_minus_balance(world, pot_a):
    first = spend(pot_a, world.gangmaker_a, "24.95")
    spend(pot_a, world.gangmaker_a, "4.50")
    reverse_expense(first, world.gangmaker_a, "verkeerd bedrag")
    spend(pot_a, world.gangmaker_a, "19.95")

    entries = LedgerEntry.objects.filter(pot=pot_a)
    funded = entries.filter(kind__in=[EntryKind.FUNDING, EntryKind.CARRY_OVER]).aggregate(
        total=Sum("amount")
    )["total"]
    spending = entries.filter(kind__in=[EntryKind.EXPENSE, EntryKind.REVERSAL]).aggregate(
        total=Sum("amount")
    )["total"]
    assert -spending == funded - pot_a.balance() == Decimal("24.45")
    assert entries.aggregate(total=Sum("amount"))["total"] == pot_a.balance()


def test_an_expense_larger_than_the_balance_is_refused_and_changes_nothing(world, pot_a):
    spend(pot_a, world.gangmaker_a, "140.00")
    before = ledger_state(pot_a)

    with pytest.raises(PotError, match="Er zit nog € 10,00 in het potje"):
        spend(pot_a, world.gangmaker_a, "10.01")

    assert ledger_state(pot_a) == before
    assert Expense.objects.filter(pot=pot_a).count() == 1


@pytest.mark.parametrize("amount", [Decimal("-5.00"), Decimal("1.005"), Decimal("NaN")])
def test_the_service_refuses_amounts_a_form_would_refuse(world, pot_a, amount):
    with pytest.raises(PotError):
        spend(pot_a, world.gangmaker_a, amount)
    assert not Expense.objects.exists()


def test_the_service_refuses_a_future_date_and_a_date_in_another_year(world, pot_a, today):
    with pytest.raises(PotError, match="toekomst"):
        spend(pot_a, world.gangmaker_a, "5.00", spent_on=today + datetime.timedelta(days=1))
    with pytest.raises(PotError, match=str(pot_a.year)):
        spend(pot_a, world.gangmaker_a, "5.00", spent_on=datetime.date(pot_a.year - 1, 6, 1))
    assert not Expense.objects.exists()


def test_above_the_threshold_an_expense_waits_for_a_second_gangmaker(world):
    pot = funded_pot(world.street_a, four_eyes_threshold=Decimal("25.00"))
    second = GangmakerMembershipFactory(street=world.street_a).user

    expense = spend(pot, world.gangmaker_a, "30.00")
    assert expense.status == ExpenseStatus.PENDING_APPROVAL
    assert pot.balance() == Decimal("150.00")

    with pytest.raises(PotError, match="tweede gangmaker"):
        approve_expense(expense, world.gangmaker_a)
    assert pot.balance() == Decimal("150.00")

    approve_expense(expense, second)
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.BOOKED
    assert expense.approved_by == second
    assert pot.balance() == Decimal("120.00")


def test_the_municipality_threshold_applies_when_the_street_sets_none(world, pot_a):
    PotSettings.objects.create(municipality=world.home, four_eyes_threshold=Decimal("20.00"))

    assert spend(pot_a, world.gangmaker_a, "20.00").status == ExpenseStatus.BOOKED
    assert spend(pot_a, world.gangmaker_a, "20.01").status == ExpenseStatus.PENDING_APPROVAL


def test_a_declined_expense_never_counts_and_cannot_be_approved_later(world):
    pot = funded_pot(world.street_a, four_eyes_threshold=Decimal("10.00"))
    second = GangmakerMembershipFactory(street=world.street_a).user
    expense = spend(pot, world.gangmaker_a, "50.00")

    decline_expense(expense, second)
    with pytest.raises(PotError):
        approve_expense(expense, second)
    assert pot.balance() == Decimal("150.00")


def test_a_reversal_returns_the_money_once_and_keeps_the_history(world, pot_a):
    expense = spend(pot_a, world.gangmaker_a, "24.95")

    reverse_expense(expense, world.gangmaker_a, "dubbel ingevoerd")
    with pytest.raises(PotError):
        reverse_expense(expense, world.gangmaker_a, "nog eens")

    assert pot_a.balance() == Decimal("150.00")
    assert [kind for kind, _ in ledger_state(pot_a)] == [
        EntryKind.FUNDING,
        EntryKind.EXPENSE,
        EntryKind.REVERSAL,
    ]
    assert Expense.objects.get().status == ExpenseStatus.REVERSED


def test_an_expense_from_a_tip_marks_the_tip_handled_and_links_it(world, pot_a):
    tip = TipFactory(street=world.street_a)

    expense = spend(pot_a, world.gangmaker_a, "17.50", tip=tip)

    tip.refresh_from_db()
    assert tip.status == TipStatus.HANDLED
    assert tip.expense == expense


def test_a_tip_of_another_street_rolls_the_whole_expense_back(world, pot_a):
    tip = TipFactory(street=world.street_b)

    with pytest.raises(PotError, match="andere straat"):
        spend(pot_a, world.gangmaker_a, "17.50", tip=tip)

    assert not Expense.objects.exists()
    assert pot_a.balance() == Decimal("150.00")
    tip.refresh_from_db()
    assert tip.status == TipStatus.OPEN


def test_a_receipt_is_stored_privately_under_a_random_name(world, pot_a, settings):
    expense = spend(pot_a, world.gangmaker_a, "9.99", receipt=jpeg("mevrouw-jansen-nr7.jpg"))

    receipt = expense.receipt
    assert receipt.content_type == "image/jpeg"
    assert "jansen" not in receipt.file.name
    assert receipt.file.path.startswith(str(settings.POT_RECEIPT_ROOT))
    assert not receipt.file.path.startswith(str(settings.MEDIA_ROOT))


def test_opening_a_pot_funds_it_with_the_municipality_amount(world):
    settings = PotSettings(municipality=world.home, yearly_amount=Decimal("200.00"))

    pot, created = open_pot(world.street_a, 2030, settings)

    assert created
    assert pot.balance() == Decimal("200.00")


def test_open_pots_opens_one_pot_per_live_street_and_nothing_twice(world):
    first = open_pots(2030)
    second = open_pots(2030)

    assert {pot.street for pot in first} == {world.street_a, world.street_b, world.street_c}
    assert second == []
    assert Pot.objects.filter(year=2030).count() == 3
    assert LedgerEntry.objects.filter(pot__year=2030, kind=EntryKind.FUNDING).count() == 3


def test_an_unpublished_street_gets_no_new_pot(world):
    world.street_c.unpublish()

    open_pots(2030)

    assert not Pot.objects.filter(street=world.street_c).exists()
