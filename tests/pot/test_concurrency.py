"""The balance never goes below zero, also when gangmakers record expenses at the same moment.

Each thread has its own database connection, so this needs real transactions
(`transaction=True`) and a database where they run concurrently: PostgreSQL. The test
runner's SQLite database is in memory and shared, which hides locking; there the test is
skipped (the project's SQLite relies on IMMEDIATE transactions, see services/ledger.py).
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from pot.choices import ExpenseStatus, Gift, Occasion
from pot.models import Expense, Pot
from pot.services import PotError, approve_expense, record_expense
from tests.pot.factories import funded_pot
from tests.streets.factories import GangmakerMembershipFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs concurrent transactions on PostgreSQL; the test SQLite is in memory",
    ),
]

THREADS = 12


def run_at_once(work, count=THREADS):
    """Run work(i) in `count` threads that start together; return their outcomes."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def worker(i):
        from django.db import connections

        try:
            barrier.wait()
            outcomes[i] = work(i)
        except PotError:
            outcomes[i] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_exactly_the_affordable_expenses_succeed_when_recorded_at_the_same_moment(world):
    pot = funded_pot(world.street_a, amount="150.00")

    outcomes = run_at_once(
        lambda i: (
            record_expense(
                Pot.objects.get(pk=pot.pk),
                world.gangmaker_a,
                spent_on=timezone.localdate(),
                occasion=Occasion.ZIEK,
                gift=Gift.BLOEMEN,
                amount=Decimal("20.00"),
                for_whom=f"nr. {i}",
            ).pk
        )
    )

    assert outcomes.count("refused") == THREADS - 7
    assert Expense.objects.filter(status=ExpenseStatus.BOOKED).count() == 7
    assert pot.balance() == Decimal("10.00")


def test_approvals_at_the_same_moment_never_overdraw_the_pot(world):
    pot = funded_pot(world.street_a, amount="100.00", four_eyes_threshold=Decimal("10.00"))
    second = GangmakerMembershipFactory(street=world.street_a).user
    waiting = [
        record_expense(
            pot,
            world.gangmaker_a,
            spent_on=timezone.localdate(),
            occasion=Occasion.ROUW,
            gift=Gift.BLOEMEN,
            amount=Decimal("30.00"),
            for_whom=f"nr. {i}",
        )
        for i in range(6)
    ]

    outcomes = run_at_once(lambda i: approve_expense(waiting[i], second).pk, count=6)

    assert outcomes.count("refused") == 3
    assert pot.balance() == Decimal("10.00")
