"""Backup and restore of a whole database: pg_dump/pg_restore on PostgreSQL, the SQLite
online backup API on SQLite (never a file copy: a copy taken while the site writes can be torn).

Backups hold personal data, so they are written readable by their owner only.
"""

import os
import sqlite3
import subprocess  # noqa: S404 - runs the PostgreSQL client tools with fixed arguments
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _


class BackupError(Exception):
    """A backup or restore could not be made; the message says why (Dutch, for the operator)."""


def vendor(alias: str = "default") -> str:
    """The database vendor of `alias`: "postgresql" or "sqlite" (others are refused)."""
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(
            _("Databasesoort %(vendor)s wordt niet ondersteund.") % {"vendor": vendor}
        )
    return vendor


def default_backup_path(alias: str = "default") -> Path:
    """BACKUP_DIR/liefleed-<alias>-<local time>.<dump|sqlite3>."""
    suffix = "dump" if vendor(alias) == "postgresql" else "sqlite3"
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.BACKUP_DIR) / f"liefleed-{alias}-{stamp}.{suffix}"


def backup_database(target: Path, alias: str = "default") -> Path:
    """Write a consistent backup of database `alias` to `target` and verify that it reads back.

    The target must not exist yet: a backup never overwrites another one.
    """
    target = Path(target)
    if target.exists():
        raise BackupError(
            _("%(path)s bestaat al; kies een andere bestandsnaam.") % {"path": target}
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Create the file owner-only before anything is written to it.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        if vendor(alias) == "postgresql":
            _pg_dump(alias, target)
        else:
            _sqlite_backup(alias, target)
        verify_backup(target, alias)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def verify_backup(source: Path, alias: str = "default") -> None:
    """Raise BackupError unless `source` is a readable backup for the vendor of `alias`."""
    source = Path(source)
    if not source.is_file() or source.stat().st_size == 0:
        raise BackupError(_("%(path)s is geen bestand of is leeg.") % {"path": source})
    if vendor(alias) == "postgresql":
        # --list reads the whole table of contents: a truncated dump fails here.
        _run(["pg_restore", "--list", str(source)], env=os.environ.copy())
    else:
        with _open_readonly(source) as backup:
            try:
                result = backup.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.DatabaseError as error:
                raise BackupError(
                    _("%(path)s is geen SQLite-database: %(error)s")
                    % {"path": source, "error": error}
                ) from error
        if result != "ok":
            raise BackupError(
                _("%(path)s is beschadigd: %(result)s") % {"path": source, "result": result}
            )


def restore_database(source: Path, alias: str = "default") -> None:
    """Replace the contents of database `alias` with backup `source`.

    Stop the web and worker processes first: they would write into a database that is being
    replaced underneath them.
    """
    source = Path(source)
    verify_backup(source, alias)
    if vendor(alias) == "postgresql":
        # Our own connection would hold locks that pg_restore's DROPs wait for.
        connections[alias].close()
        _pg_restore(alias, source)
    else:
        _sqlite_restore(alias, source)


def _pg_args_and_env(alias: str) -> tuple[list[str], dict]:
    """Connection arguments for the PostgreSQL tools; the password travels in the environment,
    never on the command line (where `ps` shows it)."""
    conf = connections[alias].settings_dict
    args = ["--dbname", conf["NAME"]]
    if conf.get("HOST"):
        args += ["--host", conf["HOST"]]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", conf["USER"]]
    env = os.environ.copy()
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = conf["PASSWORD"]
    if sslmode := conf.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return args, env


def _pg_dump(alias: str, target: Path) -> None:
    args, env = _pg_args_and_env(alias)
    # Custom format: compressed, and pg_restore can restore it selectively and in parallel.
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
        + args,
        env=env,
    )


def _pg_restore(alias: str, source: Path) -> None:
    args, env = _pg_args_and_env(alias)
    # One transaction: a restore that fails halfway leaves the database as it was.
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(source),
        ],
        env=env,
    )


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _("%(tool)s is niet geïnstalleerd (PostgreSQL-clienttools).") % {"tool": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(tool)s mislukte: %(error)s") % {"tool": command[0], "error": error.stderr.strip()}
        ) from error


def _sqlite_backup(alias: str, target: Path) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        # The online backup API copies a consistent snapshot while others keep writing.
        connection.connection.backup(destination)
    finally:
        destination.close()


def _sqlite_restore(alias: str, source: Path) -> None:
    connection = connections[alias]
    connection.ensure_connection()
    with _open_readonly(source) as backup:
        # The same API in the other direction: page by page into the live database, under
        # SQLite's own locking, so no other connection ever reads a half-copied file.
        backup.backup(connection.connection)


def _open_readonly(path: Path) -> closing[sqlite3.Connection]:
    """A read-only connection to `path`, closed on exit (sqlite3's own context manager
    commits but does not close)."""
    return closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
