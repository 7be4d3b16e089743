"""Page benchmark: gunicorn on loopback (2 workers), loaded with wrk; each page as a share of a
bare Django view behind the same server and middleware.

    DATABASE_URL=... .venv/bin/python bench/scale/pages.py [--duration 10] [--port 8031]

Run on a database made by bench/scale/generate.py. Logged-in pages use sessions made here
(the coordinator's counts as verified for two-factor, as after entering a code).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
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


def targets() -> list[tuple[str, str, str | None]]:
    """(name, path, session key) for each page measured."""
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
    return [
        ("bare view", "/bench/bare/", None),
        ("anonymous street page", street.url, None),
        ("member's board", f"/straat/{street.pk}/prikbord/", session_for(member)),
        ("municipality home", home.url, None),
        (
            "welzijn dashboard (gemeente)",
            f"/signalen/gemeente/{home.pk}/",
            session_for(coordinator, device),
        ),
        ("search", "/zoeken/?q=Zwaan", None),
    ]


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


def main(argv=None):
    parser = argparse.ArgumentParser(description="Page throughput as a share of a bare view.")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--port", type=int, default=8031)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    pages = targets()
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "cms.wsgi", "-w", "2", "-b", f"127.0.0.1:{args.port}"],
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
                # Check that the page answers 200 for this session, then warm the cache.
                request = urllib.request.Request(base + path)  # noqa: S310 (loopback)
                if session:
                    request.add_header("Cookie", f"{settings.SESSION_COOKIE_NAME}={session}")
                status = urllib.request.urlopen(request, timeout=60).status  # noqa: S310
                rps, p95, errors = wrk(base + path, session, args.duration, script.name)
                results.append((name, path, status, rps, p95, errors, os.getloadavg()[0]))
    finally:
        server.terminate()
        server.wait()
    bare = results[0][3]
    print(f"{connection.vendor}, gunicorn 2 workers, wrk -t2 -c8 -d{args.duration}s")
    print(f"{'page':32} {'req/s':>8} {'ratio':>7} {'p95 ms':>8} {'errors':>6} {'load':>5}  path")
    for name, path, status, rps, p95, errors, load in results:
        print(
            f"{name:32} {rps:8.1f} {rps / bare:7.1%} {p95:8.1f} {errors:6d} {load:5.1f}  "
            f"{path} ({status})"
        )


if __name__ == "__main__":
    main()
