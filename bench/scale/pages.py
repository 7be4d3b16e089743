"""Page benchmark: gunicorn on loopback (2 workers), loaded with wrk; each page as a share of a
bare Django view behind the same server and middleware. Prints a Markdown table per database.

    DATABASE_URL=... .venv/bin/python bench/scale/pages.py [--duration 10] [--port 8031]
    .venv/bin/python bench/scale/pages.py --database-url sqlite:///… --database-url postgres://…
    .venv/bin/python bench/scale/pages.py --only street      # the bare view is always measured

Run on a database made by bench/scale/generate.py. Logged-in pages use sessions made here
(the coordinator's counts as verified for two-factor, as after entering a code). The cache is
whatever the settings give: local memory per worker, or Redis when REDIS_URL is set (as in
production; the anonymous street page then costs two round trips to Redis a hit).
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.scale.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from wagtail.models import Site  # noqa: E402

from accounts.models import User  # noqa: E402
from streets.choices import MemberRole  # noqa: E402
from streets.models import StreetMembership, StreetPage  # noqa: E402

# wrk prints p50..p99 but not p95; this script reports it (microseconds).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\\n", latency:percentile(95)))
  io.write(string.format("ERRORS %d\\n", summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def session_for(user, verified_device=None) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]  # the first is axes
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if verified_device is not None:
        session[DEVICE_ID_SESSION_KEY] = verified_device.persistent_id
    session.create()
    return session.session_key


def path_of(page) -> str:
    """The page's path on its own site. With more than one site (the demo has Amstelveen and the
    national one) `Page.url` is absolute; the server is reached by address, so the default site
    answers, which is the one these pages sit on."""
    return page.get_url_parts()[2]


# --only names, in the order measured; the bare view is the yardstick and always comes first.
PAGES = (
    "bare",
    "street",
    "street_member",
    "board",
    "my_help",
    "home",
    "wijk",
    "dashboard",
    "search",
    "postcode",
)


def targets(only) -> list[tuple[str, str, str | None]]:
    """(name, path, session key) for each page measured, the bare view first."""
    home = Site.objects.get(is_default_site=True).root_page
    street = StreetPage.objects.live().filter(memberships__isnull=False).order_by("-pk").first()
    member = (
        StreetMembership.objects.filter(street=street, role=MemberRole.BEWONER)
        .select_related("user")
        .first()
        .user
    )
    coordinator = User.objects.get(email="coordinator@example.org")
    device, _ = TOTPDevice.objects.get_or_create(
        user=coordinator, name="bench", defaults={"confirmed": True}
    )
    member_session = session_for(member)
    pages = {
        "bare": ("bare view", "/bench/bare/", None),
        "street": ("anonymous street page", path_of(street), None),
        "street_member": ("street page as a member", path_of(street), member_session),
        "board": ("member's board", f"/straat/{street.pk}/prikbord/", member_session),
        "my_help": ("Mijn hulp", f"/straat/{street.pk}/hulp/", member_session),
        "home": ("municipality home", path_of(home), None),
        "wijk": ("wijk page", path_of(street.get_parent()), None),
        "dashboard": (
            "welzijn dashboard (gemeente)",
            f"/signalen/gemeente/{home.pk}/",
            session_for(coordinator, device),
        ),
        "search": ("search", "/zoeken/?q=Zwaan", None),
        # The first street's postcode as generate.py writes it (3000 AA), as a visitor types it.
        "postcode": ("postcode search", "/zoeken/?q=3000+AA", None),
    }
    return [pages[key] for key in PAGES if key == "bare" or not only or key in only]


def wrk(url, session, duration, script) -> tuple[float, float, int]:
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "-s", script, url]
    if session:
        command[1:1] = ["-H", f"Cookie: {settings.SESSION_COOKIE_NAME}={session}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(
        next(line for line in out.splitlines() if line.startswith("Requests/sec")).split()[1]
    )
    p95 = int(next(line for line in out.splitlines() if line.startswith("P95_US")).split()[1])
    errors = int(next(line for line in out.splitlines() if line.startswith("ERRORS")).split()[1])
    return rps, p95 / 1000, errors


def warm(url, session) -> int:
    """Check that the page answers for this session and fill the cache of both workers.

    Requests one after the other tend to reach the same worker, which left the other one cold
    (the dashboard's first request there took seconds inside the measured run); pairs of
    concurrent requests reach both."""
    request = urllib.request.Request(url)  # noqa: S310 (loopback)
    if session:
        request.add_header("Cookie", f"{settings.SESSION_COOKIE_NAME}={session}")

    def status(_):
        return urllib.request.urlopen(request, timeout=120).status  # noqa: S310

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = set(pool.map(status, range(8)))
    return max(statuses)


def measure(pages, port, duration) -> list[tuple]:
    """Start gunicorn, load each page with wrk, stop gunicorn; one result row per page."""
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            *("cms.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.scale.settings"},
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/bench/bare/", timeout=2)  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.5)
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(WRK_SCRIPT)
            script.flush()
            results = []
            for name, path, session in pages:
                status = warm(base + path, session)
                rps, p95, errors = wrk(base + path, session, duration, script.name)
                results.append((name, path, status, rps, p95, errors, os.getloadavg()[0]))
    finally:
        server.terminate()
        server.wait()
    return results


def print_table(results, duration) -> None:
    # The bare view runs first and last: on a shared machine the load moves during a run.
    bare = (results[0][3] + results[-1][3]) / 2
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"\n{connection.vendor}, cache {cache}, gunicorn 2 workers, wrk -t2 -c8 -d{duration}s, "
        f"{os.cpu_count()} cores, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC\n"
    )
    print(f"Share of bare: against the mean of the two bare view runs ({bare:.1f} req/s).\n")
    print("| page | req/s | share of bare | p95 | errors | load | path (status) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, path, status, rps, p95, errors, load in results:
        print(
            f"| {name} | {rps:.1f} | {rps / bare:.1%} | {p95:,.0f} ms | {errors} | {load:.1f} "
            f"| {path} ({status}) |"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description="Page throughput as a share of a bare view.")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--only", nargs="+", choices=PAGES[1:], help="pages besides the bare view")
    parser.add_argument(
        "--database-url",
        action="append",
        help="measure on this database instead of DATABASE_URL; repeat for several",
    )
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    if args.database_url:
        # Django reads the database from the environment once, so each runs in its own process.
        rest = ["--duration", str(args.duration), "--port", str(args.port)]
        if args.only:
            rest += ["--only", *args.only]
        for url in args.database_url:
            environment = {**os.environ, "DATABASE_URL": url}
            subprocess.run([sys.executable, __file__, *rest], env=environment, check=True)
        return
    pages = targets(args.only)
    bare_again = ("bare view, again", *pages[0][1:])
    print_table(measure([*pages, bare_again], args.port, args.duration), args.duration)


if __name__ == "__main__":
    main()
