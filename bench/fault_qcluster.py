"""Faults in the task queue: a worker, then the whole cluster, killed mid-task; nothing lost or twice.

    .venv/bin/python bench/fault_qcluster.py                          # SQLite file, ORM broker
    .venv/bin/python bench/fault_qcluster.py \\
        --database-url postgres://postgres@127.0.0.1:5432/liefleed_fault_d \\
        --redis-url redis://127.0.0.1:6379/7                           # PostgreSQL, Redis broker

Runs the product's own tasks in a real `manage.py qcluster` subprocess (bench/fault_settings.py:
mail to files through a backend that waits before it writes, so a kill lands while a mail is
being sent; timeout 10 s, retry 25 s).

(a) worker killed: urgent match proposals are e-mailed by `matching.tasks.send_notification`;
    the worker that is sending one is killed with SIGKILL.
(b) cluster killed: next year's pots are opened by the yearly `open_pots` command (as its
    schedule runs it) while proposals are e-mailed; the whole cluster (its process group) is
    killed with SIGKILL while both run, then started again.

After the cluster has had time for its retry, it is stopped and the side effects are counted:
the messages per recipient in the mail files and the ledger entries of the new pots (one
funding and one carry-over per pot). Then the hourly `send_digests` runs once, as its
schedule would, and they are counted again. Exits non-zero on any loss or duplicate.
The database is created afresh: a SQLite file under var/, or a PostgreSQL database whose name
contains "fault" (dropped and created again).
"""

import argparse
import collections
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "bench.fault_settings"
MAIL_DIR = ROOT / "var" / "fault-mail"
MAIL_DELAY = float(os.environ.get("FAULT_MAIL_DELAY", "2"))
TO = re.compile(r"^To: (.+)$", re.MULTILINE)


class SlowFileBackend(FileEmailBackend):
    """Leaves a marker naming its process, waits, then writes the mail to a file.

    The marker tells the bench which process is sending right now; the wait gives the kill
    time to land before the mail is written, the way a slow mail server would.
    """

    def send_messages(self, email_messages):
        marker = Path(self.file_path) / "sending" / str(os.getpid())
        marker.parent.mkdir(exist_ok=True)
        marker.write_text(" ".join(m.to[0] for m in email_messages))
        time.sleep(MAIL_DELAY)
        try:
            return super().send_messages(email_messages)
        finally:
            marker.unlink(missing_ok=True)


@dataclass
class Row:
    scenario: str
    backend: str
    tasks: int
    expected: int
    after_cluster: int
    after_hourly: int
    duplicates: int
    note: str = ""

    @property
    def lost(self) -> int:
        return self.expected - self.after_hourly


# --- preparing -------------------------------------------------------------------------------


def setup_django(database_url: str, redis_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE=SETTINGS, FAULT_MAIL_DIR=str(MAIL_DIR)
    )
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django_q.brokers import get_broker

    call_command("migrate", verbosity=0)
    get_broker().purge_queue()  # a Redis queue may hold tasks of an earlier, aborted run


def municipality(slug: str):
    from wagtail.models import Site

    from tests.home.factories import HomePageFactory
    from tests.streets.factories import NeighbourhoodPageFactory

    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page, title=f"Gemeente {slug}", slug=slug)
    return home, NeighbourhoodPageFactory(parent=home, title="Foutwijk", slug="foutwijk")


def enqueue_proposals(tag: str, count: int, wijk, midway=None) -> list[str]:
    """`count` helpers each get an urgent proposal (mailed at once, also at night); their addresses.

    `midway` is called after half of them, to put another task in the middle of the queue.
    """
    from matching.choices import Urgency
    from matching.services.lifecycle import make_match
    from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
    from tests.streets.factories import MembershipFactory, StreetPageFactory

    street = StreetPageFactory(parent=wijk, title=f"Foutstraat {tag}", slug=f"foutstraat-{tag}")
    requester = MembershipFactory(
        street=street, user__email=f"vraag-{tag}@fault.example.org", house_number="1"
    ).user
    request = HelpRequestFactory(street=street, author=requester, urgency=Urgency.URGENT)
    emails = []
    for number in range(count):
        if midway and number == count // 2:
            midway()
        email = f"helper-{tag}-{number}@fault.example.org"
        helper = MembershipFactory(
            street=street, user__email=email, house_number=str(number + 2)
        ).user
        make_match(request, HelpOfferFactory(street=street, author=helper), by=requester)
        emails.append(email)
    return emails


