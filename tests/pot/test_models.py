"""The database refuses what the rules forbid, even if a service had a bug."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from pot.choices import EntryKind, Gift, Occasion
from pot.models import Expense, LedgerEntry, Pot
from tests.pot.factories import TipFactory


def test_a_street_has_one_pot_per_year(world, pot_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pot.objects.create(street=world.street_a, year=pot_a.year)


def test_an_entry_must_carry_the_sign_of_its_kind(world, pot_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(pot=pot_a, kind=EntryKind.FUNDING, amount=Decimal("-10"))


def test_an_expense_is_booked_only_once(world, pot_a):
    expense = Expense.objects.create(
        pot=pot_a,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.KAART,
        amount=Decimal("3.00"),
        for_whom="nr. 1",
        recorded_by=world.gangmaker_a,
    )
    LedgerEntry.objects.create(
        pot=pot_a, kind=EntryKind.EXPENSE, amount=Decimal("-3.00"), expense=expense
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        LedgerEntry.objects.create(
            pot=pot_a, kind=EntryKind.EXPENSE, amount=Decimal("-3.00"), expense=expense
        )


def test_the_recorder_cannot_be_the_approver(world, pot_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        Expense.objects.create(
            pot=pot_a,
            spent_on=timezone.localdate(),
            occasion=Occasion.ZIEK,
            gift=Gift.KAART,
            amount=Decimal("3.00"),
            for_whom="nr. 1",
            recorded_by=world.gangmaker_a,
            approved_by=world.gangmaker_a,
        )


def test_only_a_handled_tip_can_point_to_an_expense(world, pot_a):
    tip = TipFactory(street=world.street_a)
    expense = Expense.objects.create(
        pot=pot_a,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.KAART,
        amount=Decimal("3.00"),
        for_whom="nr. 1",
    )
    tip.expense = expense
    with pytest.raises(IntegrityError), transaction.atomic():
        tip.save()
