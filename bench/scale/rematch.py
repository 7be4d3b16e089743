"""Time the nightly re-match (matching.services.matching.rematch_all) on the generated data.

DATABASE_URL=... .venv/bin/python bench/scale/rematch.py [--profile]

The run writes its proposals, so a second run on the same database finds (almost) nothing left
to propose: time a fresh copy of the generated database. --profile prints cProfile's top
functions by own time and by cumulative time.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from matching.models import HelpRequest, PostStatus  # noqa: E402
from matching.services.matching import rematch_all  # noqa: E402

PROFILE_LINES = 25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary")
    options = parser.parse_args()

    open_requests = HelpRequest.objects.filter(status=PostStatus.OPEN).count()
    profile = cProfile.Profile() if options.profile else None
    # Counting queries forces the debug cursor, which costs a little; fine for a benchmark.
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        if profile:
            profile.enable()
        proposals = rematch_all()
        if profile:
            profile.disable()
        elapsed = time.perf_counter() - started
    load = os.getloadavg()[0]
    print(
        f"rematch_all: {open_requests:,} open requests, {proposals:,} proposals, "
        f"{len(queries):,} queries in {elapsed:.1f} s ({connection.vendor}, load average {load:.1f})"
    )
    if profile:
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(PROFILE_LINES)
        stats.sort_stats("cumulative").print_stats(PROFILE_LINES)


if __name__ == "__main__":
    main()
