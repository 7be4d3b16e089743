"""Two coordinators click “Straat starten” at the same moment: one street, one pot.

Each thread has its own connection, so this needs real transactions and PostgreSQL (the test
SQLite is in memory and shared, which hides locking; see tests/pot/test_concurrency.py).
Run with DATABASE_URL=postgres://... ; the SQLite path is covered by the double-click tests.
"""

import threading

import pytest
from django.db import connection

from pot.models import Pot
from programme.models import StarterPack, StreetApplication
from programme.services import start_street
from streets.models import StreetMembership, StreetPage
from tests.programme.factories import application_with_people
from tests.streets.factories import CoordinatorAssignmentFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent transactions on PostgreSQL; the test SQLite is in memory",
    ),
]

THREADS = 6


def test_coordinators_starting_the_same_street_at_once_make_one_street(world):
    application = application_with_people(world.home)
    second = CoordinatorAssignmentFactory(municipality=world.home).user
    coordinators = [world.coordinator, second]
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS

    def worker(i):
        from django.db import connections

        try:
            barrier.wait()
            street, created = start_street(
                StreetApplication.objects.get(pk=application.pk),
                coordinators[i % 2],
                wijk=world.wijk,
            )
            outcomes[i] = (street.pk, created)
        except Exception as error:  # noqa: BLE001 - reported in the assertion below
            outcomes[i] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert all(isinstance(o, tuple) for o in outcomes), outcomes
    assert sorted(created for _pk, created in outcomes) == [False] * (THREADS - 1) + [True]
    assert len({pk for pk, _created in outcomes}) == 1
    street = StreetPage.objects.get(title="Bloemkweekstraat")
    assert Pot.objects.filter(street=street).count() == 1
    assert StarterPack.objects.filter(street=street).count() == 1
    assert StreetMembership.objects.filter(street=street).count() == 2
