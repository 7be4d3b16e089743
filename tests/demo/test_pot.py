"""The pot's demo: this year's pots everywhere, and tips, expenses and a reminder in Zwaanshals."""

import io

from django.utils import timezone

from demo.builders import pot as pot_demo
from demo.builders import streets as streets_demo
from pot.choices import TipStatus
from pot.models import Expense, Pot, Reminder, Tip


def test_the_demo_builds_pots_tips_expenses_and_a_reminder_and_can_run_twice(home):
    streets_demo.build(home, io.StringIO())

    pot_demo.build(home, io.StringIO())
    pot_demo.build(home, io.StringIO())

    year = timezone.localdate().year
    assert Pot.objects.filter(year=year).count() == 12
    zwaanshals = Pot.objects.get(year=year, street__slug="zwaanshals")
    assert Expense.objects.filter(pot=zwaanshals, amount__gt=0).count() == 4
    assert Expense.objects.filter(pot=zwaanshals, amount=0).count() == 5
    assert Tip.objects.filter(street=zwaanshals.street, status=TipStatus.OPEN).count() == 2
    assert Reminder.objects.filter(pot=zwaanshals).count() == 1
    assert zwaanshals.balance() < 150
