"""Welcoming new neighbours: one to-do per new home, given in one step; the household list."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.todos import todos_for
from pot.choices import Gift, Occasion
from pot.models import Expense
from pot.services import record_attention
from streets.choices import MembershipStatus
from streets.services import MembershipError, decide_membership
from tests.pot.factories import funded_pot
from tests.streets.factories import MembershipFactory
from tests.surveys.factories import SurveyResponseFactory, template_survey
from welcome.choices import WelcomeOutcome, WelcomeSource
from welcome.models import StreetHomes, Welcome
from welcome.services import note_new_residents, welcome_for_membership

pytestmark = pytest.mark.django_db


def applicant(world, number="14"):
    return MembershipFactory(
        street=world.street_a, status=MembershipStatus.PENDING, house_number=number
    )


def test_approving_a_member_makes_one_welcome_to_do_and_approving_twice_none_more(world):
    membership = applicant(world)

    decide_membership(membership, world.gangmaker_a, approve=True)
    with pytest.raises(MembershipError):
        decide_membership(membership, world.gangmaker_a, approve=True)

    welcome = Welcome.objects.get()
    assert (welcome.street, welcome.house_number, welcome.source) == (
        world.street_a,
        "14",
        WelcomeSource.MEMBER_APPROVED,
    )
    todos = [t for t in todos_for(world.gangmaker_a) if t.kind == "welcome"]
    assert [(t.label, t.place) for t in todos] == [("1 nieuwe buur verwelkomen", "Zwaanshals")]
    assert not [t for t in todos_for(world.gangmaker_b) if t.kind == "welcome"]
    assert not [t for t in todos_for(world.bewoner_a) if t.kind == "welcome"]


def test_declining_an_application_makes_no_welcome(world):
    decide_membership(applicant(world), world.gangmaker_a, approve=False)
    assert not Welcome.objects.exists()


def test_a_noted_home_and_its_approved_member_are_one_welcome(world):
    note_new_residents(world.street_a, world.gangmaker_a, "14")
    _again, created = note_new_residents(world.street_a, world.gangmaker_a, "14")
    assert not created

    decide_membership(applicant(world), world.gangmaker_a, approve=True)

    assert Welcome.objects.count() == 1
    assert Welcome.objects.get().membership is not None


def test_a_gangmaker_notes_new_residents_on_the_welcome_page(world, login):
    client = login(world.gangmaker_a)

    response = client.post(
        reverse("welcome:note", args=[world.street_a.pk]), {"house_number": "14"}
    )

    assert response.status_code == 302
    page = client.get(reverse("welcome:list", args=[world.street_a.pk]))
    assert "Nr. 14" in page.text
    bad = client.post(reverse("welcome:note", args=[world.street_a.pk]), {"house_number": "??"})
    assert bad.status_code == 200
    assert "Vul een huisnummer in" in bad.text
    assert Welcome.objects.count() == 1


def give(client, world, welcome, **data):
    fields = {
        "outcome": WelcomeOutcome.CARD,
        "gift": "",
        "amount": "",
        "spent_on": timezone.localdate().isoformat(),
        "for_whom": "de nieuwe buren",
    }
    fields.update(data)
    return client.post(reverse("welcome:give", args=[world.street_a.pk, welcome.pk]), fields)


def test_a_welcome_card_is_recorded_and_printed_in_one_step(world, login):
    pot = funded_pot(world.street_a)
    welcome, _ = note_new_residents(world.street_a, world.gangmaker_a, "14")
    client = login(world.gangmaker_a)

    response = give(client, world, welcome)

    assert response.status_code == 302
    assert "kind=welcome" in response["Location"]
    assert "Welkom in de straat" in client.get(response["Location"]).text
    attention = Expense.objects.get()
    assert (attention.gift, attention.occasion, attention.house_number, attention.amount) == (
        Gift.KAART,
        Occasion.NIEUWE_BEWONER,
        "14",
        0,
    )
    welcome.refresh_from_db()
    assert welcome.outcome == WelcomeOutcome.CARD
    assert welcome.expense == attention
    assert pot.balance() == Decimal("150.00")
    # Giving it again is refused without a second attention.
    give(client, world, welcome)
    assert Expense.objects.count() == 1


def test_a_welcome_can_be_flowers_from_the_pot(world, login):
    pot = funded_pot(world.street_a)
    welcome, _ = note_new_residents(world.street_a, world.gangmaker_a, "14")

    response = give(
        login(world.gangmaker_a), world, welcome, outcome="expense", gift="flowers", amount="7,50"
    )

    assert response.status_code == 302
    assert pot.balance() == Decimal("142.50")


def test_a_pot_expense_without_an_amount_is_refused_and_nothing_is_given(world, login):
    funded_pot(world.street_a)
    welcome, _ = note_new_residents(world.street_a, world.gangmaker_a, "14")

    response = give(login(world.gangmaker_a), world, welcome, outcome="expense", gift="flowers")

    assert response.status_code == 200
    assert response.context["form"].errors["amount"] == ["Hoeveel kostte het? Bijvoorbeeld 7,50."]
    welcome.refresh_from_db()
    assert welcome.is_open
    assert not Expense.objects.exists()


def test_another_streets_gangmaker_cannot_give_this_streets_welcome(world, login):
    welcome, _ = note_new_residents(world.street_a, world.gangmaker_a, "14")
    url = reverse("welcome:give", args=[world.street_b.pk, welcome.pk])
    assert login(world.gangmaker_b).post(url, {"outcome": "card"}).status_code == 404
    welcome.refresh_from_db()
    assert welcome.is_open


# The household list.


def test_the_household_list_shows_per_home_what_it_received_this_year(world, login):
    funded_pot(world.street_a)
    StreetHomes.objects.create(street=world.street_a, ranges="1-9 oneven, 2-10 even")
    welcome, _ = note_new_residents(world.street_a, world.gangmaker_a, "4")
    client = login(world.gangmaker_a)
    give(client, world, welcome, outcome="attention", gift="home_made")
    record_attention(
        world.street_a,
        world.gangmaker_a,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.KAART,
        for_whom="nr. 7",
        house_number="7",
    )
    SurveyResponseFactory(
        survey=template_survey(world.street_a, world.gangmaker_a), house_number="2"
    )

    response = client.get(reverse("welcome:households", args=[world.street_a.pk]))

    rows = {row.number: row for sheet in response.context["sheets"] for row in sheet}
    assert list(rows) == [str(n) for n in range(1, 11)]
    assert rows["4"].welcome and not rows["4"].card
    assert rows["7"].card and not rows["7"].welcome
    assert rows["2"].survey
    assert not any((rows["1"].welcome, rows["1"].survey, rows["1"].card, rows["1"].folder))


def test_the_printed_household_list_has_one_a4_sheet_per_40_homes(world, login):
    StreetHomes.objects.create(street=world.street_a, ranges="1-85")

    response = login(world.gangmaker_a).get(reverse("welcome:households", args=[world.street_a.pk]))

    assert [len(sheet) for sheet in response.context["sheets"]] == [40, 40, 5]
    assert response.text.count('class="household-sheet"') == 3
    assert "households.css" in response.text


def test_the_household_list_queries_do_not_grow_with_the_street(
    world, login, django_assert_num_queries
):
    client = login(world.gangmaker_a)
    url = reverse("welcome:households", args=[world.street_a.pk])
    StreetHomes.objects.create(street=world.street_a, ranges="1-10")
    client.get(url)  # the first request fills caches (site root, session)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    StreetHomes.objects.filter(street=world.street_a).update(ranges="1-400")
    for n in range(5):
        note_new_residents(world.street_a, world.gangmaker_a, str(n + 1))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_gangmakers_keep_the_house_numbers_and_a_bad_range_is_explained_in_dutch(world, login):
    client = login(world.gangmaker_a)
    url = reverse("welcome:homes_edit", args=[world.street_a.pk])

    bad = client.post(url, {"ranges": "1-9 oneven, Dorpsstraat"})
    assert bad.status_code == 200
    assert re.search("“Dorpsstraat” is geen huisnummer of reeks", bad.text)
    assert "1-9 oneven, Dorpsstraat" in bad.text
    assert not StreetHomes.objects.exists()

    assert client.post(url, {"ranges": "1-9 oneven"}).status_code == 302
    assert StreetHomes.objects.get().numbers() == ["1", "3", "5", "7", "9"]


def test_when_another_request_made_the_homes_welcome_first_that_one_is_used(world):
    # As if a second gangmaker's request committed between our look-up and our insert.
    from welcome.services import _create_once

    first = Welcome.objects.create(
        street=world.street_a, house_number="14", source=WelcomeSource.NOTED
    )

    welcome, created = _create_once(
        street_id=world.street_a.pk, house_number="14", source=WelcomeSource.NOTED
    )

    assert (welcome, created) == (first, False)
    assert Welcome.objects.count() == 1


def test_a_welcome_card_for_a_newcomer_who_chose_arabic_is_printed_in_arabic(world, login):
    funded_pot(world.street_a)
    newcomer = MembershipFactory(street=world.street_a, house_number="30", user__language="ar")
    welcome = welcome_for_membership(newcomer)
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)

    response = give(client, world, welcome)

    assert "taal=ar" in response["Location"]
    card = client.get(response["Location"]).text
    assert '<html lang="ar" dir="rtl"' in card
    assert "Welkom in de straat" not in card.split('class="print-sheet')[1]
