"""Pot spends at the same moment from separate processes: the balance never drops below zero.

    .venv/bin/python bench/pot_concurrency.py                  # SQLite file under var/
    .venv/bin/python bench/pot_concurrency.py --database-url postgres://postgres@127.0.0.1:5432/liefleed_pot_j

In production several gunicorn worker processes write one database; on SQLite only the
project's settings (WAL, IMMEDIATE transactions, a 20 s timeout) keep them from overdrawing a
pot or failing with "database is locked". tests/pot/test_concurrency.py proves the rule with
threads on PostgreSQL; this proves it with OS processes on a real file, each with its own
connection, calling the real services.

Creates the database afresh (a SQLite file, or a PostgreSQL database whose name contains
"pot", dropped and created again), migrates once, opens two funded pots through the services
and runs two scenarios in the same processes, each from one common start moment:
- spend: `--processes` gangmakers each record an expense of `--amount` from `--funded`;
- approve: six expenses of € 30 wait for four-eyes approval in a pot of € 100 and a second
  gangmaker approves them all at once (`--approvers` processes).
Prints a table (or JSON with --json); exits non-zero unless exactly the affordable ones
succeeded, nothing else failed, the balance stayed at or above zero and the ledger adds up.
"""

import argparse
import json
import multiprocessing
import os
import sys
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path

from fresh_db import fresh_database  # bench/ is on the path: these run as scripts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench_pot.sqlite3'}"
SETTINGS = "cms.settings.dev"
APPROVAL_FUNDED = Decimal("100.00")
APPROVAL_AMOUNT = Decimal("30.00")
# Spawning a process imports Django and the project: on a loaded 2-core machine a dozen of
# them take a while to reach the start line.
START_TIMEOUT = 300


def _django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")  # no INFO line per page and process
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


@dataclass
class Scenario:
    """One street's pot and what the processes do to it."""

    name: str
    pot_id: int
    funded: Decimal
    amount: Decimal
    targets: list[int]  # per process: the expense to approve, or 0 to record a new one
    by_id: int


@dataclass
class Result:
    scenario: str
    database: str
    processes: int
    succeeded: int
    refused: int
    errors: int
    balance: str
    ledger_adds_up: bool
    expected: int
    error_messages: list[str]

    @property
    def ok(self) -> bool:
        return (
            self.succeeded == self.expected
            and self.errors == 0
            and Decimal(self.balance) >= 0
            and self.ledger_adds_up
        )


def _street(wijk, title: str):
    from tests.streets.factories import StreetPageFactory

    return StreetPageFactory(parent=wijk, title=title, slug=title.lower())


def _wijk():
    from wagtail.models import Site

    from tests.home.factories import HomePageFactory
    from tests.streets.factories import NeighbourhoodPageFactory

    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page, title="Potgemeente", slug="potgemeente")
    return NeighbourhoodPageFactory(parent=home, title="Potwijk", slug="potwijk")


def _funded_pot(street, funded: Decimal, **fields):
    from django.utils import timezone

    from pot.models import Pot, PotSettings
    from pot.services import open_pot

    pot, _ = open_pot(street, timezone.localdate().year, PotSettings(yearly_amount=funded))
    if fields:
        Pot.objects.filter(pk=pot.pk).update(**fields)
    return pot


def _gangmakers(street) -> tuple:
    from tests.streets.factories import GangmakerMembershipFactory

    return tuple(GangmakerMembershipFactory(street=street).user for _ in range(2))


def prepare(processes: int, funded: Decimal, amount: Decimal, approvers: int) -> list[Scenario]:
    """Migrate, then one street per scenario with two gangmakers and a pot opened by the service."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    wijk = _wijk()
    spend_street = _street(wijk, "Uitgavelaan")
    first, _second = _gangmakers(spend_street)
    spend_pot = _funded_pot(spend_street, funded)
    spend = Scenario("spend", spend_pot.pk, funded, amount, [0] * processes, first.pk)

    approve_street = _street(wijk, "Goedkeurhof")
    recorder, approver = _gangmakers(approve_street)
    approve_pot = _funded_pot(approve_street, APPROVAL_FUNDED, four_eyes_threshold=Decimal("10"))
    waiting = [_record(approve_pot.pk, recorder.pk, APPROVAL_AMOUNT, i) for i in range(6)]
    approve = Scenario(
        "approve",
        approve_pot.pk,
        APPROVAL_FUNDED,
        APPROVAL_AMOUNT,
        waiting[:approvers],
        approver.pk,
    )
    return [spend, approve]


def _record(pot_id: int, by_id: int, amount: Decimal, number: int) -> int:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from pot.choices import Gift, Occasion
    from pot.models import Pot
    from pot.services import record_expense

    expense = record_expense(
        Pot.objects.get(pk=pot_id),
        get_user_model().objects.get(pk=by_id),
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.BLOEMEN,
        amount=amount,
        for_whom=f"nr. {number}",
    )
    return expense.pk


def _approve(expense_id: int, by_id: int) -> int:
    from django.contrib.auth import get_user_model

    from pot.models import Expense
    from pot.services import approve_expense

    expense = Expense.objects.select_related("pot").get(pk=expense_id)
    return approve_expense(expense, get_user_model().objects.get(pk=by_id)).pk


def worker(database_url, scenarios, number, starts, outcomes) -> None:
    """One process, like one gunicorn worker: its own Django, its own connection."""
    _django(database_url)
    from django.db import connection

    connection.ensure_connection()
    for scenario, start in zip(scenarios, starts, strict=True):
        outcome, message = _take_part(scenario, number, start)
        if number < len(scenario.targets):
            outcomes.put((scenario.name, number, outcome, message))


def _take_part(scenario: Scenario, number: int, start) -> tuple[str, str]:
    """Wait for the common start moment, then do this process's part (if it has one)."""
    from pot.services import PotError

    try:
        start.wait(timeout=START_TIMEOUT)
        if number >= len(scenario.targets):
            return "idle", ""
        if target := scenario.targets[number]:
            _approve(target, scenario.by_id)
        else:
            _record(scenario.pot_id, scenario.by_id, scenario.amount, number)
        return "succeeded", ""
    except PotError as refusal:
        return "refused", str(refusal)
    except Exception as error:  # noqa: BLE001 - "database is locked" and the like are the finding
        return "error", f"{type(error).__name__}: {error}"


