"""Benchmark of the matching engine on synthetic streets (no Django, no database).

    .venv/bin/python bench/matching_bench.py        (or: make bench-matching)

Measures how long ranking one request against 1,000 offers, the global assignment of 500
requests × 500 offers and a care rota of 14 days × 3 moments against 40 offers take, and, on
small streets, a 300-household flat and a street after a storm, how many requests the global
assignment matches, with what total score and how many urgent ones: now (the most requests
first, then the best fit), before (the total score only) and greedy first-come pairing, all
on the same data. Fixed seeds: the figures repeat; only the timings vary.
"""

import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

# Run as a plain script from the project folder: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import flat, make_offers, make_requests, make_rota, terraced_street  # noqa: E402

from matching.engine import (  # noqa: E402
    DAGDELEN,
    assign,
    assign_greedy,
    plan_rota,
    plan_rota_greedy,
    rank_offers,
)
from matching.engine.assignment import _assign  # noqa: E402


def assign_by_score_only(requests, offers, *, today):
    """The objective before issue 21: the highest total score, however many it helps."""
    return _assign(requests, offers, today=today, most_helped_first=False)


TODAY = date(2026, 11, 23)
SEED = 20261123


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cores} cores (nproc), {cpu}, Python {platform.python_version()}"


def load() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def timed(function, repeat: int) -> tuple[float, float]:
    """Median and worst wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def outcome(requests, proposals) -> dict:
    matched = {proposal.request_id for proposal in proposals}
    helped = sum(1 for r in requests if r.id in matched or r.helpers_already > 0)
    urgent = [r for r in requests if r.urgency == "dringend"]
    return {
        "matched": len(matched),
        "score": sum(proposal.score for proposal in proposals),
        "helped": helped,
        "urgent_matched": sum(1 for r in urgent if r.id in matched),
        "helpers": len({proposal.helper_id for proposal in proposals}),
    }


def scenarios(rng: random.Random):
    """(name, list of (requests, offers) streets): the street types of issues 9 and 21."""
    small = []
    for index in range(200):
        homes = terraced_street(rng, 25, located_share=0.7)
        small.append(
            (
                make_requests(rng, homes, rng.randint(3, 8), today=TODAY, first_id=index * 100),
                make_offers(rng, homes, rng.randint(3, 8), first_id=index * 100),
            )
        )
    building = flat(rng, 300, entrances=3, located_share=0.8)
    homes = terraced_street(rng, 150, located_share=0.7)
    big = terraced_street(rng, 1200, located_share=0.7)
    streets = [
        ("kleine straat (25 huishoudens) ×200", small),
        (
            "flat (300 huishoudens)",
            [(make_requests(rng, building, 90, today=TODAY), make_offers(rng, building, 60))],
        ),
        (
            "straat na een storm (150 huishoudens)",
            [
                (
                    make_requests(rng, homes, 120, today=TODAY, storm=True),
                    make_offers(rng, homes, 30),
                )
            ],
        ),
        (
            "500 verzoeken × 500 aanbiedingen",
            [(make_requests(rng, big, 500, today=TODAY), make_offers(rng, big, 500))],
        ),
    ]
    # Drawn last, so that the streets above are those of the first benchmark (issue 9).
    # Long streets with few helpers: where a near helper is some neighbour's only option.
    long_streets = []
    for index in range(200):
        homes = terraced_street(rng, 400, located_share=0.7)
        long_streets.append(
            (
                make_requests(rng, homes, rng.randint(10, 20), today=TODAY, first_id=index * 100),
                make_offers(rng, homes, rng.randint(5, 10), first_id=index * 100),
            )
        )
    streets.insert(1, ("lange straat (400), weinig aanbod ×200", long_streets))
    return streets


MODES = (("now", assign), ("before", assign_by_score_only), ("greedy", assign_greedy))


def compare(streets) -> tuple[dict, int, int, int]:
    """Totals per mode over the streets; requests, places, and streets that now help more."""
    totals = {name: Counter() for name, _mode in MODES}
    requests_total = units_total = gained = 0
    for requests, offers in streets:
        requests_total += len(requests)
        units_total += sum(offer.free_capacity for offer in offers)
        matched = {}
        for name, mode in MODES:
            result = outcome(requests, mode(requests, offers, today=TODAY))
            totals[name].update(result)
            matched[name] = result["matched"]
        gained += matched["now"] > matched["before"]
    return totals, requests_total, units_total, gained


def rota_figures(rng) -> None:
    """A fortnight of three visits a day, and of evening meals, against 40 neighbours' offers."""
    homes = terraced_street(rng, 150, located_share=0.7)
    for label, dagdelen, category in (
        ("14 days × 3 moments (ochtend, middag, avond)", DAGDELEN, "gezelschap"),
        ("14 days × 1 moment (avond: a warm meal)", ("avond",), "maaltijd"),
        ("14 days × 1 moment (avond), a street's 40 offers as they come", ("avond",), None),
    ):
        rota = make_rota(
            rng,
            homes,
            start=TODAY,
            days=14,
            dagdelen=dagdelen,
            category=category or "maaltijd",
            per_week=2,
        )
        # Every offer includes the rota's category (the most work), or as drawn for a street.
        offers = make_offers(rng, homes, 40, category=category)
        median, worst = timed(lambda: plan_rota(rota, offers, today=TODAY), repeat=20)  # noqa: B023
        plan = plan_rota(rota, offers, today=TODAY)
        greedy = plan_rota_greedy(rota, offers, today=TODAY)
        fitting = sum(rota.category in offer.categories for offer in offers)
        print(f"Rota, {label}, against 40 offers ({fitting} offer {rota.category}):")
        print(f"  plan_rota: median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (20 runs)")
        for name, result in (("plan", plan), ("greedy", greedy)):
            loads = sorted(len(share.moments) for share in result.shares)
            print(
                f"  {name:<6} covers {len(rota.moments) - len(result.gaps)} of "
                f"{len(rota.moments)} moments ({result.coverage:.0%}), {len(loads)} helpers, "
                f"moments per helper {loads[0] if loads else 0}–{loads[-1] if loads else 0}"
            )
        # Reasons are codes (the site renders them per reader): printed as stored.
        print(f"  e.g. {[reason.as_json() for reason in plan.shares[0].reasons]}")
    print()


