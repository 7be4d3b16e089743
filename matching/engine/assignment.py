"""The engine's two modes: rank helpers for one request, or pair a whole street at once.

Inputs are sorted by id before anything else, so the output depends only on the set of
requests and offers, never on the order the database happened to return them in. Streets are
solved one by one, so a street's proposals do not depend on the other streets in the call.

`excluded_helpers` is a set of (request_id, helper_id) pairs: a helper who said no to a
request (or was already proposed for it, or helped with it) is not asked again, through any
of their offers.
"""

from collections import defaultdict
from datetime import date
from operator import attrgetter

import numpy as np
from scipy.optimize import linear_sum_assignment

from .data import Offer, Proposal, Request
from .reasons import explain
from .scoring import MAX_PAIR_SCORE, load_factors, pair_table


def _by_id(items, kind: str) -> list:
    items = sorted(items, key=attrgetter("id"))
    for before, after in zip(items, items[1:], strict=False):
        if before.id == after.id:
            raise ValueError(f"{kind} id {after.id!r} appears twice")
    return items


def _proposal(request: Request, offer: Offer, score: float, metres: float) -> Proposal:
    return Proposal(
        request_id=request.id,
        offer_id=offer.id,
        helper_id=offer.helper_id,
        score=float(score),
        reasons=explain(request, offer, float(metres)),
    )


