"""Pot figures on the dashboard: attentions and money by occasion, tips; five or more only."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from insights.choices import ScopeKind
from insights.figures import build_context, build_dashboard, quiet_streets
from insights.suppression import SUPPRESSED
from pot.choices import Gift, Occasion
from pot.services import record_expense
from tests.pot.factories import TipFactory, funded_pot

pytestmark = pytest.mark.django_db


def spend(pot, by, occasion, amount="10.00", days_ago=0):
    today = timezone.localdate()
    return record_expense(
        pot,
        by,
        spent_on=max(today - datetime.timedelta(days=days_ago), today.replace(month=1, day=1)),
        occasion=occasion,
        gift=Gift.BLOEMEN,
        amount=Decimal(amount),
        for_whom="nr. 3",
    )


def this_year():
    today = timezone.localdate()
    return today.replace(month=1, day=1), today


def test_spending_by_occasion_shows_sums_of_five_or_more_attentions_only(world):
    pot = funded_pot(world.street_a)
    for _ in range(5):
        spend(pot, world.gangmaker_a, Occasion.ZIEK, "12.50")
    spend(pot, world.gangmaker_a, Occasion.ROUW, "20.00")

    dashboard = build_dashboard(ScopeKind.STREET, world.street_a, *this_year())

    totals = dict(zip([m.key for m in dashboard.metrics], dashboard.totals, strict=True))
    assert totals["attenties"] == 6
    assert totals["potje_uitgegeven"] == Decimal("82.50")
    by_occasion = dict(
        next(b for b in dashboard.breakdowns if b.metric.key == "potje_per_aanleiding").rows
    )
    assert by_occasion["ziek"] == Decimal("62.50")
    assert by_occasion["rouw"] == SUPPRESSED


def test_tips_count_by_tipper_and_a_few_tips_are_never_exact(world):
    for n in range(3):
        TipFactory(
            street=world.street_a,
            occasion=Occasion.EENZAAM,
            about=f"nr. {n}",
            created_by=world.bewoner_a,
        )

    dashboard = build_dashboard(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())

    data = dashboard.as_dict()
    assert data["totals"]["tips"] == SUPPRESSED
    tips = next(b for b in data["breakdowns"] if b["key"] == "tips_per_aanleiding")
    assert tips["rows"] == [{"label": "eenzaam", "value": SUPPRESSED}]


def test_a_pot_entry_makes_a_street_active_again(world):
    world.street_b.memberships.update(created_at=timezone.now() - datetime.timedelta(days=300))
    context = build_context(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())
    assert "Bergweg" in [q.street.title for q in quiet_streets(context)]

    spend(funded_pot(world.street_b), world.gangmaker_b, Occasion.NIEUWE_BEWONER)

    assert "Bergweg" not in [q.street.title for q in quiet_streets(context)]
