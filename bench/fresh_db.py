"""A database made afresh for a bench run, before Django starts."""

import sys
from pathlib import Path


def fresh_database(url: str, marker: str) -> None:
    """Delete the SQLite file, or drop and create the PostgreSQL database.

    A PostgreSQL database is only dropped when its name contains `marker` ("load", "fault"),
    so a mistyped URL cannot drop a real one.
    """
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    if marker not in name:
        sys.exit(f"refusing to drop {name!r}: give a database whose name contains {marker!r}")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
