"""cProfile of cached anonymous street page hits, timed against the bare view (test client).

DATABASE_URL=... .venv/bin/python bench/scale/profile_street_page.py
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

ROUNDS = 50

if __name__ == "__main__":
    street = StreetPage.objects.live().filter(memberships__isnull=False).order_by("-pk").first()
    client = Client()
    with override_settings(ALLOWED_HOSTS=["*"]):
        client.get(street.url)  # fills the cache
        with CaptureQueriesContext(connection) as queries:
            client.get(street.url)
        print(f"queries for a cache hit: {len(queries)}")
        for url in ("/bench/bare/", street.url):
            started = time.perf_counter()
            for _ in range(ROUNDS):
                client.get(url)
            elapsed = (time.perf_counter() - started) / ROUNDS * 1000
            print(f"{url}: {elapsed:.1f} ms (load average {os.getloadavg()[0]:.1f})")
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(ROUNDS):
            client.get(street.url)
        profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