def streets_with_pots(home, wijk, count: int, year: int) -> list[int]:
    """`count` streets with this year's pot; the municipality carries the rest over."""
    from pot.models import PotSettings
    from pot.services import open_pot
    from tests.streets.factories import StreetPageFactory

    settings = PotSettings.objects.create(municipality=home, carry_over=True)
    ids = []
    for number in range(count):
        street = StreetPageFactory(parent=wijk, title=f"Potstraat {number}", slug=f"pot-{number}")
        open_pot(street, year - 1, settings)
        ids.append(street.pk)
    return ids


# --- the cluster -----------------------------------------------------------------------------


def start_cluster(log: Path) -> subprocess.Popen:
    """`manage.py qcluster` in its own process group, so one signal reaches all its processes."""
    with log.open("a") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_cluster(cluster: subprocess.Popen) -> None:
    os.killpg(cluster.pid, signal.SIGTERM)
    try:
        cluster.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(cluster.pid, signal.SIGKILL)
        cluster.wait()


def senders() -> list[int]:
    """The processes writing a mail right now (their markers)."""
    folder = MAIL_DIR / "sending"
    return [int(p.name) for p in folder.iterdir()] if folder.exists() else []


def clear_markers() -> None:
    """A killed sender leaves its marker behind."""
    shutil.rmtree(MAIL_DIR / "sending", ignore_errors=True)


def wait_for(condition, seconds: float, step: float = 0.05) -> bool:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if condition():
            return True
        time.sleep(step)
    return False


# --- counting --------------------------------------------------------------------------------


def mails_per_recipient() -> collections.Counter:
    counts = collections.Counter()
    for path in MAIL_DIR.iterdir():
        if path.is_file():
            counts.update(TO.findall(path.read_text(errors="replace")))
    return counts


def count_mails(emails: list[str]) -> tuple[int, int]:
    """(recipients with at least one mail, mails beyond the first)."""
    counts = mails_per_recipient()
    found = sum(1 for e in emails if counts[e])
    return found, sum(max(counts[e] - 1, 0) for e in emails)


def count_ledger(street_ids: list[int], year: int) -> tuple[int, int]:
    """(funding and carry-over entries of `year`'s pots, entries beyond one of each per pot)."""
    from django.db.models import Count

    from pot.choices import EntryKind
    from pot.models import LedgerEntry

    groups = (
        LedgerEntry.objects.filter(
            pot__street_id__in=street_ids,
            pot__year=year,
            kind__in=[EntryKind.FUNDING, EntryKind.CARRY_OVER],
        )
        .values("pot", "kind")
        .annotate(n=Count("id"))
    )
    return len(groups), sum(g["n"] - 1 for g in groups)


def hourly_run() -> None:
    """`send_digests` as its hourly schedule runs it; outside quiet hours, as at 8:05."""
    from django.utils import timezone

    from matching.services.notifications import is_quiet, send_digests

    now = timezone.now()
    while is_quiet(now):
        now += datetime.timedelta(minutes=5)
    send_digests(now=now)


# --- the scenarios ---------------------------------------------------------------------------


def settle_seconds() -> float:
    """Long enough for a killed task's retry and for it to finish."""
    from django.conf import settings

    return settings.Q_CLUSTER["retry"] + settings.Q_CLUSTER["timeout"] + 15


def worker_killed(backend: str, wijk, count: int) -> Row:
    emails = enqueue_proposals("a", count, wijk)
    cluster = start_cluster(ROOT / "var" / "fault-qcluster-a.log")
    try:
        if not wait_for(senders, 120):
            sys.exit("no worker started sending within 120 s: see var/fault-qcluster-a.log")
        victim = senders()[0]
        os.kill(victim, signal.SIGKILL)
        clear_markers()
        wait_for(lambda: count_mails(emails)[0] == count, settle_seconds(), step=0.5)
    finally:
        stop_cluster(cluster)
    after_cluster, _ = count_mails(emails)
    hourly_run()
    found, duplicates = count_mails(emails)
    return Row(
        "(a) worker killed while sending",
        backend,
        count,
        count,
        after_cluster,
        found,
        duplicates,
        note=f"killed worker pid {victim}",
    )


