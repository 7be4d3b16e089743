"""A member's board and the municipality home, timed against the bare view (test client), with
the queries each makes and a cProfile of each page.

DATABASE_URL=... .venv/bin/python bench/scale/profile_board.py [--rounds 50] [--top 30]

Run on a database made by bench/scale/generate.py; the street is the one bench/scale/pages.py
measures (the newest street with members), the member one of its neighbours.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.scale.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from wagtail.models import Site  # noqa: E402

from streets.choices import MemberRole  # noqa: E402
from streets.models import StreetMembership, StreetPage  # noqa: E402


def pages() -> tuple[Client, list[tuple[str, str]]]:
    """A client logged in as a neighbour of the measured street, and the (name, url) to time."""
    street = StreetPage.objects.live().filter(memberships__isnull=False).order_by("-pk").first()
    member = (
        StreetMembership.objects.filter(street=street, role=MemberRole.BEWONER)
        .select_related("user")
        .first()
        .user
    )
    client = Client()
    client.force_login(member, backend=settings.AUTHENTICATION_BACKENDS[-1])
    home = Site.objects.get(is_default_site=True).root_page
    return client, [
        ("bare view", "/bench/bare/"),
        ("member's board", f"/straat/{street.pk}/prikbord/"),
        ("municipality home", home.url),
    ]


def show_queries(client: Client, url: str) -> int:
    """Print the queries of one (warm) request, grouped by their table, and return their count."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    by_start = Counter(q["sql"].split(" WHERE ")[0][-90:] for q in queries)
    for sql, n in by_start.most_common():
        print(f"    {n:3d} × …{sql}")
    return len(queries)


def time_page(client: Client, url: str, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        client.get(url)
    return (time.perf_counter() - started) / rounds * 1000


def profile_page(client: Client, url: str, rounds: int, top: int) -> None:
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(rounds):
        client.get(url)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Board and home against the bare view.")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--no-profile", action="store_true", help="only times and queries")
    args = parser.parse_args(argv)
    client, targets = pages()
    results = []
    with override_settings(ALLOWED_HOSTS=["*"]):
        for name, url in targets:
            client.get(url)  # per-process caches (site, templates) warm
            print(f"{name} ({url}), queries of one request:")
            count = show_queries(client, url)
            results.append((name, url, time_page(client, url, args.rounds), count))
        if not args.no_profile:
            for name, url in targets[1:]:
                print(f"\n===== cProfile, {name}, {args.rounds} requests =====")
                profile_page(client, url, args.rounds, args.top)
    bare = results[0][2]
    print(f"\n{connection.vendor}, test client, {args.rounds} requests per page")
    print(f"{'page':20} {'ms/req':>8} {'queries':>8} {'ratio':>7}  load {os.getloadavg()[0]:.1f}")
    for name, url, ms, count in results:
        print(f"{name:20} {ms:8.1f} {count:8d} {bare / ms:7.1%}  {url}")


if __name__ == "__main__":
    main()
