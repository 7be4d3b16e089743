"""Attentions without money: recorded by gangmakers and helpers, counted, never in the ledger."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from insights.choices import ScopeKind
from insights.figures import build_dashboard
from insights.suppression import SUPPRESSED
from pot.choices import ExpenseStatus, Gift, Occasion
from pot.models import Expense, LedgerEntry
from pot.services import (
    PotError,
    pot_summary,
    record_attention,
    record_expense,
    reverse_expense,
)
from tests.pot.factories import funded_pot

pytestmark = pytest.mark.django_db


def meal(street, by, **extra):
    fields = {
        "spent_on": timezone.localdate(),
        "occasion": Occasion.ZIEK,
        "gift": Gift.MAALTIJD,
        "for_whom": "nr. 5",
    }
    fields.update(extra)
    return record_attention(street, by, **fields)


def flowers(pot, by, amount="7.50"):
    return record_expense(
        pot,
        by,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.BLOEMEN,
        amount=Decimal(amount),
        for_whom="nr. 5",
    )


def test_a_free_meal_and_flowers_both_count_but_only_the_flowers_change_the_balance(world, pot_a):
    meal(world.street_a, world.gangmaker_a)
    assert pot_a.balance() == Decimal("150.00")

    flowers(pot_a, world.gangmaker_a)

    assert pot_a.balance() == Decimal("142.50")
    summary = pot_summary(pot_a)
    assert summary.attentions == 2
    assert summary.attentions_without_money == 1
    assert summary.attentions_with_money == 1
    assert summary.spent == Decimal("7.50")
    kinds = {line.label: (line.count, line.without_money) for line in summary.by_kind}
    assert kinds == {"bloemen": (1, 0), "maaltijd": (1, 1)}
    # The meal is one record with the flowers' shape, but no ledger line.
    assert LedgerEntry.objects.filter(expense__gift=Gift.MAALTIJD).count() == 0


def test_an_attention_needs_the_pot_of_its_year(world):
    with pytest.raises(PotError, match="nog geen potje"):
        meal(world.street_a, world.gangmaker_a)
    assert not Expense.objects.exists()


def test_an_attention_may_be_noted_in_a_closed_pot_but_money_may_not(world):
    last_year = timezone.localdate().year - 1
    old = funded_pot(world.street_a, year=last_year, closed_at=timezone.now())

    attention = meal(world.street_a, world.gangmaker_a, spent_on=datetime.date(last_year, 12, 20))

    assert attention.pot == old
    with pytest.raises(PotError, match="afgesloten"):
        record_expense(
            old,
            world.gangmaker_a,
            spent_on=datetime.date(last_year, 12, 20),
            occasion=Occasion.ZIEK,
            gift=Gift.BLOEMEN,
            amount=Decimal("5.00"),
            for_whom="nr. 5",
        )


def test_correcting_a_free_attention_stops_it_counting_without_touching_the_ledger(world, pot_a):
    attention = meal(world.street_a, world.gangmaker_a)
    entries = LedgerEntry.objects.count()

    reverse_expense(attention, world.gangmaker_a, "dubbel ingevoerd")

    attention.refresh_from_db()
    assert attention.status == ExpenseStatus.REVERSED
    assert LedgerEntry.objects.count() == entries
    assert pot_summary(pot_a).attentions == 0


def test_a_free_attention_never_waits_for_four_eyes(world):
    pot = funded_pot(world.street_a, four_eyes_threshold=Decimal("0.00"))
    assert meal(world.street_a, world.gangmaker_a).status == ExpenseStatus.BOOKED
    assert pot.balance() == Decimal("150.00")


# The screens.


def post_attention(client, street, **overrides):
    data = {
        "spent_on": timezone.localdate().isoformat(),
        "occasion": Occasion.ZIEK,
        "gift": Gift.MAALTIJD,
        "for_whom": "nr. 5",
        "house_number": "5",
    }
    data.update(overrides)
    return client.post(reverse("pot:attention_new", args=[street.pk]), data)


def test_a_gangmaker_records_a_home_made_meal_and_sees_it_on_the_pot_page_and_report(
    world, pot_a, login
):
    client = login(world.gangmaker_a)

    response = post_attention(client, world.street_a, gift=Gift.ZELFGEMAAKT)

    assert response.status_code == 302
    page = client.get(reverse("pot:pot", args=[world.street_a.pk]))
    assert page.context["summary"].balance == Decimal("150.00")
    assert "iets zelfgemaakts · ziek · nr. 5" in page.text
    report = client.get(reverse("pot:year_report", args=[world.street_a.pk, pot_a.year]))
    assert report.context["summary"].attentions_without_money == 1
    assert "iets zelfgemaakts" in report.text
    assert Expense.objects.get().house_number == "5"


def test_a_helper_records_the_help_they_gave_and_may_not_record_flowers(world, pot_a, login):
    client = login(world.bewoner_a)

    refused = post_attention(client, world.street_a, gift=Gift.BLOEMEN)
    assert refused.status_code == 200
    assert "gift" in refused.context["form"].errors
    assert not Expense.objects.exists()

    done = post_attention(client, world.street_a, gift=Gift.BEZOEK)
    assert done.status_code == 302
    attention = Expense.objects.get()
    assert attention.recorded_by == world.bewoner_a
    assert attention.amount == 0


def test_a_future_date_or_bad_house_number_is_refused_in_dutch_keeping_the_input(
    world, pot_a, login
):
    client = login(world.gangmaker_a)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = post_attention(
        client, world.street_a, spent_on=tomorrow.isoformat(), house_number="!!", for_whom="nr. 77"
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "toekomst" in errors["spent_on"][0]
    assert "huisnummer" in errors["house_number"][0]
    assert 'value="nr. 77"' in response.text
    assert not Expense.objects.exists()


def test_without_a_pot_the_form_says_so_instead_of_failing(world, login):
    response = post_attention(login(world.gangmaker_a), world.street_a)
    assert response.status_code == 200
    assert "nog geen potje" in response.text


def test_members_of_another_street_cannot_record_an_attention_here(world, pot_a, login):
    response = post_attention(login(world.bewoner_b), world.street_a)
    assert response.status_code == 403
    assert not Expense.objects.exists()


# The welzijn figures: counts, never money, suppressed below five.


def _figures(street):
    today = timezone.localdate()
    dashboard = build_dashboard(ScopeKind.STREET, street, today.replace(month=1, day=1), today)
    totals = dict(zip([m.key for m in dashboard.metrics], dashboard.totals, strict=True))
    by_kind = dict(
        next(b for b in dashboard.breakdowns if b.metric.key == "attenties_per_soort").rows
    )
    return totals, by_kind


def test_welzijn_figures_count_attentions_without_money_apart_from_money(world, pot_a):
    for n in range(5):
        meal(world.street_a, world.gangmaker_a, for_whom=f"nr. {n}")
    for _ in range(5):
        flowers(pot_a, world.gangmaker_a)

    totals, by_kind = _figures(world.street_a)

    assert totals["attenties_zonder_geld"] == 5
    assert totals["attenties"] == 5
    assert totals["potje_uitgegeven"] == Decimal("37.50")
    assert by_kind == {"bloemen": 5, "maaltijd": 5}


def test_a_few_attentions_without_money_are_never_shown_exactly(world, pot_a):
    meal(world.street_a, world.gangmaker_a)
    flowers(pot_a, world.gangmaker_a)

    totals, by_kind = _figures(world.street_a)

    assert totals["attenties_zonder_geld"] == SUPPRESSED
    assert by_kind == {"bloemen": SUPPRESSED, "maaltijd": SUPPRESSED}


def test_the_streets_yearly_figures_show_attentions_without_money(world, pot_a, login):
    for n in range(5):
        meal(world.street_a, world.gangmaker_a, for_whom=f"nr. {n}")

    response = login(world.gangmaker_a).get(
        reverse("insights:yearly_report", args=[world.street_a.pk])
    )

    assert response.status_code == 200
    assert "Attenties zonder geld" in response.text
    totals = dict(
        zip(
            [m.key for m in response.context["dashboard"].metrics],
            response.context["dashboard"].totals,
            strict=True,
        )
    )
    assert totals["attenties_zonder_geld"] == 5
