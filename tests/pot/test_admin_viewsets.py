"""The pot in the coordinator's "Programma" menu of the Wagtail admin: the municipality's
settings and every street's pots, of their own municipality only, changed through the pot's
services so that the pot's log shows who changed what."""

import html
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pot.choices import AuditAction, Gift, Occasion
from pot.models import AuditEntry, PotSettings
from pot.services import record_expense
from tests.pot.factories import PotSettingsFactory, funded_pot

pytestmark = pytest.mark.django_db

SETTINGS = {
    "yearly_amount": "175,50",
    "carry_over": "on",
    "four_eyes_threshold": "40,00",
    "sensitive_text_days": "60",
}


def body_of(response) -> str:
    """The page as a reader sees it: names like "van 't Riet" arrive HTML-escaped."""
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_coordinator_sees_their_municipalitys_settings_and_not_anothers(
    login, world, other_municipality
):
    PotSettingsFactory(municipality=world.home, yearly_amount=Decimal("150.00"))
    PotSettingsFactory(municipality=other_municipality.home, yearly_amount=Decimal("222.00"))

    body = body_of(login(world.coordinator).get(reverse("pot_settings:index")))

    assert "Lief & Leed Rotterdam" in body
    assert "€\u00a0150,00" in body
    assert "Amstelveen" not in body
    assert "222,00" not in body


def test_a_coordinator_changes_the_settings_and_the_pot_log_says_so(login, world):
    settings = PotSettingsFactory(municipality=world.home)

    response = login(world.coordinator).post(
        reverse("pot_settings:edit", args=[settings.pk]), SETTINGS
    )

    assert response.status_code == 302
    settings.refresh_from_db()
    assert settings.yearly_amount == Decimal("175.50")
    assert settings.carry_over is True
    assert settings.four_eyes_threshold == Decimal("40.00")
    assert settings.sensitive_text_days == 60
    entry = AuditEntry.objects.get(action=AuditAction.SETTINGS_CHANGED)
    assert entry.municipality == world.home
    assert entry.actor == world.coordinator
    assert entry.details["yearly_amount"] == "175.50"


def test_a_wrong_amount_is_refused_in_dutch_and_what_was_typed_stays(login, world):
    settings = PotSettingsFactory(municipality=world.home)

    response = login(world.coordinator).post(
        reverse("pot_settings:edit", args=[settings.pk]), {**SETTINGS, "yearly_amount": "veel"}
    )

    body = body_of(response)
    assert "Vul een bedrag in euro's in, bijvoorbeeld 12,50." in body
    assert 'value="veel"' in body
    settings.refresh_from_db()
    assert settings.yearly_amount == Decimal("150.00")
    assert not AuditEntry.objects.exists()


def test_settings_are_made_for_the_own_municipality_only(login, world, other_municipality):
    client = login(world.coordinator)

    form = body_of(client.get(reverse("pot_settings:add")))
    assert "Lief & Leed Rotterdam" in form
    assert "Amstelveen" not in form

    refused = client.post(
        reverse("pot_settings:add"), {**SETTINGS, "municipality": other_municipality.home.pk}
    )
    assert refused.status_code == 200
    assert not PotSettings.objects.exists()

    client.post(reverse("pot_settings:add"), {**SETTINGS, "municipality": world.home.pk})
    assert PotSettings.objects.get().municipality == world.home
    assert AuditEntry.objects.filter(action=AuditAction.SETTINGS_CHANGED).count() == 1


def test_the_pots_list_shows_each_streets_balance_of_the_own_municipality(
    login, world, other_municipality
):
    pot = funded_pot(world.street_a, amount="150.00")
    funded_pot(other_municipality.street, amount="99.00")

    body = body_of(login(world.coordinator).get(reverse("pots:index")))

    assert "Zwaanshals" in body
    assert "€\u00a0150,00" in body
    assert reverse("pot:year_report", args=[world.street_a.pk, pot.year]) in body
    assert "Dorpsstraat" not in body
    assert "99,00" not in body


def test_the_pots_list_filters_by_year(login, world):
    funded_pot(world.street_a, year=2024)
    funded_pot(world.street_b, year=2025)
    client = login(world.coordinator)

    body = body_of(client.get(reverse("pots:index"), {"year": 2024}))

    assert reverse("pot:year_report", args=[world.street_a.pk, 2024]) in body
    assert reverse("pot:year_report", args=[world.street_b.pk, 2025]) not in body


def test_a_coordinator_gives_one_street_its_own_four_eyes_amount(login, world):
    pot = funded_pot(world.street_a)

    response = login(world.coordinator).post(
        reverse("pots:edit", args=[pot.pk]), {"four_eyes_threshold": "25,00"}
    )

    assert response.status_code == 302
    pot.refresh_from_db()
    assert pot.four_eyes_threshold == Decimal("25.00")
    entry = AuditEntry.objects.get(pot=pot, action=AuditAction.SETTINGS_CHANGED)
    assert entry.details["four_eyes_threshold"] == "25.00"
    assert entry.actor == world.coordinator


def test_a_pot_shows_its_balance_but_not_its_ledger(login, world):
    pot = funded_pot(world.street_a, amount="150.00")
    record_expense(
        pot,
        world.gangmaker_a,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.BLOEMEN,
        amount=Decimal("12.50"),
        for_whom="Mevrouw Jansen",
    )

    body = body_of(login(world.coordinator).get(reverse("pots:inspect", args=[pot.pk])))

    assert "€\u00a0137,50" in body
    assert "Mevrouw Jansen" not in body


def test_settings_are_offered_to_add_only_while_the_municipality_has_none(login, world):
    client = login(world.coordinator)
    add_url = reverse("pot_settings:add")

    assert add_url in body_of(client.get(reverse("pot_settings:index")))
    PotSettingsFactory(municipality=world.home)
    assert add_url not in body_of(client.get(reverse("pot_settings:index")))
