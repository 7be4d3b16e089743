"""backup_db and restore_db: a backup restored into an empty database holds every row.

Runs on the database the suite runs on: SQLite (the online backup API) in `make test`,
PostgreSQL (pg_dump / pg_restore of the local server) in `make test-postgres`.
"""

import os
import stat
import threading
import uuid
from io import StringIO
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, connections

from ops.models import Heartbeat
from pot.models import LedgerEntry, Tip
from streets.models import EventPage, StreetMembership, StreetPage
from tests.accounts.factories import OfflineUserFactory
from tests.pot.factories import TipFactory, funded_pot
from tests.streets.factories import EventPageFactory, MembershipFactory

# Real commits, so pg_dump (another connection) sees the rows; serialized_rollback puts back the
# rows the migrations made (Wagtail's root page and site) for the tests that run after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _snapshot() -> dict[str, list[tuple]]:
    """Every row of every model table in the database, in primary-key order."""
    rows = {}
    tables = set(_tables())
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or model._meta.db_table not in tables:
            continue
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values_list())
    return rows


def _tables() -> list[str]:
    return connection.introspection.table_names()


def _empty_the_database() -> None:
    """Drop every table: what a new server looks like before a restore."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        else:
            cursor.execute("PRAGMA foreign_keys = OFF")
            # Virtual (full-text) tables first: dropping them drops their shadow tables too.
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY sql NOT LIKE 'CREATE VIRTUAL%'"
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TABLE IF EXISTS "{name}"')
            cursor.execute("PRAGMA foreign_keys = ON")


@pytest.fixture
def street_life(world):
    """Demo-like data: streets with members (one not online), gangmakers, events, a funded pot
    with its ledger, and a tip for the gangmaker."""
    for street in (world.street_a, world.street_b):
        EventPageFactory(parent=street, title=f"Liftkoffie {street.title}")
    MembershipFactory(street=world.street_a, user=OfflineUserFactory(first_name="Truus"))
    funded_pot(world.street_a)
    TipFactory(street=world.street_a, created_by=world.bewoner_a, about="nr. 14")
    return world


@pytest.fixture
def schema_back_if_broken():
    """If a failing restore left no tables, put the schema back for the tests after this one."""
    yield
    if "django_migrations" not in _tables():
        call_command("migrate", verbosity=0)


def test_a_backup_restored_into_an_empty_database_finds_every_row(
    street_life, tmp_path, schema_back_if_broken
):
    before = _snapshot()
    backup = tmp_path / "liefleed.backup"
    call_command("backup_db", output=backup, stdout=StringIO(), stderr=StringIO())

    _empty_the_database()
    assert _tables() == []
    call_command("restore_db", str(backup), interactive=False, stdout=StringIO())

    after = _snapshot()
    assert after == before
    # Spelled out for the reader: the street, its people and its events are all back.
    assert StreetPage.objects.filter(title="Zwaanshals").exists()
    assert StreetMembership.objects.filter(user__first_name="Truus", user__email=None).exists()
    assert EventPage.objects.filter(title="Liftkoffie Bergweg").exists()
    assert LedgerEntry.objects.filter(pot__street=street_life.street_a).exists()
    assert Tip.objects.filter(street=street_life.street_a, about="nr. 14").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the SQLite test database lives in memory, where a second writer thread fails on "
    "table locks instead of waiting; SQLite's backup API is consistent by design",
)
def test_a_backup_taken_while_someone_keeps_writing_restores_a_consistent_snapshot(
    db, tmp_path, schema_back_if_broken
):
    written: list[int] = []
    stop = threading.Event()

    def keep_writing():
        try:
            while not stop.is_set():
                row = Heartbeat.objects.create(
                    token=uuid.uuid4().hex, worker_host="w", worker_pid=1
                )
                written.append(row.pk)
        finally:
            connections.close_all()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 20 and writer.is_alive():
            stop.wait(0.05)
        before = len(written)
        call_command("backup_db", output=tmp_path / "b.dump", stdout=StringIO(), stderr=StringIO())
        after = len(written)
    finally:
        stop.set()
        writer.join()
    assert after > before  # the writer really kept going during the backup

    _empty_the_database()
    call_command("restore_db", str(tmp_path / "b.dump"), interactive=False, stdout=StringIO())

    restored = list(Heartbeat.objects.order_by("pk").values_list("pk", flat=True))
    # One moment in time: every row written before it, none after it, no gaps.
    assert before <= len(restored) <= after
    assert restored == written[: len(restored)]


def test_a_backup_is_readable_by_its_owner_only(world, tmp_path):
    backup = tmp_path / "liefleed.backup"

    call_command("backup_db", output=backup, stdout=StringIO(), stderr=StringIO())

    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600


def test_a_backup_never_overwrites_an_earlier_one(world, tmp_path):
    earlier = tmp_path / "liefleed.backup"
    earlier.write_bytes(b"eerdere reservekopie")

    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup_db", output=earlier, stdout=StringIO(), stderr=StringIO())

    assert earlier.read_bytes() == b"eerdere reservekopie"


def test_without_output_the_backup_goes_to_the_backup_dir_and_its_path_is_printed(
    world, tmp_path, settings
):
    settings.BACKUP_DIR = tmp_path / "backups"
    out = StringIO()

    call_command("backup_db", stdout=out, stderr=StringIO())

    written = out.getvalue().strip()
    assert written.startswith(str(tmp_path / "backups" / "liefleed-default-"))
    assert os.path.getsize(written) > 0


def test_restore_asks_first_and_changes_nothing_unless_the_answer_is_ja(world, tmp_path):
    backup = tmp_path / "liefleed.backup"
    call_command("backup_db", output=backup, stdout=StringIO(), stderr=StringIO())
    StreetPage.objects.filter(pk=world.street_b.pk).update(title="Na de reservekopie")

    with (
        mock.patch("builtins.input", return_value="nee"),
        pytest.raises(CommandError, match="Afgebroken"),
    ):
        call_command("restore_db", str(backup), stdout=StringIO())

    assert StreetPage.objects.get(pk=world.street_b.pk).title == "Na de reservekopie"


def test_restore_after_ja_brings_back_what_changed_since_the_backup(world, tmp_path):
    backup = tmp_path / "liefleed.backup"
    call_command("backup_db", output=backup, stdout=StringIO(), stderr=StringIO())
    StreetPage.objects.filter(pk=world.street_b.pk).update(title="Na de reservekopie")

    with mock.patch("builtins.input", return_value="ja"):
        call_command("restore_db", str(backup), stdout=StringIO())

    assert StreetPage.objects.get(pk=world.street_b.pk).title == "Bergweg"


def test_a_file_that_is_not_a_backup_is_refused_and_the_database_is_unchanged(world, tmp_path):
    bogus = tmp_path / "vakantiefoto.jpg"
    bogus.write_bytes(b"\xff\xd8\xff\xe0 geen database" * 100)
    before = _snapshot()

    with pytest.raises(CommandError):
        call_command("restore_db", str(bogus), interactive=False, stdout=StringIO())

    assert _snapshot() == before


def test_a_missing_backup_file_is_refused_with_a_clear_message(db, tmp_path):
    with pytest.raises(CommandError, match="geen bestand"):
        call_command("restore_db", str(tmp_path / "weg.backup"), interactive=False)
