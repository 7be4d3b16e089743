"""Occasions and gifts were stored in Dutch ("ziek", "bloemen"); they are now English."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from pot.choices import Gift, Occasion
from pot.models import AuditEntry, Expense, Reminder, Tip
from pot.services import record_expense, submit_tip
from tests.migrations import migrated_back_to
from tests.pot.factories import funded_pot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def stored(world):
    tip_log = AuditEntry.objects.get(action="tip_received")
    return {
        "expense": Expense.objects.values_list("occasion", "gift").get(),
        "tip": Tip.objects.values_list("occasion", flat=True).get(),
        "reminder": Reminder.objects.values_list("occasion", flat=True).get(),
        "log": tip_log.details["occasion"],
    }


def test_occasions_and_gifts_go_back_to_dutch_and_forward_to_english(world):
    pot = funded_pot(world.street_a)
    record_expense(
        pot,
        world.gangmaker_a,
        spent_on=timezone.localdate(),
        occasion=Occasion.HUWELIJKSJUBILEUM,
        gift=Gift.FRUITMAND,
        amount=Decimal("12.50"),
        for_whom="nr. 40",
        remind_on=timezone.localdate() + datetime.timedelta(days=7),
    )
    submit_tip(world.street_a, world.bewoner_a, Occasion.NIEUWE_BEWONER, about="nr. 23")

    with migrated_back_to("pot", "0002_schedules"):
        assert stored(world) == {
            "expense": ("huwelijksjubileum", "fruitmand"),
            "tip": "nieuwe_bewoner",
            "reminder": "huwelijksjubileum",
            "log": "nieuwe_bewoner",
        }

    assert stored(world) == {
        "expense": ("wedding_anniversary", "fruit_basket"),
        "tip": "new_resident",
        "reminder": "wedding_anniversary",
        "log": "new_resident",
    }
    assert Expense.objects.get().get_occasion_display() == "huwelijksjubileum"
