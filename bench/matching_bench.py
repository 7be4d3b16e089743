"""Benchmark of the matching engine on synthetic streets (no Django, no database).

    .venv/bin/python bench/matching_bench.py        (or: make bench-matching)

Measures how long ranking one request against 1,000 offers and the global assignment of
500 requests × 500 offers take, and, on a small street, a 300-household flat and a street
after a storm, how many requests the global assignment matches and with what total score
against greedy first-come pairing on the same data. Fixed seeds: the figures repeat.
"""

import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

# Run as a plain script from the project folder: make the project importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import flat, make_offers, make_requests, terraced_street  # noqa: E402

from matching.engine import assign, assign_greedy, rank_offers  # noqa: E402

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
    """(name, list of (requests, offers) streets): the three street types of the issue."""
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
    return [
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


def compare(streets) -> tuple[dict, dict, int, int]:
    totals = {"global": {}, "greedy": {}}
    requests_total = units_total = 0
    for requests, offers in streets:
        requests_total += len(requests)
        units_total += sum(offer.free_capacity for offer in offers)
        for name, mode in (("global", assign), ("greedy", assign_greedy)):
            for key, value in outcome(requests, mode(requests, offers, today=TODAY)).items():
                totals[name][key] = totals[name].get(key, 0) + value
    return totals["global"], totals["greedy"], requests_total, units_total


def main() -> None:
    rng = random.Random(SEED)
    print(f"Machine: {machine()}")
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
    greedy_median, _ = timed(lambda: assign_greedy(requests, offers, today=TODAY), repeat=5)
    print(
        f"Global assignment, 500 requests × 500 offers: median {median:.2f} s, "
        f"worst {worst:.2f} s (5 runs); greedy {greedy_median:.2f} s\n"
    )

    header = (
        f"{'street':<40} {'requests':>8} {'places':>6} │ {'matched':>15} {'total score':>17} "
        f"{'≥1 helper':>15} {'urgent matched':>15} {'helpers used':>13}"
    )
    print(header)
    print(
        f"{'':<40} {'':>8} {'':>6} │ {'global / greedy':>15} {'global / greedy':>17} "
        f"{'global / greedy':>15} {'global / greedy':>15} {'global / greedy':>13}"
    )
    print("─" * len(header))
    for name, streets in scenarios(rng):
        best, greedy, count, units = compare(streets)
        print(
            f"{name:<40} {count:>8} {units:>6} │ "
            f"{best['matched']:>7} / {greedy['matched']:<5} "
            f"{best['score']:>8.1f} / {greedy['score']:<6.1f} "
            f"{best['helped'] / count:>6.1%} / {greedy['helped'] / count:<6.1%} "
            f"{best['urgent_matched']:>7} / {greedy['urgent_matched']:<5} "
            f"{best['helpers']:>5} / {greedy['helpers']:<5}"
        )


if __name__ == "__main__":
    main()