def main() -> None:
    rng = random.Random(SEED)
    print(f"Machine: {machine()}; {load()}")
    print(f"Seed {SEED}, today {TODAY.isoformat()}\n")

    big = terraced_street(rng, 2000, located_share=0.7)
    offers = make_offers(rng, big, 1000)
    probes = make_requests(rng, big, 200, today=TODAY)
    rank_times = []
    for probe in probes:
        start = time.perf_counter()
        rank_offers(probe, offers, today=TODAY, limit=3)
        rank_times.append(time.perf_counter() - start)
    rank_times.sort()
    print(
        "Rank one request against 1,000 offers: "
        f"median {statistics.median(rank_times) * 1000:.1f} ms, "
        f"p95 {rank_times[int(len(rank_times) * 0.95)] * 1000:.1f} ms (200 requests)"
    )

    requests = make_requests(rng, big, 500, today=TODAY)
    offers = make_offers(rng, big, 500)
    median, worst = timed(lambda: assign(requests, offers, today=TODAY), repeat=5)
    before_median, _ = timed(lambda: assign_by_score_only(requests, offers, today=TODAY), 5)
    greedy_median, _ = timed(lambda: assign_greedy(requests, offers, today=TODAY), repeat=5)
    print(
        f"Global assignment, 500 requests × 500 offers: median {median:.2f} s, "
        f"worst {worst:.2f} s (5 runs); before (score only) {before_median:.2f} s; "
        f"greedy {greedy_median:.2f} s\n"
    )

    rota_figures(random.Random(SEED + 1))

    header = (
        f"{'street':<40} {'requests':>8} {'places':>6} │ {'matched':>17} "
        f"{'total score':>23} {'≥1 helper':>23} {'urgent matched':>17} {'more':>5}"
    )
    print(header)
    print(
        f"{'':<40} {'':>8} {'':>6} │ {'now/before/greedy':>17} {'now/before/greedy':>23} "
        f"{'now/before/greedy':>23} {'now/before/greedy':>17} {'':>5}"
    )
    print("─" * len(header))
    for name, streets in scenarios(rng):
        totals, count, units, gained = compare(streets)
        now, before, greedy = (totals[mode] for mode, _function in MODES)
        print(
            f"{name:<40} {count:>8} {units:>6} │ "
            f"{now['matched']:>5}/{before['matched']:>5}/{greedy['matched']:<5} "
            f"{now['score']:>7.1f}/{before['score']:>7.1f}/{greedy['score']:<7.1f} "
            f"{now['helped'] / count:>7.1%}/{before['helped'] / count:>7.1%}/"
            f"{greedy['helped'] / count:<7.1%} "
            f"{now['urgent_matched']:>5}/{before['urgent_matched']:>5}/"
            f"{greedy['urgent_matched']:<5} {gained:>5}"
        )
    print(f"\n'more': streets where now helps more requests than before. {load()}")


if __name__ == "__main__":
    main()
