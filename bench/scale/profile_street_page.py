"""Cached anonymous street page hits through the test client: queries, ms a hit against the
bare view (each timed twice, alternately, as the load moves), and a cProfile of the hits.

DATABASE_URL=... [REDIS_URL=...] .venv/bin/python bench/scale/profile_street_page.py
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.scale.settings"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from streets.models import StreetPage  # noqa: E402

ROUNDS = 300

if __name__ == "__main__":
    street = StreetPage.objects.live().filter(memberships__isnull=False).order_by("-pk").first()
    street_url = street.url  # once: Page.url itself would show in the profile
    client = Client()
    with override_settings(ALLOWED_HOSTS=["*"]):
        client.get(street_url)  # fills the cache
        with CaptureQueriesContext(connection) as queries:
            client.get(street_url)
        print(f"queries for a cache hit: {len(queries)}")
        for url in ("/bench/bare/", street_url) * 2:
            started = time.perf_counter()
            for _ in range(ROUNDS):
                client.get(url)
            elapsed = (time.perf_counter() - started) / ROUNDS * 1000
            print(f"{url}: {elapsed:.1f} ms (load average {os.getloadavg()[0]:.1f})")
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(ROUNDS):
            client.get(street_url)
        profile.disable()
    pstats.Stats(profile).sort_stats("tottime").print_stats(20)
