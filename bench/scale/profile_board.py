"""A member's board, street page and "Mijn hulp" and the municipality home, timed against the bare view (test client), with
the queries each makes and a cProfile of each page.

DATABASE_URL=... .venv/bin/python bench/scale/profile_board.py [--rounds 50] [--top 30]

Run on a database made by bench/scale/generate.py. The pages are those bench/scale/pages.py
measures: the bare view and the home anonymously, the board of the newest street with members
as one of its neighbours (the bare view logged in shows what the session and the two-factor
check cost before any page). CPU time is printed next to wall time: on a shared machine it
varies less.
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


def pages() -> list[tuple[str, Client, str]]:
    """(name, client, url) of each page to time."""
    street = StreetPage.objects.live().filter(memberships__isnull=False).order_by("-pk").first()
    member = (
        StreetMembership.objects.filter(street=street, role=MemberRole.BEWONER)
        .select_related("user")
        .first()
        .user
    )
    neighbour = Client()
    neighbour.force_login(member, backend=settings.AUTHENTICATION_BACKENDS[-1])
    visitor = Client()
    home = Site.objects.get(is_default_site=True).root_page
    return [
        ("bare view", visitor, "/bench/bare/"),
        ("bare view, logged in", neighbour, "/bench/bare/"),
        ("member's board", neighbour, f"/straat/{street.pk}/prikbord/"),
        ("street page as member", neighbour, street.get_url_parts()[2]),
        ("Mijn hulp", neighbour, f"/straat/{street.pk}/hulp/"),
        ("municipality home", visitor, home.get_url_parts()[2]),
    ]


def show_queries(client: Client, url: str) -> int:
    """Print the queries of one (warm) request, grouped by their table, and return their count."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    by_start = Counter(q["sql"].split(" WHERE ")[0][-90:] for q in queries)
    for sql, n in by_start.most_common():
        print(f"    {n:3d} × …{sql}")
    return len(queries)


def time_page(client: Client, url: str, rounds: int) -> tuple[float, float]:
    """Wall and CPU milliseconds per request."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        client.get(url)
    return (
        (time.perf_counter() - wall) / rounds * 1000,
        (time.process_time() - cpu) / rounds * 1000,
    )


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
    targets = pages()
    results = []
    with override_settings(ALLOWED_HOSTS=["*"]):
        for name, client, url in targets:
            client.get(url)  # per-process caches (site, templates) warm
            print(f"{name} ({url}), queries of one request:")
            count = show_queries(client, url)
            results.append((name, url, *time_page(client, url, args.rounds), count))
        if not args.no_profile:
            for name, client, url in targets[2:]:
                print(f"\n===== cProfile, {name}, {args.rounds} requests =====")
                profile_page(client, url, args.rounds, args.top)
    _, _, bare_wall, bare_cpu, _ = results[0]
    print(f"\n{connection.vendor}, test client, {args.rounds} requests per page")
    print(
        f"{'page':22} {'ms/req':>7} {'ratio':>6} {'cpu ms':>7} {'ratio':>6} {'queries':>7}"
        f"  load {os.getloadavg()[0]:.1f}"
    )
    for name, url, wall, cpu, count in results:
        print(
            f"{name:22} {wall:7.2f} {bare_wall / wall:6.1%} {cpu:7.2f} {bare_cpu / cpu:6.1%}"
            f" {count:7d}  {url}"
        )


if __name__ == "__main__":
    main()
