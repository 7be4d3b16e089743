"""Time the nightly re-match (matching.services.matching.rematch_all) on the generated data.

DATABASE_URL=... .venv/bin/python bench/scale/rematch.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from matching.models import HelpRequest, PostStatus  # noqa: E402
from matching.services.matching import rematch_all  # noqa: E402

if __name__ == "__main__":
    open_requests = HelpRequest.objects.filter(status=PostStatus.OPEN).count()
    started = time.perf_counter()
    proposals = rematch_all()
    elapsed = time.perf_counter() - started
    load = os.getloadavg()[0]
    print(
        f"rematch_all: {open_requests:,} open requests, {proposals:,} proposals in {elapsed:.1f} s "
        f"({connection.vendor}, load average {load:.1f})"
    )
