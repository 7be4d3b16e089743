"""`make run` runs the whole product: the web server and a real qcluster, started together by
`manage.py run_all` on the embedded default (SQLite, django-q2's ORM broker).

Not pytest-django's live server: this starts the same command `make run` ends with, as its own
process group, on a fresh SQLite database in a temporary folder, with the development
settings. A neighbour asks for a meal on Friday evening in the browser; the helper who offered
exactly that finds the proposal, with its reasons, under "Mijn hulp" without anyone running a
task by hand. The database is migrated first (about 45 s); the journey itself takes seconds.
"""

import contextlib
import datetime
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.accounts.factories import DEFAULT_PASSWORD
from tests.e2e.conftest import SCREENS, STEP_TIMEOUT, Variant, Visitor

BASE_DIR = settings.BASE_DIR
PYTHON = sys.executable
# The done-when of the issue: the proposal is under "Mijn hulp" within 30 seconds.
PROPOSAL_DEADLINE_S = 30

_SEED = """
import json
from wagtail.models import Page
from tests.accounts.factories import UserFactory
from tests.home.factories import HomePageFactory
from tests.matching.factories import HelpOfferFactory
from tests.streets.factories import MembershipFactory, NeighbourhoodPageFactory, StreetPageFactory

home = HomePageFactory(parent=Page.get_first_root_node(), slug="run-all", title="Run all")
street = StreetPageFactory(
    parent=NeighbourhoodPageFactory(parent=home, slug="wijk"), slug="straat", title="Eetstraat"
)
helper = MembershipFactory(
    street=street, house_number="14",
    user=UserFactory(email="kok@example.org", first_name="Karel"),
).user
HelpOfferFactory(
    street=street, author=helper, categories=["maaltijd"], availability=["4:avond"],
    description="Ik kook op vrijdag graag een portie extra.",
)
MembershipFactory(
    street=street, house_number="12",
    user=UserFactory(email="vraagt@example.org", first_name="Vera"),
)
print(json.dumps({"street": street.pk}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(database: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "Q_"))
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }


def _manage(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def _health(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"{url}/gezondheid/", timeout=5) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> dict:
    """A migrated SQLite database in a folder of its own, with one street."""
    folder = tmp_path_factory.mktemp("make-run")
    env = _environment(folder / "db.sqlite3")
    _manage(env, "migrate", "--noinput", "-v0")
    seeded = json.loads(_manage(env, "shell", "-c", _SEED).strip().splitlines()[-1])
    return {"folder": folder, "env": env, **seeded}


def _run_all(database: dict, port: int, log: Path) -> subprocess.Popen:
    """`manage.py run_all` as `make run` starts it, in a process group of its own."""
    return subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "run_all", f"127.0.0.1:{port}", "--noreload"],
        cwd=BASE_DIR,
        env=database["env"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _processes_on(database: dict) -> list[int]:
    """Every living process started with this test's database (children of run_all run in
    sessions of their own, so their environment is what ties them to this test)."""
    marker = str(database["folder"]).encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        with contextlib.suppress(OSError):
            if marker in environ.read_bytes() and _alive(int(environ.parent.name)):
                found.append(int(environ.parent.name))
    return found


def _kill_leftovers(database: dict) -> None:
    for pid in _processes_on(database):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def product(database):
    """`manage.py run_all` serving the database, until its web server answers."""
    log = database["folder"] / "run_all.log"
    port = _free_port()
    process = _run_all(database, port, log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError):
            if _health(url)[0]:
                break
        time.sleep(0.3)
    else:
        process.kill()
        _kill_leftovers(database)
        pytest.fail("run_all kwam niet op:\n" + log.read_text()[-4000:])
    yield {"url": url, "process": process, "log": log, **database}
    # What Ctrl-C does: run_all stops both children.
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=40)
    _kill_leftovers(database)


def _alive(pid: int) -> bool:
    """Running, not ended (a zombie waits only for its parent to read its exit status)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _person(browser, product, screen: str) -> tuple:
    context = browser.new_context(viewport=SCREENS[screen], locale="nl-NL")
    context.set_default_timeout(STEP_TIMEOUT)
    return context, Visitor(context.new_page(), product["url"], Variant(screen, True))


