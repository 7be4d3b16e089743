import io

from django.utils import timezone

from pot import demo
from pot.choices import TipStatus
from pot.models import Expense, Pot, Reminder, Tip
from streets import demo as streets_demo


def test_the_demo_builds_pots_tips_expenses_and_a_reminder_and_can_run_twice(home):
    streets_demo.build(home, io.StringIO())

    demo.build(home, io.StringIO())
    demo.build(home, io.StringIO())

    year = timezone.localdate().year
    assert Pot.objects.filter(year=year).count() == 12
    zwaanshals = Pot.objects.get(year=year, street__slug="zwaanshals")
    assert Expense.objects.filter(pot=zwaanshals).count() == 3
    assert Tip.objects.filter(street=zwaanshals.street, status=TipStatus.OPEN).count() == 2
    assert Reminder.objects.filter(pot=zwaanshals).count() == 1
    assert zwaanshals.balance() < 150
