"""Load on loopback: 32 members post help requests at once against gunicorn; nothing is lost.

    .venv/bin/python bench/load_posters.py                     # SQLite file (WAL), 60 s
    .venv/bin/python bench/load_posters.py --database-url postgres://postgres@127.0.0.1:5432/liefleed_matrix_load

Creates the database afresh (a SQLite file under var/, or a PostgreSQL database whose name
contains "load", dropped and created again), migrates, makes one street with `--posters`
members, starts gunicorn on 127.0.0.1 with bench/load_settings.py (no board rate limit), logs
every member in and lets them post on the board concurrently for `--seconds`. Counts the
answers (302 = acknowledged, 200 = the form came back with an error, 5xx = failure) and then
checks that every acknowledged post is in the database. Prints one row for the table in
bench/README.md; exits non-zero on any 5xx or missing post.
"""

import argparse
import collections
import datetime
import http.cookiejar
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from fresh_db import fresh_database  # bench/ is on the path: these run as scripts

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "buren-helpen-elkaar-2026"  # noqa: S105 - throwaway load-test accounts
SETTINGS = "bench.load_settings"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _django(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare(posters: int) -> tuple[int, list[str]]:
    """One street with `posters` approved members; returns the street id and their e-mails."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
    from django.contrib.auth.hashers import make_password
    from wagtail.models import Site

    from tests.home.factories import HomePageFactory
    from tests.streets.factories import (
        MembershipFactory,
        NeighbourhoodPageFactory,
        StreetPageFactory,
    )

    site = Site.objects.get(is_default_site=True)
    home = HomePageFactory(parent=site.root_page, title="Belasting", slug="belasting")
    wijk = NeighbourhoodPageFactory(parent=home, title="Lastwijk", slug="lastwijk")
    street = StreetPageFactory(parent=wijk, title="Lastlaan", slug="lastlaan")
    password = make_password(PASSWORD)
    emails = []
    for number in range(posters):
        email = f"poster{number}@load.example.org"
        MembershipFactory(
            street=street,
            user__email=email,
            user__password=password,
            house_number=str(number + 1),
        )
        emails.append(email)
    return street.pk, emails


def _csrf(opener, url: str) -> str:
    with opener.open(url) as response:  # noqa: S310 - only http://127.0.0.1
        html = response.read().decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _post(opener, url: str, data: dict) -> int:
    body = urllib.parse.urlencode(data, doseq=True).encode()
    request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310 - only http://127.0.0.1
    try:
        with opener.open(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class Run:
    """What the poster threads share: the start line, the end of the window and the counts."""

    seconds: int
    posters: int
    stats: collections.Counter = field(default_factory=collections.Counter)
    acknowledged: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    until: float = 0.0

    def __post_init__(self):
        # Logging in hashes a password (slow on purpose): the window opens when all are in,
        # or a busy machine spends the whole window on logins.
        self.start = threading.Barrier(self.posters + 1, action=self._open)

    def _open(self) -> None:
        self.until = time.monotonic() + self.seconds

    def count(self, status, description: str | None = None) -> None:
        with self.lock:
            self.stats[status] += 1
            if description is not None:
                self.acknowledged.append(description)


def poster(base: str, street_id: int, email: str, run: Run) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    login = f"{base}/account/inloggen/"
    try:
        status = _post(
            opener,
            login,
            {"csrfmiddlewaretoken": _csrf(opener, login), "username": email, "password": PASSWORD},
        )
    except OSError:
        status = "connection error"
    run.start.wait()
    if status != 302:
        run.count(f"login {status}")
        return
    new = f"{base}/straat/{street_id}/prikbord/vraag/nieuw/"
    valid_until = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
    number = 0
    while time.monotonic() < run.until:
        number += 1
        description = f"Lastproef {email} nummer {number}"
        try:
            token = _csrf(opener, new)
            status = _post(
                opener,
                new,
                {
                    "csrfmiddlewaretoken": token,
                    "category": "boodschappen",
                    "description": description,
                    "when": "weekly",
                    "when_slots": ["1:ochtend"],
                    "urgency": "normaal",
                    "valid_until": valid_until,
                },
            )
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = "connection error"
        # 200 means the form came back with an error: not acknowledged.
        run.count(status, description if status == 302 else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT}/var/matrix-load.sqlite3")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--posters", type=int, default=32)
    parser.add_argument("--port", type=int, default=8021)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    fresh_database(args.database_url, "load")
    _django(args.database_url)
    street_id, emails = prepare(args.posters)

    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_SETTINGS_MODULE": SETTINGS}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _attempt in range(60):
            try:
                urllib.request.urlopen(f"{base}/gezondheid/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(1)
        run = Run(args.seconds, args.posters)
        threads = [
            threading.Thread(target=poster, args=(base, street_id, email, run)) for email in emails
        ]
        for thread in threads:
            thread.start()
        run.start.wait()
        started = time.monotonic()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()

    from matching.models import HelpRequest

    stored = set(
        HelpRequest.objects.filter(description__startswith="Lastproef").values_list(
            "description", flat=True
        )
    )
    missing = [d for d in run.acknowledged if d not in stored]
    errors = sum(
        count for status, count in run.stats.items() if isinstance(status, int) and status >= 500
    )
    from django.db import connection

    answers = ", ".join(f"{status} × {n}" for status, n in sorted(run.stats.items(), key=str))
    print(
        "| database | posters | seconds | answers | acknowledged | in the database "
        "| posts/s | 5xx | missing | load (1 min) |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {connection.vendor} | {args.posters} | {elapsed:.1f} | {answers} | {len(run.acknowledged)} "
        f"| {len(stored)} | {len(run.acknowledged) / elapsed:.1f} | {errors} | {len(missing)} "
        f"| {os.getloadavg()[0]:.1f} |"
    )
    return 1 if errors or missing else 0


if __name__ == "__main__":
    sys.exit(main())
