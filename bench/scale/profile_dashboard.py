"""Time and cProfile the coordinator's welzijn dashboard for the whole municipality (test client).

DATABASE_URL=... .venv/bin/python bench/scale/profile_dashboard.py [--rounds 10] [--no-profile]

Each page is timed cold (its figures computed: their cache entry is deleted before every
request) and warm (figures from the cache, as for five minutes after a cold request); the
profile is of cold requests.

The generator makes no matches, so the first run gives a third of the generated requests a
helper (match steps proposed → accepted, a third of those done) in bulk, with a fixed seed;
later runs find them and add nothing. The coordinator's session counts as verified for
two-factor, as after entering a code.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.scale.settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from wagtail.models import Site  # noqa: E402

from accounts.models import User  # noqa: E402
from insights.choices import ScopeKind  # noqa: E402
from insights.figures.overview import cache_key  # noqa: E402
from insights.forms import PeriodForm  # noqa: E402
from matching.models import (  # noqa: E402
    HelpOffer,
    HelpRequest,
    Match,
    MatchEvent,
    MatchStatus,
    PostStatus,
)

SEED = 7
HELPED_SHARE = 3  # one request in three gets a helper


@transaction.atomic
def add_matches() -> int:
    """Accepted (and some done) matches for generated requests; none if any request has one."""
    if Match.objects.exclude(status=MatchStatus.PROPOSED).count() > 1:
        return 0  # the demo's single accepted match is not enough; more means we ran before
    rng = random.Random(SEED)
    offers: dict[int, list[tuple[int, int]]] = {}
    for pk, street_id, author_id in HelpOffer.objects.filter(status=PostStatus.OPEN).values_list(
        "pk", "street_id", "author_id"
    ):
        offers.setdefault(street_id, []).append((pk, author_id))
    taken = set(Match.objects.values_list("request_id", "offer_id"))
    now, matches, steps = timezone.now(), [], []
    requests = HelpRequest.objects.filter(status=PostStatus.OPEN).values_list(
        "pk", "street_id", "author_id", "opened_at"
    )
    for pk, street_id, author_id, opened_at in requests.order_by("pk"):
        choices = [o for o in offers.get(street_id, []) if o[1] != author_id]
        if rng.randrange(HELPED_SHARE) or not choices:
            continue
        offer_id = rng.choice(choices)[0]
        if (pk, offer_id) in taken:
            continue
        proposed = opened_at + timedelta(hours=rng.randint(1, 24))
        accepted = min(proposed + timedelta(hours=rng.randint(1, 24 * 10)), now)
        status = MatchStatus.DONE if rng.randrange(3) == 0 else MatchStatus.ACCEPTED
        matches.append(Match(street_id=street_id, request_id=pk, offer_id=offer_id, status=status))
        steps.append([(MatchStatus.PROPOSED, proposed), (MatchStatus.ACCEPTED, accepted)])
        if status == MatchStatus.DONE:
            steps[-1].append((MatchStatus.DONE, min(accepted + timedelta(days=2), now)))
    Match.objects.bulk_create(matches, batch_size=500)
    MatchEvent.objects.bulk_create(
        [
            MatchEvent(match=match, status=status, at=at)
            for match, match_steps in zip(matches, steps, strict=True)
            for status, at in match_steps
        ],
        batch_size=500,
    )
    done = [m.request_id for m in matches if m.status == MatchStatus.DONE]
    HelpRequest.objects.filter(pk__in=done).update(status=PostStatus.CLOSED)
    return len(matches)


def coordinator_client() -> Client:
    coordinator = User.objects.get(email="coordinator@example.org")
    device, _ = TOTPDevice.objects.get_or_create(
        user=coordinator, name="bench", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(coordinator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def timed(client: Client, url: str, rounds: int, forget=None) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of a request. SQLite runs inside this process,
    so its work is in the CPU figure too; on a shared machine that figure moves less."""
    walls, cpus = [], []
    for _ in range(rounds):
        if forget:
            forget()
        wall, cpu = time.perf_counter(), time.process_time()
        client.get(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--no-profile", action="store_true")
    args = parser.parse_args(argv)
    print(f"matches added: {add_matches()}")
    home = Site.objects.get(is_default_site=True).root_page
    url = f"/signalen/gemeente/{home.pk}/"
    client = coordinator_client()
    # Only this page's entry: the cache may be a Redis that others use too.
    key = cache_key(ScopeKind.MUNICIPALITY, home, *PeriodForm({}).period())

    def forget():
        cache.delete(key)

    with override_settings(ALLOWED_HOSTS=["*"]):
        response = client.get(url)  # warms the site and session caches
        assert response.status_code == 200, response.status_code
        forget()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"{url}: {len(queries)} queries when cold, {len(response.content):,} bytes")
        for name, before_each in (("cold", forget), ("warm", None)):
            wall, cpu = timed(client, url, args.rounds, before_each)
            print(
                f"{url} {name}: median {wall:.0f} ms a request, {cpu:.0f} ms of it on this "
                f"process's CPU, over {args.rounds} ({connection.vendor}, "
                f"load average {os.getloadavg()[0]:.1f})"
            )
        if args.no_profile:
            return
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.rounds):
            forget()
            client.get(url)
        profile.disable()
    pstats.Stats(profile).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(40)


if __name__ == "__main__":
    main()