def rank_offers(
    request: Request,
    offers,
    *,
    today: date,
    limit: int = 3,
    excluded_helpers: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """The best `limit` helpers for one request, best first; one proposal per helper.

    `offers` may be all active offers of the street (or more: other streets never match).
    `excluded_helpers` holds (request_id, helper_id) pairs never to propose again, such as
    helpers already proposed for the request or who declined it.
    """
    offers = _by_id(offers, "offer")
    if limit <= 0 or not offers:
        return []
    table = pair_table([request], offers, today=today, excluded_helpers=excluded_helpers)
    scores = table.base[0] * load_factors(table.offer_load, table.offer_capacity)
    # Best score first; on a tie the lower offer id, so the same input gives the same group.
    order = np.lexsort((np.arange(len(offers)), -scores))
    proposals: list[Proposal] = []
    helpers: set[int] = set()
    for column in order:
        if scores[column] <= 0 or len(proposals) == limit:
            break
        offer = offers[column]
        if offer.helper_id in helpers:
            continue
        helpers.add(offer.helper_id)
        proposals.append(_proposal(request, offer, scores[column], table.metres[0, column]))
    return proposals


def assign(
    requests,
    offers,
    *,
    today: date,
    excluded_helpers: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """Help as many requests as possible, and among those ways the best-fitting one.

    At most one offer per request, and never more requests per offer than its free capacity.
    The objective is lexicographic: first the number of requests that get a helper, then the
    total score (see `_solve_street`). Each street is solved on its own; deterministic, and
    sorted by request id.
    """
    return _assign(requests, offers, today=today, excluded_helpers=excluded_helpers)


def _assign(
    requests,
    offers,
    *,
    today: date,
    excluded_helpers: frozenset[tuple[int, int]] = frozenset(),
    most_helped_first: bool = True,
) -> list[Proposal]:
    """`assign`, with the old objective (total score only) within reach of the benchmark."""
    requests = _by_id(requests, "request")
    offers = _by_id(offers, "offer")
    street_offers = defaultdict(list)
    for offer in offers:
        street_offers[offer.street_id].append(offer)
    street_requests = defaultdict(list)
    for request in requests:
        street_requests[request.street_id].append(request)
    proposals = []
    for street_id in sorted(street_requests.keys() & street_offers.keys()):
        proposals += _solve_street(
            street_requests[street_id],
            street_offers[street_id],
            today=today,
            excluded_helpers=excluded_helpers,
            most_helped_first=most_helped_first,
        )
    return sorted(proposals, key=attrgetter("request_id"))


def _solve_street(
    requests: list[Request],
    offers: list[Offer],
    *,
    today: date,
    excluded_helpers: frozenset[tuple[int, int]],
    most_helped_first: bool,
) -> list[Proposal]:
    """The assignment of one street's requests (sorted by id) to its offers (sorted by id).

    Each free unit of an offer becomes its own column, weighed by the load the helper would
    carry with it, and scipy's linear_sum_assignment solves the assignment problem exactly;
    pairs that may not be made are 0 and dropped. A proposal's score includes the load its
    helper carries after this run's earlier units.

    With `most_helped_first` every feasible entry gets a bonus of MAX_PAIR_SCORE × n, where n
    is the most pairs any assignment can hold (rows or columns, whichever is fewer). Every
    score lies in (0, MAX_PAIR_SCORE] (scoring.py). Of two assignments, one with k + 1 pairs
    is worth more than (k + 1) × bonus, one with k pairs at most k × bonus + k × MAX_PAIR_SCORE
    ≤ (k + 1) × bonus − MAX_PAIR_SCORE, since k ≤ n − 1: one pair more always wins, by a margin
    of at least MAX_PAIR_SCORE, far above rounding. So the solver maximises the number of pairs
    first and, among assignments with that many, the total score. Without it (the benchmark's
    "before") only the total score counts, which can leave a neighbour unhelped who could have
    had help.
    """
    table = pair_table(requests, offers, today=today, excluded_helpers=excluded_helpers)
    fits = table.base > 0
    rows = np.flatnonzero(fits.any(axis=1))
    if rows.size == 0:
        return []
    # No offer needs more columns than there are requests it could serve.
    units = np.minimum(table.offer_free, fits[rows].sum(axis=0))
    unit_offer = np.repeat(np.arange(len(offers)), units)
    unit_rank = np.arange(unit_offer.size) - np.repeat(np.cumsum(units) - units, units)
    unit_weight = load_factors(
        table.offer_load[unit_offer] + unit_rank, table.offer_capacity[unit_offer]
    )
    scores = table.base[rows][:, unit_offer] * unit_weight[None, :]
    matrix = scores
    if most_helped_first:
        bonus = MAX_PAIR_SCORE * min(rows.size, unit_offer.size)
        matrix = np.where(scores > 0, scores + bonus, 0.0)
    chosen_rows, chosen_units = linear_sum_assignment(matrix, maximize=True)

    proposals = []
    for row, unit in zip(chosen_rows, chosen_units, strict=True):
        if scores[row, unit] <= 0:
            continue
        index, column = rows[row], unit_offer[unit]
        proposals.append(
            _proposal(
                requests[index], offers[column], scores[row, unit], table.metres[index, column]
            )
        )
    return proposals


def assign_greedy(
    requests,
    offers,
    *,
    today: date,
    excluded_helpers: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """First come, first served: each request in order of arrival takes its best free offer.

    The baseline that `assign` is measured against (bench/matching_bench.py); it scores pairs
    exactly as `assign` does, so the two totals can be compared. Sorted by request id.
    """
    requests = _by_id(requests, "request")
    offers = _by_id(offers, "offer")
    table = pair_table(requests, offers, today=today, excluded_helpers=excluded_helpers)
    given = np.zeros(len(offers), dtype=np.int64)
    arrival = sorted(range(len(requests)), key=lambda i: (requests[i].created_on, requests[i].id))
    proposals = []
    for index in arrival:
        weight = load_factors(table.offer_load + given, table.offer_capacity)
        scores = np.where(given < table.offer_free, table.base[index] * weight, 0.0)
        if scores.size == 0:
            break
        column = int(np.argmax(scores))
        if scores[column] <= 0:
            continue
        given[column] += 1
        proposals.append(
            _proposal(requests[index], offers[column], scores[column], table.metres[index, column])
        )
    return sorted(proposals, key=lambda proposal: proposal.request_id)
