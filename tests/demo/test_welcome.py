"""The demo of presence: the meal and the flowers for nr. 5, and welcoming in Zwaanshals."""

import io
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from demo.builders import pot as pot_demo
from demo.builders import streets as streets_demo
from demo.builders import welcome as welcome_demo
from insights.choices import ScopeKind
from insights.figures import build_dashboard
from pot.choices import Gift
from pot.models import Pot
from welcome.models import StreetHomes, Welcome


def _build(home):
    streets_demo.build(home, io.StringIO())
    for _ in range(2):
        pot_demo.build(home, io.StringIO())
        welcome_demo.build(home, io.StringIO())


def test_the_free_meal_and_the_flowers_both_count_and_only_the_flowers_cost_money(home, login):
    _build(home)
    pot = Pot.objects.get(year=timezone.localdate().year, street__slug="zwaanshals")
    street = pot.street

    # Funding minus the four money expenses (the meal and the other visits cost nothing).
    assert pot.balance() == Decimal("150.00") - Decimal("24.95") - Decimal("4.50") - Decimal(
        "7.50"
    ) - Decimal("17.50")
    gangmaker = street.gangmaker_memberships().get(user__email="gangmaker@example.org").user
    report = login(gangmaker).get(reverse("pot:year_report", args=[street.pk, pot.year]))
    shown = {(e.gift, e.for_whom, e.amount) for e in report.context["expenses"]}
    assert (Gift.MAALTIJD, "nr. 5", Decimal("0.00")) in shown
    assert (Gift.BLOEMEN, "nr. 5", Decimal("7.50")) in shown

    today = timezone.localdate()
    dashboard = build_dashboard(ScopeKind.STREET, street, today.replace(month=1, day=1), today)
    totals = dict(zip([m.key for m in dashboard.metrics], dashboard.totals, strict=True))
    assert totals["attenties_zonder_geld"] == 6  # five visits and meals, and the welcome card


def test_the_welcome_demo_keeps_the_house_numbers_and_one_open_welcome(home):
    _build(home)

    homes = StreetHomes.objects.get(street__slug="zwaanshals")
    assert len(homes.numbers()) == 46
    assert list(
        Welcome.objects.filter(done_at__isnull=True).values_list("house_number", flat=True)
    ) == ["23"]
    assert Welcome.objects.filter(done_at__isnull=False).count() == 1
