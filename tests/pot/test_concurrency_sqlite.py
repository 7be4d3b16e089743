"""On a SQLite file, gangmakers in separate processes never overdraw the pot.

In production several gunicorn worker processes write one SQLite file; the project's settings
(WAL, IMMEDIATE transactions, timeout 20) must make them queue, not fail or overdraw. The test
runner's SQLite is in memory and shared, which hides locking, so this runs
bench/pot_concurrency.py as a subprocess: a fresh file, migrated, and processes that each
open their own connection and call the real services at one start moment. On PostgreSQL
tests/pot/test_concurrency.py proves the same with threads, so this is skipped there.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="proves the SQLite file settings; PostgreSQL has tests/pot/test_concurrency.py",
)

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "pot_concurrency.py"


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    """Eight processes spend € 20 from € 100; six approve € 30 expenses from € 100."""
    database = tmp_path_factory.mktemp("pot") / "pot.sqlite3"
    command = [sys.executable, str(SCRIPT), "--database-url", f"sqlite:///{database}"]
    command += ["--processes", "8", "--funded", "100", "--amount", "20", "--json"]
    # Migrating a fresh file and starting eight Django processes takes about a minute on a
    # loaded 2-core machine; the timeout only stops a hung run.
    finished = subprocess.run(  # noqa: S603 - our own script with fixed arguments
        command, capture_output=True, text=True, timeout=600, check=False
    )
    results = {row["scenario"]: row for row in json.loads(finished.stdout or "[]")}
    return finished, results


def test_the_run_reports_no_failure(outcome):
    finished, results = outcome

    assert finished.returncode == 0, finished.stderr[-2000:]
    assert set(results) == {"spend", "approve"}
    assert all(row["database"] == "SQLite (WAL)" for row in results.values())


def test_exactly_the_affordable_expenses_are_booked_when_processes_spend_at_once(outcome):
    spend = outcome[1]["spend"]

    assert (spend["succeeded"], spend["refused"], spend["errors"]) == (5, 3, 0)
    assert spend["balance"] == "0.00"
    assert spend["ledger_adds_up"]


def test_approvals_from_separate_processes_never_overdraw_the_pot(outcome):
    approve = outcome[1]["approve"]

    assert (approve["succeeded"], approve["refused"], approve["errors"]) == (3, 3, 0)
    assert approve["balance"] == "10.00"
    assert approve["ledger_adds_up"]