def run(database_url: str, scenarios: list[Scenario]) -> dict[str, list[tuple[str, str]]]:
    """Run the scenarios one after the other in the same processes, each from one start moment.

    Starting a process costs seconds of imports on a busy machine, the writes milliseconds:
    reusing the processes halves the run. Every process waits at each scenario's start, also
    one without a part in it, so a scenario begins only when the previous one has finished.
    Returns (outcome, message) per process and scenario.
    """
    from django.db import connections

    connections.close_all()  # the children must not share the parent's connection
    context = multiprocessing.get_context("spawn")
    count = max(len(scenario.targets) for scenario in scenarios)
    starts = [context.Barrier(count) for _ in scenarios]
    outcomes = context.Queue()
    processes = [
        context.Process(target=worker, args=(database_url, scenarios, i, starts, outcomes))
        for i in range(count)
    ]
    for process in processes:
        process.start()
    results = {scenario.name: [None] * len(scenario.targets) for scenario in scenarios}
    for _ in range(sum(len(scenario.targets) for scenario in scenarios)):
        name, number, outcome, message = outcomes.get(timeout=START_TIMEOUT * 2)
        results[name][number] = (outcome, message)
    for process in processes:
        process.join()
    return results


def check(scenario: Scenario, outcomes: list[tuple[str, str]]) -> Result:
    """Count the outcomes and hold them against the ledger."""
    from django.db.models import Sum

    from pot.choices import EntryKind, ExpenseStatus
    from pot.models import Expense, LedgerEntry, Pot

    pot = Pot.objects.get(pk=scenario.pot_id)
    balance = pot.balance()
    entries = LedgerEntry.objects.filter(pot=pot)
    funded = entries.filter(kind=EntryKind.FUNDING).aggregate(total=Sum("amount"))["total"]
    expense_entries = entries.filter(kind=EntryKind.EXPENSE)
    spent = -(expense_entries.aggregate(total=Sum("amount"))["total"] or Decimal("0"))
    succeeded = sum(outcome == "succeeded" for outcome, _ in outcomes)
    booked = Expense.objects.filter(pot=pot, status=ExpenseStatus.BOOKED).count()
    adds_up = (
        spent == funded - balance
        and expense_entries.count() == booked == succeeded
        and spent == succeeded * scenario.amount
    )
    errors = [message for outcome, message in outcomes if outcome == "error"]
    return Result(
        scenario=scenario.name,
        database=_database_label(),
        processes=len(outcomes),
        succeeded=succeeded,
        refused=sum(outcome == "refused" for outcome, _ in outcomes),
        errors=len(errors),
        balance=f"{balance:.2f}",
        ledger_adds_up=adds_up,
        expected=min(len(outcomes), int(scenario.funded // scenario.amount)),
        error_messages=sorted(set(errors)),
    )


def _database_label() -> str:
    from django.db import connection

    if connection.vendor != "sqlite":
        return f"{connection.display_name} {connection.pg_version // 10000}"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        return f"SQLite ({cursor.fetchone()[0].upper()})"


def print_table(results: list[Result]) -> None:
    print(
        "| scenario | database | processes | succeeded | refused | errors | balance"
        " | Σ entries = funded − balance |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for result in results:
        print(
            f"| {result.scenario} | {result.database} | {result.processes} | {result.succeeded}"
            f" | {result.refused} | {result.errors} | € {result.balance}"
            f" | {'yes' if result.ledger_adds_up else 'no'} |"
        )
    for result in results:
        for message in result.error_messages:
            print(f"{result.scenario}: {message}", file=sys.stderr)
        if result.succeeded != result.expected:
            print(
                f"{result.scenario}: {result.succeeded} succeeded, {result.expected} affordable",
                file=sys.stderr,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--processes", type=int, default=12, help="spending processes")
    parser.add_argument("--funded", type=Decimal, default=Decimal("150.00"))
    parser.add_argument("--amount", type=Decimal, default=Decimal("20.00"))
    parser.add_argument("--approvers", type=int, choices=range(1, 7), default=6)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    fresh_database(args.database_url, "pot")
    _django(args.database_url)
    scenarios = prepare(args.processes, args.funded, args.amount, args.approvers)
    outcomes = run(args.database_url, scenarios)
    results = [check(scenario, outcomes[scenario.name]) for scenario in scenarios]
    if args.json:
        print(json.dumps([asdict(result) | {"ok": result.ok} for result in results], indent=2))
    else:
        print_table(results)
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
