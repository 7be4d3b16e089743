"""A newsletter to 5,000 subscribers with one worker killed mid-send: every recipient once.

    .venv/bin/python bench/fault_newsletter.py                         # SQLite file, ORM broker
    .venv/bin/python bench/fault_newsletter.py \\
        --database-url postgres://postgres@127.0.0.1:5432/liefleed_news_fault

Runs the product's own sending (`network.newsletters.sending`) in a real `manage.py qcluster`
subprocess (bench/fault_newsletter_settings.py: 2 workers, timeout 10 s, retry 25 s, as
fault_qcluster.py). The mail backend (RecordingBackend) waits `--mail-delay` seconds per
message, as a mail server on the same machine would, and appends each message's recipient and
Message-ID to a file per process, so the count holds across processes and kills.

1. One issue is published and `start_sending` writes its 5,000 Delivery rows and enqueues one
   batch chain per worker, as the admin's "Verzenden" does.
2. Once `--kill-at` mails went out, the bench holds the senders inside the mail backend (before
   the message is written, as a slow server would), kills the first one it holds with SIGKILL
   and lets the other go on. django-q2's guard starts a new worker; the killed task is handed
   out again after `retry`, and its claimed rows are taken over.
3. When every row is marked sent (or after the settle time) the cluster is stopped and the
   recorded mails are counted per recipient. Exits non-zero on any loss or duplicate.

The rate is measured from the Delivery rows' sent_at: all mails over the whole send (kill and
retry wait included), and the steady rate before the kill. The database is created afresh: a
SQLite file under var/, or a PostgreSQL database whose name contains "fault".
"""

import argparse
import collections
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "bench.fault_newsletter_settings"
MAIL_DIR = ROOT / "var" / "fault-newsletter-mail"


class RecordingBackend(BaseEmailBackend):
    """Records each message (recipient, Message-ID) in var/fault-newsletter-mail/<pid>.log.

    While the file `hold` exists, a sender waits inside the backend with a marker naming its
    process, before anything is written: the bench kills one of them there.
    """

    def send_messages(self, email_messages):
        folder = Path(os.environ.get("FAULT_NEWSLETTER_MAIL_DIR", MAIL_DIR))
        marker = folder / "sending" / str(os.getpid())
        if (folder / "hold").exists():
            marker.parent.mkdir(exist_ok=True)
            marker.touch()
            while (folder / "hold").exists():
                time.sleep(0.01)
            marker.unlink(missing_ok=True)
        time.sleep(float(os.environ.get("FAULT_NEWSLETTER_MAIL_DELAY", "0.002")))
        lines = "".join(
            f"{m.to[0]}\t{m.extra_headers.get('Message-ID', '')}\n" for m in email_messages
        )
        with (folder / f"{os.getpid()}.log").open("a") as log:
            log.write(lines)
        return len(email_messages)


def setup_django(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        FAULT_NEWSLETTER_MAIL_DIR=str(MAIL_DIR),
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def newsletter_with_subscribers(count: int):
    """A municipality with a newsletter, one published issue and `count` confirmed readers."""
    from wagtail.models import Site

    from tests.home.factories import HomePageFactory
    from tests.network.factories import (
        NewsletterIndexPageFactory,
        NewsletterPageFactory,
        subscribers,
    )

    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page, title="Gemeente Fout", slug="fout")
    newsletter = NewsletterIndexPageFactory(parent=home)
    subscribers(newsletter, count, domain="fault.example.org")
    return NewsletterPageFactory(parent=newsletter, title="Nieuwsbrief onder vuur")


def sent_count(dispatch) -> int:
    return dispatch.deliveries.filter(sent_at__isnull=False).count()


def held_senders() -> list[int]:
    folder = MAIL_DIR / "sending"
    return [int(p.name) for p in folder.iterdir()] if folder.exists() else []


