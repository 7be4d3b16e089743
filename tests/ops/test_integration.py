"""The production process model on this machine: a real gunicorn and a separate qcluster,
with production settings, against the local PostgreSQL (database liefleed_prod_it) and
Redis (database 5).

Slow and needs those servers, so it runs only when LIEFLEED_INTEGRATION is set
(`make test-integration`, which CI calls).
"""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
import redis
from django.conf import settings

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not os.environ.get("LIEFLEED_INTEGRATION"),
        reason="integratietest: draait met `make test-integration` (LIEFLEED_INTEGRATION=1)",
    ),
]

PG_SERVER = os.environ.get("LIEFLEED_IT_PG", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = "liefleed_prod_it"
REDIS_URL = os.environ.get("LIEFLEED_IT_REDIS", "redis://127.0.0.1:6379/5")
PORTS = range(8016, 8020)  # this app's range (8015 is make prod-local's)
BIN = Path(sys.executable).parent
BASE_DIR = settings.BASE_DIR


@dataclass
class Stack:
    url: str
    database_url: str
    started: datetime
    web: subprocess.Popen
    worker: subprocess.Popen
    logs: Path
    env: dict | None = None


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"Geen vrije poort in {PORTS}")


def _prepare_database(env: dict) -> None:
    """Create and migrate liefleed_prod_it. It is kept between runs, so migrate is quick; if it
    no longer fits the migrations (a rewritten migration in development), start it afresh."""
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]
        ).fetchone():
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    migrate = [str(BIN / "python"), "manage.py", "migrate", "--noinput", "--skip-checks", "-v0"]
    if subprocess.run(migrate, cwd=BASE_DIR, env=env, timeout=180, check=False).returncode:  # noqa: S603
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{PG_DATABASE}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        subprocess.run(migrate, cwd=BASE_DIR, env=env, timeout=180, check=True)  # noqa: S603


def _environment(port: int, run_id: str) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "Q_", "GUNICORN_"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"{PG_SERVER}/{PG_DATABASE}",
        "REDIS_URL": REDIS_URL,
        # A run of its own on the shared Redis: own queue, own cache keys.
        "Q_CLUSTER_NAME": f"liefleed-it-{run_id}",
        "DJANGO_CACHE_KEY_PREFIX": f"liefleed-it-{run_id}",
        "EMAIL_URL": "consolemail://",
        "DJANGO_LOG_FORMAT": "plain",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }


def _stop(process: subprocess.Popen) -> None:
    """Stop a process and everything it forked (it leads its own process group).

    SIGTERM goes to the leader only: gunicorn's master and qcluster's sentinel shut their
    children down in order (a SIGTERM to the whole group makes qcluster hang). Whatever is
    left after that, or after a leader that does not stop, is killed.
    """
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    # ProcessLookupError: the group is already empty.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=5)


def _get(url: str, timeout: float = 5) -> tuple[int, dict]:
    # As nginx would send it: the public host and the scheme it terminated.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _wait_for(condition, what: str, timeout: float, stack: Stack | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stack and (stack.web.poll() is not None or stack.worker.poll() is not None):
            break
        try:
            if result := condition():
                return result
        except OSError:
            pass
        time.sleep(0.2)
    logs = "".join(path.read_text()[-3000:] for path in stack.logs.glob("*.log")) if stack else ""
    raise AssertionError(f"{what} bleef uit na {timeout} s\n{logs}")


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    logs = tmp_path_factory.mktemp("prod-it")
    port = _free_port()
    run_id = secrets.token_hex(4)
    env = _environment(port, run_id)
    # Pages render {% static %} through the manifest storage, as in production.
    env["DJANGO_STATIC_ROOT"] = str(tmp_path_factory.mktemp("static"))
    subprocess.run(  # noqa: S603
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        timeout=180,
        check=True,
    )
    _prepare_database(env)
    started = datetime.now(UTC)
    processes = []
    try:
        for name, command in (
            ("web", [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "cms.wsgi"]),
            ("worker", [str(BIN / "python"), "manage.py", "qcluster"]),
        ):
            log = (logs / f"{name}.log").open("w")
            processes.append(
                subprocess.Popen(  # noqa: S603
                    command,
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    # Its own process group, so the tear-down reaches every child it forks.
                    start_new_session=True,
                )
            )
        web, worker = processes
        running = Stack(
            f"http://127.0.0.1:{port}", env["DATABASE_URL"], started, web, worker, logs, env
        )
        _wait_for(lambda: _get(f"{running.url}/gezondheid/")[0], "gunicorn", 30, running)
        yield running
    finally:
        for process in processes:
            _stop(process)
        # The run's queue and cache keys; the cache keys would expire anyway.
        client = redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"*liefleed-it-{run_id}*"):
            client.delete(key)


def test_the_web_process_answers_healthy_with_postgres_and_redis_behind_it(stack):
    status, body = _get(f"{stack.url}/gezondheid/")

    assert status == 200, body
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "queue": "ok",
    }