def cluster_killed(backend: str, home, wijk, count: int, streets: int) -> list[Row]:
    from django.utils import timezone
    from django_q.tasks import async_task

    from pot.models import Pot

    year = timezone.localdate().year + 1
    street_ids = streets_with_pots(home, wijk, streets, year)
    # As the yearly schedule enqueues it; amid the proposals, so one worker opens pots while
    # the other sends mail.
    emails = enqueue_proposals(
        "b",
        count,
        wijk,
        midway=lambda: async_task("django.core.management.call_command", "open_pots", year=year),
    )
    opened = Pot.objects.filter(street_id__in=street_ids, year=year)

    log = ROOT / "var" / "fault-qcluster-b.log"
    cluster = start_cluster(log)
    if not wait_for(lambda: 0 < opened.count() < streets and senders(), 120, step=0.02):
        stop_cluster(cluster)
        sys.exit("open_pots and a mail were not caught together: raise --streets (see the log)")
    os.killpg(cluster.pid, signal.SIGKILL)
    cluster.wait()
    at_kill = f"killed at {opened.count()}/{streets} pots, {len(senders())} mail(s) being sent"
    clear_markers()
    cluster = start_cluster(log)
    try:
        wait_for(
            lambda: count_mails(emails)[0] == count and opened.count() == streets,
            settle_seconds(),
            step=0.5,
        )
    finally:
        stop_cluster(cluster)
    mails_cluster, _ = count_mails(emails)
    ledger_cluster, _ = count_ledger(street_ids, year)
    hourly_run()
    mails, mail_duplicates = count_mails(emails)
    ledger, ledger_duplicates = count_ledger(street_ids, year)
    return [
        Row(
            "(b) cluster killed: proposal mails",
            backend,
            count,
            count,
            mails_cluster,
            mails,
            mail_duplicates,
            note=at_kill,
        ),
        Row(
            "(b) cluster killed: open_pots ledger",
            backend,
            1,
            2 * streets,
            ledger_cluster,
            ledger,
            ledger_duplicates,
            note=f"{streets} pots, funding + carry-over each",
        ),
    ]


def print_table(rows: list[Row]) -> None:
    print(
        "| scenario | broker / database | tasks enqueued | side effects expected "
        "| found after the cluster | found after hourly send_digests | duplicates | lost | note |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r.scenario} | {r.backend} | {r.tasks} | {r.expected} | {r.after_cluster} "
            f"| {r.after_hourly} | {r.duplicates} | {r.lost} | {r.note} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT}/var/fault-qcluster.sqlite3")
    parser.add_argument("--redis-url", default="", help="use the Redis broker (else the ORM)")
    parser.add_argument("--proposals", type=int, default=6, help="mails per scenario")
    parser.add_argument("--streets", type=int, default=120, help="pots opened in (b)")
    args = parser.parse_args()

    shutil.rmtree(MAIL_DIR, ignore_errors=True)
    MAIL_DIR.mkdir(parents=True)
    for log in (ROOT / "var").glob("fault-qcluster-*.log"):
        log.unlink()
    # Here, not at the top: the qcluster imports this module for its mail backend, and only
    # the script (run from bench/) has bench/ on its path.
    from fresh_db import fresh_database

    fresh_database(args.database_url, "fault")
    setup_django(args.database_url, args.redis_url)
    from django.db import connection

    backend = f"{'Redis' if args.redis_url else 'ORM'} / {connection.vendor}"
    home, wijk = municipality("fout")
    started = time.monotonic()
    rows = [worker_killed(backend, wijk, args.proposals)]
    rows += cluster_killed(backend, home, wijk, args.proposals, args.streets)
    print_table(rows)
    print(f"{time.monotonic() - started:.0f} s; cluster logs in var/fault-qcluster-[ab].log")
    return 1 if any(r.lost or r.duplicates for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