def mails_per_recipient() -> tuple[collections.Counter, set]:
    counts, message_ids = collections.Counter(), set()
    for path in MAIL_DIR.glob("*.log"):
        for line in path.read_text().splitlines():
            email, message_id = line.split("\t")
            counts[email] += 1
            message_ids.add(message_id)
    return counts, message_ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT}/var/fault-newsletter.sqlite3")
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--kill-at", type=int, default=2000, help="mails sent before the kill")
    parser.add_argument("--mail-delay", type=float, default=0.002, help="seconds per message")
    args = parser.parse_args()
    os.environ["FAULT_NEWSLETTER_MAIL_DELAY"] = str(args.mail_delay)

    shutil.rmtree(MAIL_DIR, ignore_errors=True)
    MAIL_DIR.mkdir(parents=True)
    log = ROOT / "var" / "fault-newsletter-qcluster.log"
    log.unlink(missing_ok=True)
    from fault_qcluster import start_cluster, stop_cluster, wait_for
    from fresh_db import fresh_database

    fresh_database(args.database_url, "fault")
    setup_django(args.database_url)
    from django.conf import settings
    from django.db import connection
    from django.db.models import Max, Min
    from django.utils import timezone

    from network.newsletters.models import Delivery, Dispatch
    from network.newsletters.sending import start_sending

    issue = newsletter_with_subscribers(args.subscribers)
    load_before = os.getloadavg()
    cluster = start_cluster(log)
    victim = None
    try:
        started = time.monotonic()
        dispatch = start_sending(issue, None)
        written = time.monotonic() - started
        if not wait_for(lambda: sent_count(dispatch) >= args.kill_at, 300, step=0.05):
            sys.exit("the cluster did not send: see var/fault-newsletter-qcluster.log")
        (MAIL_DIR / "hold").touch()
        if not wait_for(held_senders, 30, step=0.01):
            sys.exit("no sender was caught inside the mail backend")
        victim = held_senders()[0]
        sent_at_kill = sent_count(dispatch)
        killed_at = timezone.now()
        os.kill(victim, signal.SIGKILL)
        (MAIL_DIR / "sending" / str(victim)).unlink(missing_ok=True)
        (MAIL_DIR / "hold").unlink()
        settle = settings.Q_CLUSTER["retry"] + settings.Q_CLUSTER["timeout"] + 60
        wait_for(lambda: sent_count(dispatch) == dispatch.total, settle, step=0.5)
        finished = time.monotonic()
    finally:
        (MAIL_DIR / "hold").unlink(missing_ok=True)
        stop_cluster(cluster)
    load_after = os.getloadavg()

    counts, message_ids = mails_per_recipient()
    expected = {d.email for d in Delivery.objects.filter(dispatch=dispatch)}
    received = sum(1 for email in expected if counts[email])
    duplicates = sum(max(counts[email] - 1, 0) for email in expected)
    strangers = sum(n for email, n in counts.items() if email not in expected)
    span = Delivery.objects.filter(dispatch=dispatch).aggregate(
        first=Min("sent_at"), last=Max("sent_at")
    )
    whole = (span["last"] - Dispatch.objects.get(pk=dispatch.pk).started_at).total_seconds()
    steady = sent_at_kill / (killed_at - span["first"]).total_seconds()
    guard = "reincarnated" in log.read_text(errors="replace")
    print(
        f"database: {connection.vendor}; workers {settings.Q_CLUSTER['workers']}, "
        f"timeout {settings.Q_CLUSTER['timeout']} s, retry {settings.Q_CLUSTER['retry']} s; "
        f"mail delay {args.mail_delay * 1000:.0f} ms per message; {os.cpu_count()} cores"
    )
    print(f"load average (1/5/15 min) before {load_before}, after {load_after}")
    print(
        f"killed worker pid {victim} (SIGKILL) inside the mail backend after {sent_at_kill} "
        f"mails; guard started a new worker: {guard}"
    )
    print(
        f"recipients {len(expected)}, with a mail {received}, lost {len(expected) - received}, "
        f"duplicates {duplicates}, mails to others {strangers}, "
        f"mails recorded {sum(counts.values())}, distinct Message-IDs {len(message_ids)}"
    )
    print(
        f"writing the {len(expected)} Delivery rows (start_sending): {written:.1f} s; send rate "
        f"from the first mail to the kill: {steady:.0f} mails/s; from the start to the last "
        f"mail, kill and retry wait included: {len(expected) / whole:.0f} mails/s "
        f"({whole:.1f} s); bench {finished - started:.1f} s"
    )
    return 1 if received != len(expected) or duplicates or strangers else 0


if __name__ == "__main__":
    sys.exit(main())
