"""The coordinator's overview of all pots, the exports and the settings."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pot.choices import Gift, Occasion
from pot.models import AuditEntry, Pot, PotSettings
from pot.services import record_expense
from tests.home.factories import HomePageFactory
from tests.pot.factories import funded_pot
from tests.streets.factories import CoordinatorAssignmentFactory

YEAR = timezone.localdate().year


@pytest.fixture
def spent(world, pot_a):
    """Street A spent on two attentions this year; street B has a pot but spent nothing."""
    funded_pot(world.street_b)
    for occasion, amount in [(Occasion.ZIEK, "17.50"), (Occasion.GEBOORTE, "4.50")]:
        record_expense(
            pot_a,
            world.gangmaker_a,
            spent_on=timezone.localdate(),
            occasion=occasion,
            gift=Gift.KAART,
            amount=Decimal(amount),
            for_whom="nr. 9",
        )
    return pot_a


def url(name, world, **query):
    base = reverse(f"pot:{name}", args=[world.home.pk])
    return f"{base}?jaar={query['jaar']}" if "jaar" in query else base


@pytest.mark.parametrize("name", ["overview", "export_csv", "export_xlsx", "settings"])
def test_only_the_municipalitys_coordinator_opens_the_overview_and_exports(world, client, name):
    assert client.get(url(name, world)).status_code == 302
    for role in ["gangmaker_a", "bewoner_a", "welzijn_a", "outsider"]:
        client.force_login(getattr(world, role))
        assert client.get(url(name, world)).status_code == 403, role
    client.force_login(world.coordinator)
    assert client.get(url(name, world)).status_code == 200


def test_a_coordinator_of_another_municipality_is_refused(world, login):
    other = HomePageFactory(title="Amstelveen", slug="amstelveen")
    stranger = CoordinatorAssignmentFactory(municipality=other).user
    client = login(stranger)

    assert client.get(url("overview", world)).status_code == 403
    assert client.post(reverse("pot:open_missing_pots", args=[world.home.pk])).status_code == 403
    assert client.post(url("settings", world), {"yearly_amount": "1"}).status_code == 403
    assert not Pot.objects.exists()
    assert not PotSettings.objects.exists()


def test_overview_start_sends_a_coordinator_to_their_municipality(world, login):
    response = login(world.coordinator).get(reverse("pot:overview_start"))

    assert response.status_code == 302
    assert response["Location"] == url("overview", world)
    assert login(world.gangmaker_a).get(reverse("pot:overview_start")).status_code == 403


def test_the_overview_shows_funded_spent_and_left_per_street(world, spent, login):
    response = login(world.coordinator).get(url("overview", world))

    rows = {row.street.title: row for row in response.context["rows"]}
    assert rows["Zwaanshals"].summary.spent == Decimal("22.00")
    assert rows["Zwaanshals"].summary.balance == Decimal("128.00")
    assert rows["Zwaanshals"].count_for(Occasion.ZIEK) == 1
    assert rows["Bergweg"].summary.spent == Decimal("0.00")
    assert rows["Putselaan"].summary is None
    assert "1 straat heeft nog geen potje" in response.text


def test_the_overview_needs_the_same_number_of_queries_for_more_streets(
    world, spent, login, django_assert_num_queries
):
    client = login(world.coordinator)
    client.get(url("overview", world))
    with CaptureQueriesContext(connection) as few:
        client.get(url("overview", world))
    funded_pot(world.street_c)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url("overview", world))


def test_an_odd_year_parameter_falls_back_to_this_year(world, spent, login):
    client = login(world.coordinator)

    for odd in ["abc", "-1", "99999999999999999999", "2026\x00", "<script>"]:
        response = client.get(url("overview", world), {"jaar": odd})
        assert response.status_code == 200
        assert response.context["year"] == YEAR


def test_the_csv_export_lists_every_street_with_its_figures(world, spent, login):
    response = login(world.coordinator).get(url("export_csv", world, jaar=YEAR))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    by_street = {row["Straat"]: row for row in rows}
    assert set(by_street) == {"Zwaanshals", "Bergweg", "Putselaan"}
    assert by_street["Zwaanshals"]["Wijk"] == "Noord"
    assert by_street["Zwaanshals"]["Bijdrage"] == "150,00"
    assert by_street["Zwaanshals"]["Uitgegeven"] == "22,00"
    assert by_street["Zwaanshals"]["Over"] == "128,00"
    assert by_street["Zwaanshals"]["Attenties"] == "2"
    assert by_street["Zwaanshals"]["ziek"] == "1"
    assert by_street["Zwaanshals"]["geboorte"] == "1"
    assert by_street["Putselaan"]["Potje geopend"] == "nee"


def test_the_xlsx_export_has_the_streets_and_every_attention(world, spent, login):
    response = login(world.coordinator).get(url("export_xlsx", world, jaar=YEAR))

    book = load_workbook(io.BytesIO(response.content))
    streets, attentions = book.worksheets
    header = [cell.value for cell in streets[1]]
    rows = {
        row[1]: dict(zip(header, row, strict=True))
        for row in streets.iter_rows(min_row=2, values_only=True)
    }
    assert Decimal(str(rows["Zwaanshals"]["Uitgegeven"])) == Decimal("22.00")
    assert Decimal(str(rows["Zwaanshals"]["Over"])) == Decimal("128.00")
    assert rows["Bergweg"]["Attenties"] == 0
    details = list(attentions.iter_rows(min_row=2, values_only=True))
    assert sorted((row[0], row[2], Decimal(str(row[4]))) for row in details) == [
        ("Zwaanshals", "geboorte", Decimal("4.50")),
        ("Zwaanshals", "ziek", Decimal("17.50")),
    ]
    assert "nr. 9" not in str(details)


def test_a_street_name_that_looks_like_a_formula_is_exported_as_text(world, spent, login):
    world.street_b.title = '=HYPERLINK("http://x")'
    world.street_b.save()

    text = (
        login(world.coordinator)
        .get(url("export_csv", world, jaar=YEAR))
        .content.decode("utf-8-sig")
    )

    assert "'=HYPERLINK" in text


def test_the_coordinator_opens_missing_pots_once(world, login):
    client = login(world.coordinator)

    client.post(reverse("pot:open_missing_pots", args=[world.home.pk]))
    client.post(reverse("pot:open_missing_pots", args=[world.home.pk]))

    assert Pot.objects.filter(year=YEAR).count() == 3


def test_the_coordinator_changes_the_settings_and_the_change_is_logged(world, login):
    client = login(world.coordinator)

    response = client.post(
        url("settings", world),
        {
            "yearly_amount": "175,00",
            "carry_over": "on",
            "four_eyes_threshold": "",
            "sensitive_text_days": "60",
        },
    )

    assert response.status_code == 302
    settings = PotSettings.objects.get(municipality=world.home)
    assert (settings.yearly_amount, settings.carry_over, settings.four_eyes_threshold) == (
        Decimal("175.00"),
        True,
        None,
    )
    assert AuditEntry.objects.filter(municipality=world.home, actor=world.coordinator).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("yearly_amount", "-150"),
        ("yearly_amount", "1,234"),
        ("sensitive_text_days", "0"),
        ("sensitive_text_days", "x"),
    ],
)
def test_bad_settings_are_refused_with_a_dutch_message(world, login, field, value):
    data = {
        "yearly_amount": "150",
        "four_eyes_threshold": "",
        "sensitive_text_days": "90",
        field: value,
    }

    response = login(world.coordinator).post(url("settings", world), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not PotSettings.objects.exists()


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_a", "welzijn_a"])
def test_potjes_refuses_others_with_a_text_about_who_it_is_for(world, login, who):
    client = login(getattr(world, who))
    for url in (reverse("pot:overview_start"), reverse("pot:overview", args=[world.home.pk])):
        response = client.get(url)
        assert response.status_code == 403
        assert "voor de coördinatoren van de gemeente" in response.text
        assert "deze straat" not in response.text