def _next_friday() -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(4 - today.weekday()) % 7 or 7)


def test_a_request_that_fits_an_offer_reaches_the_helpers_mijn_hulp_with_the_worker_of_make_run(
    browser, product
):
    neighbour_context, neighbour = _person(browser, product, "telefoon")
    neighbour.log_in("vraagt@example.org", DEFAULT_PASSWORD)
    page = neighbour.page
    neighbour.open(f"/straat/{product['street']}/prikbord/vraag/nieuw/")
    page.get_by_label("Waarbij zoekt u hulp?").select_option(label="maaltijd")
    page.get_by_label("Vertel kort wat u nodig hebt").fill("Wie kookt vrijdag een maaltijd mee?")
    page.get_by_role("radio", name="Op één dag").check()
    page.get_by_label("Op welke dag?").fill(_next_friday().isoformat())
    page.get_by_role("group", name="Welk dagdeel").get_by_role("checkbox", name="avond").check()
    page.get_by_role("button", name="Op het prikbord zetten").click()
    expect(page.get_by_role("status")).to_have_text("Uw bericht staat op het prikbord.")
    neighbour_context.close()

    helper_context, helper = _person(browser, product, "desktop")
    helper.log_in("kok@example.org", DEFAULT_PASSWORD)
    page = helper.page
    # Nobody runs a task by hand: the qcluster of run_all makes the proposal. Reload "Mijn
    # hulp" as a helper would, until it shows or the deadline passes.
    deadline = time.monotonic() + PROPOSAL_DEADLINE_S
    proposal = page.get_by_role("region", name="Koppelingen").get_by_text(
        "Vera zoekt hulp bij maaltijd"
    )
    while True:
        helper.open(f"/straat/{product['street']}/hulp/")
        if proposal.count() or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert proposal.count() == 1, (
        "Geen voorstel binnen 30 s:\n" + product["log"].read_text()[-4000:]
    )
    helper.screenshot("make-run-mijn-hulp")
    # For the record (not asserted): seconds from the post to the worker's proposal.
    with contextlib.closing(sqlite3.connect(product["folder"] / "db.sqlite3")) as db:
        posted, proposed = db.execute(
            "SELECT p.created_at, m.created_at FROM matching_match m"
            " JOIN matching_helppost p ON p.id = m.request_id"
        ).fetchone()
    delay = datetime.datetime.fromisoformat(proposed) - datetime.datetime.fromisoformat(posted)
    print(f"voorstel na {delay.total_seconds():.1f} s")  # noqa: T201
    page.get_by_role("link", name="Bekijken en antwoorden").click()
    expect(page.get_by_text("kan op vrijdagavond")).to_be_visible()
    helper_context.close()

    status, body = _health(product["url"])
    assert status == 200, body
    assert body["checks"]["queue"]["status"] == "ok"
    assert body["checks"]["queue"]["queued"] == 0

    # Ctrl-C stops the web server and the qcluster together, with every process they forked.
    process = product["process"]
    assert len(_processes_on(product)) >= 3  # run_all, runserver, the qcluster and its own
    process.send_signal(signal.SIGINT)
    process.wait(timeout=40)
    assert process.returncode == 0
    assert _processes_on(product) == []
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{product['url']}/gezondheid/", timeout=2)  # noqa: S310
    assert "has stopped" in product["log"].read_text()


def test_when_the_web_server_cannot_start_run_all_stops_the_qcluster_and_fails(database):
    log = database["folder"] / "port-taken.log"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        process = _run_all(database, taken.getsockname()[1], log)
        try:
            process.wait(timeout=90)
        finally:
            _kill_leftovers(database)

    assert process.returncode != 0
    assert "stopte onverwacht" in log.read_text()
    assert _processes_on(database) == []
