"""List pages that had no constant-query test yet: queries do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from streets.choices import MembershipStatus
from tests.accounts.factories import OfflineUserFactory
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory, StreetPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    """Queries of a repeated visit: the first one also fills per-process caches (the site)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_members_page_costs_the_same_queries_for_10_and_200_neighbours(login, world):
    client = login(world.gangmaker_a)
    url = reverse("streets:members", args=[world.street_a.pk])
    MembershipFactory.create_batch(10, street=world.street_a)
    MembershipFactory.create_batch(3, street=world.street_a, status=MembershipStatus.PENDING)
    few = queries_for(client, url)
    MembershipFactory.create_batch(190, street=world.street_a)
    MembershipFactory.create_batch(20, street=world.street_a, status=MembershipStatus.PENDING)
    assert queries_for(client, url) == few


def test_search_costs_the_same_queries_for_10_and_200_streets(client, world):
    def add(count, start):
        for n in range(start, start + count):
            StreetPageFactory(parent=world.wijk, title=f"Merelstraat {n}", slug=f"merel-{n}")

    add(10, 0)
    few = queries_for(client, "/zoeken/?q=Merelstraat")
    add(190, 10)
    assert queries_for(client, "/zoeken/?q=Merelstraat") == few


def add_board_posts(world, count):
    """Open posts of new neighbours, every third placed by the gangmaker; per ten, one of the
    gangmaker's own and one of a neighbour who is not online (both lists are not paged)."""
    for i in range(count):
        factory = HelpOfferFactory if i % 2 else HelpRequestFactory
        factory(
            street=world.street_a,
            author=MembershipFactory(street=world.street_a).user,
            posted_by=world.gangmaker_a if i % 3 == 0 else None,
        )
    for _ in range(count // 10):
        HelpOfferFactory(street=world.street_a, author=world.gangmaker_a)
        offline = MembershipFactory(street=world.street_a, user=OfflineUserFactory()).user
        HelpRequestFactory(street=world.street_a, author=offline, posted_by=world.gangmaker_a)


def test_the_members_board_costs_the_same_queries_for_10_and_200_posts(login, world):
    client = login(world.gangmaker_a)
    url = reverse("matching:board", args=[world.street_a.pk])
    add_board_posts(world, 10)
    few = queries_for(client, url)
    add_board_posts(world, 190)
    assert queries_for(client, url) == few
    # 200 posts, 20 of the gangmaker's own and 20 of neighbours not online: 8 pages of 30.
    assert "Pagina 1 van 8" in client.get(url).content.decode()