def test_a_task_enqueued_by_the_web_process_is_run_by_the_separate_qcluster_process(stack):
    # The health check puts a heartbeat task on the Redis queue (at most once a minute); the
    # database is kept between runs, so only heartbeats of this run count.
    _get(f"{stack.url}/gezondheid/")

    def processed():
        with psycopg.connect(stack.database_url) as conn:
            return conn.execute(
                "SELECT worker_pid, processed_at FROM ops_heartbeat WHERE processed_at >= %s",
                [stack.started],
            ).fetchone()

    worker_pid, _processed_at = _wait_for(processed, "de hartslagtaak", 30, stack)
    # Run by a process of the qcluster's group, not by gunicorn or by this test.
    assert os.getpgid(worker_pid) == stack.worker.pid
    assert os.getpgid(worker_pid) != stack.web.pid
    # And the web process reports a worker that is alive.
    _status, body = _get(f"{stack.url}/gezondheid/")
    assert body["checks"]["queue"]["last_heartbeat_age_s"] is not None


_SEED = """
import json, os
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from wagtail.models import Page
from tests.home.factories import HomePageFactory
from tests.matching.factories import HelpOfferFactory
from tests.streets.factories import MembershipFactory, NeighbourhoodPageFactory, StreetPageFactory
from tests.accounts.factories import UserFactory

run = os.environ["LIEFLEED_IT_RUN"]
home = HomePageFactory(parent=Page.get_first_root_node(), slug=f"it-{run}", title=f"IT {run}")
street = StreetPageFactory(parent=NeighbourhoodPageFactory(parent=home, slug="wijk"), slug="straat")
helper = MembershipFactory(street=street, user=UserFactory(email=f"helper-{run}@example.org"), house_number="14").user
HelpOfferFactory(street=street, author=helper, categories=["boodschappen"], availability=["1:ochtend"])
asker = MembershipFactory(street=street, user=UserFactory(email=f"asker-{run}@example.org"), house_number="12").user
session = import_module(settings.SESSION_ENGINE).SessionStore()
session[SESSION_KEY] = str(asker.pk)
session[BACKEND_SESSION_KEY] = "accounts.backends.AccountBackend"
session[HASH_SESSION_KEY] = asker.get_session_auth_hash()
session.create()
print(json.dumps({"street": street.pk, "session": session.session_key}))
"""


def _http(url: str, cookies: dict, data: dict | None = None) -> tuple[int, str, dict]:
    """GET or POST like a browser behind nginx (https), without following redirects."""
    import http.cookies
    import urllib.parse

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(  # noqa: S310
        url,
        data=body,
        headers={
            "X-Forwarded-Proto": "https",
            "Referer": url.replace("http://", "https://"),
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        },
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(request, timeout=15)
    except urllib.error.HTTPError as error:
        response = error
    jar = http.cookies.SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return response.status, response.read().decode(), {k: m.value for k, m in jar.items()}


def test_a_request_posted_through_the_web_is_matched_by_the_separate_qcluster(stack):
    """The issue's integration: web process → Redis → qcluster process → a proposal appears."""
    import re
    from datetime import date, timedelta

    run = secrets.token_hex(3)
    seeded = subprocess.run(  # noqa: S603
        [str(BIN / "python"), "manage.py", "shell", "-c", _SEED],
        cwd=BASE_DIR,
        # The web process's own environment: its secret key signs the session we make.
        env={**stack.env, "LIEFLEED_IT_RUN": run},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    ids = json.loads(seeded.stdout.strip().splitlines()[-1])
    cookies = {settings.SESSION_COOKIE_NAME: ids["session"]}
    form_url = f"{stack.url}/straat/{ids['street']}/prikbord/vraag/nieuw/"

    status, html, set_cookies = _http(form_url, cookies)
    assert status == 200, (stack.logs / "web.log").read_text()[-4000:]
    cookies.update(set_cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    status, html, _cookies = _http(
        form_url,
        cookies,
        {
            "csrfmiddlewaretoken": token,
            "category": "boodschappen",
            "description": "Wie neemt dinsdag boodschappen mee?",
            "when": "weekly",
            "when_slots": ["1:ochtend"],
            "urgency": "normaal",
            "valid_until": (date.today() + timedelta(days=30)).isoformat(),
        },
    )
    assert status == 302, (stack.logs / "web.log").read_text()[-4000:]

    def proposed():
        with psycopg.connect(stack.database_url) as conn:
            return conn.execute(
                "SELECT status, reasons FROM matching_match WHERE street_id = %s", [ids["street"]]
            ).fetchone()

    status, reasons = _wait_for(proposed, "het voorstel", 60, stack)
    assert status == "proposed"
    # Stored as data, written in the reader's language when shown (matching/reasons.py).
    assert {"code": "can_on", "slots": [[1, "ochtend"]]} in reasons
