"""The members' board a page at a time: 30 posts a page, newest first, with a Dutch pager."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


def add_posts(world, requests, offers):
    """`requests` requests, then `offers` offers (the newest), each by another neighbour."""
    start = timezone.now() - datetime.timedelta(days=1)
    for i in range(requests + offers):
        factory = HelpRequestFactory if i < requests else HelpOfferFactory
        factory(
            street=world.street_a,
            author=MembershipFactory(street=world.street_a).user,
            opened_at=start + datetime.timedelta(minutes=i),
            description=f"bericht {i:03d}",
        )


def board(client, page=None):
    url = reverse("matching:board", args=[client.street.pk])
    response = client.get(url, {"pagina": page} if page is not None else {})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def member(login, world):
    client = login(world.bewoner_a)
    client.street = world.street_a
    return client


def test_the_board_shows_the_30_newest_posts_and_a_dutch_pager_to_the_rest(member, world):
    add_posts(world, requests=20, offers=15)

    first = board(member)
    assert first.count('class="card"') == 30
    assert "bericht 034" in first and "bericht 005" in first
    assert "bericht 004" not in first
    assert "Pagina 1 van 2" in first
    assert 'href="?pagina=2">Volgende</a>' in first

    second = board(member, 2)
    assert second.count('class="card"') == 5
    assert all(f"bericht {i:03d}" in second for i in range(5))
    assert "bericht 005" not in second
    assert "Pagina 2 van 2" in second
    assert 'href="?pagina=1">Vorige</a>' in second


def test_a_page_without_offers_says_so_without_claiming_nobody_offers_help(member, world):
    add_posts(world, requests=20, offers=15)

    second = board(member, 2)

    assert "Op deze pagina staat geen hulpaanbod." in second
    assert "Nog niemand biedt hulp aan" not in second


def test_an_empty_board_invites_neighbours_to_ask_and_offer_and_shows_no_pager(member):
    body = board(member)

    assert "Op dit moment vraagt niemand hulp." in body
    assert "Nog niemand biedt hulp aan." in body
    assert "Pagina 1" not in body


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("abc", "Pagina 1 van 2"), ("0", "Pagina 2 van 2"), (10**30, "Pagina 2 van 2")],
)
def test_a_page_number_that_does_not_exist_shows_the_first_or_the_last_page(
    member, world, asked, shown
):
    add_posts(world, requests=20, offers=15)

    assert shown in board(member, asked)
