"""List pages that had no constant-query test yet: queries do not grow with the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from streets.choices import MembershipStatus
from streets.events.choices import ExceptionKind, Repeat
from streets.events.models import EventException
from streets.events.services import upcoming_events_below
from tests.accounts.factories import OfflineUserFactory
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import EventPageFactory, MembershipFactory, StreetPageFactory

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


def test_the_municipality_home_lists_the_same_next_six_dates_as_expanding_every_event(world):
    now = timezone.now()
    in_two_days = now + datetime.timedelta(days=2)

    def event(title, start, **fields):
        return EventPageFactory(parent=world.street_a, title=title, start=start, **fields)

    skipped = event("Overgeslagen", now + datetime.timedelta(hours=1))  # its one date skipped
    EventException.objects.create(
        event=skipped, date=timezone.localtime(skipped.start).date(), kind=ExceptionKind.SKIPPED
    )
    event("Afgelopen", now - datetime.timedelta(days=2))
    event("Lang geleden begonnen", now - datetime.timedelta(hours=13), end=None)
    event("Net begonnen", now - datetime.timedelta(hours=11), end=None)
    EventPageFactory(
        parent=world.street_b,
        title="Liftkoffie",
        start=now + datetime.timedelta(hours=20),
        repeat=Repeat.WEEKLY,
    )
    # Five at the same moment, of which only four fit: the list orders them by title.
    for title in ("Borrel 3", "Borrel 2", "Afgelast", "Borrel 1", "Borrel 0"):
        event(title, in_two_days, cancelled=title == "Afgelast")
    for day in range(3, 9):
        event(f"Later {day}", now + datetime.timedelta(days=day))

    found = upcoming_events_below(world.home, limit=6)

    assert [o.event.title for o in found] == [
        "Net begonnen",
        "Liftkoffie",
        "Afgelast",
        "Borrel 0",
        "Borrel 1",
        "Borrel 2",
    ]
    assert found[2].cancelled
    expanded = upcoming_events_below(world.home)[:6]
    assert [(o.event.pk, o.start, o.cancelled) for o in found] == [
        (o.event.pk, o.start, o.cancelled) for o in expanded
    ]


def test_a_skipped_one_off_event_does_not_keep_a_later_date_off_the_municipality_home(world):
    now = timezone.now()
    skipped = EventPageFactory(parent=world.street_a, title="Overgeslagen", start=now)
    EventException.objects.create(
        event=skipped, date=timezone.localtime(now).date(), kind=ExceptionKind.SKIPPED
    )
    for day in range(1, 8):
        EventPageFactory(
            parent=world.street_a, title=f"Dag {day}", start=now + datetime.timedelta(days=day)
        )

    assert [o.event.title for o in upcoming_events_below(world.home, limit=6)] == [
        f"Dag {day}" for day in range(1, 7)
    ]


def test_the_municipality_home_costs_the_same_queries_for_10_and_200_events(client, world):
    def add(count, start):
        for n in range(start, start + count):
            EventPageFactory(
                parent=world.street_a,
                start=timezone.now() + datetime.timedelta(hours=n + 1),
                repeat=Repeat.WEEKLY if n % 10 == 0 else Repeat.NEVER,
            )

    add(10, 0)
    few = queries_for(client, "/")
    add(190, 10)
    assert queries_for(client, "/") == few
    assert "Liftkoffie" in client.get("/").content.decode()
