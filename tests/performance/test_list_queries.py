"""List pages that had no constant-query test yet: queries do not grow with the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from streets.choices import MembershipStatus
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
