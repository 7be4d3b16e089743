"""What a card on the board says: the help, when, who and until when, in plain Dutch."""

import datetime

import pytest
from django.urls import reverse

from matching.choices import Category, Urgency
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db

NEW_YEARS_EVE = datetime.date(2030, 12, 31)


def board(login, world):
    response = login(world.bewoner_a).get(reverse("matching:board", args=[world.street_a.pk]))
    return response.content.decode()


def neighbour(world, first_name, house_number):
    return MembershipFactory(
        street=world.street_a, user__first_name=first_name, house_number=house_number
    ).user


def test_a_request_for_one_day_shows_the_date_the_dagdelen_and_how_urgent(login, world):
    HelpRequestFactory(
        street=world.street_a,
        author=neighbour(world, "Kees", "7"),
        category=Category.VERVOER,
        needed_on=datetime.date(2030, 12, 3),  # a Tuesday
        when_slots=["1:ochtend", "1:middag"],
        urgency=Urgency.SOON,
        valid_until=NEW_YEARS_EVE,
    )

    body = board(login, world)

    assert "<strong>vervoer (arts, ziekenhuis)</strong>" in body
    assert "· deze week" in body
    assert "Op dinsdag 3 december, ochtend of middag" in body
    assert "Kees, nr. 7 · staat tot en met 31 december" in body


def test_a_weekly_request_and_an_offer_show_their_dagdelen_per_weekday(login, world):
    HelpRequestFactory(
        street=world.street_a,
        author=neighbour(world, "Kees", "7"),
        when_slots=["1:ochtend", "1:middag", "3:avond"],
    )
    HelpOfferFactory(
        street=world.street_a,
        author=neighbour(world, "Fatima", "9"),
        categories=[Category.TUIN, Category.KLUSJE],
        availability=["5:ochtend", "5:middag", "5:avond"],
        capacity=2,
    )

    body = board(login, world)

    assert "Elke week: dinsdag ochtend en middag, donderdag avond" in body
    assert "<strong>tuin, klusje in huis</strong>" in body
    assert "Kan: zaterdag de hele dag · 2 buren tegelijk" in body
    assert "· gewoon" not in body  # an ordinary request says nothing about urgency


def test_a_card_names_the_gangmaker_who_posted_for_an_offline_neighbour(login, world):
    offline = OfflineUserFactory(first_name="Truus")
    MembershipFactory(street=world.street_a, user=offline, house_number="40")
    HelpRequestFactory(street=world.street_a, author=offline, posted_by=world.gangmaker_a)

    assert "Truus, nr. 40 · geplaatst door gangmaker Gerda · staat tot en met" in board(
        login, world
    )


def test_names_on_a_card_are_shown_as_text_not_as_html(login, world):
    HelpOfferFactory(street=world.street_a, author=neighbour(world, "<b>Bas</b>", "1"))

    body = board(login, world)

    assert "&lt;b&gt;Bas&lt;/b&gt;, nr. 1" in body
    assert "<b>Bas</b>" not in body
