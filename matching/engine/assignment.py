"""The engine's two modes: rank helpers for one request, or pair a whole street at once.

Inputs are sorted by id before anything else, so the output depends only on the set of
requests and offers, never on the order the database happened to return them in.
"""

from datetime import date
from operator import attrgetter

import numpy as np
from scipy.optimize import linear_sum_assignment

from .data import Offer, Proposal, Request
from .reasons import explain
from .scoring import load_factors, pair_table


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
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """The best `limit` helpers for one request, best first; one proposal per helper.

    `offers` may be all active offers of the street (or more: other streets never match).
    `excluded` holds (request_id, offer_id) pairs that must not be proposed again, such as
    proposals already made or declined.
    """
    offers = _by_id(offers, "offer")
    if limit <= 0 or not offers:
        return []
    table = pair_table([request], offers, today=today, excluded=excluded)
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
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """Pair open requests with offers so that the total score is as high as possible.

    At most one offer per request, and never more requests per offer than its free capacity.
    Each free unit of an offer becomes its own column, weighed by the load the helper would
    carry with it, and scipy's linear_sum_assignment solves the resulting assignment problem
    exactly; pairs that may not be made score 0 and are dropped. A proposal's score includes
    the load its helper carries after this run's earlier units. Sorted by request id.
    """
    requests = _by_id(requests, "request")
    offers = _by_id(offers, "offer")
    table = pair_table(requests, offers, today=today, excluded=excluded)
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
    matrix = table.base[rows][:, unit_offer] * unit_weight[None, :]
    chosen_rows, chosen_units = linear_sum_assignment(matrix, maximize=True)

    proposals = []
    for row, unit in zip(chosen_rows, chosen_units, strict=True):
        if matrix[row, unit] <= 0:
            continue
        index, column = rows[row], unit_offer[unit]
        proposals.append(
            _proposal(
                requests[index], offers[column], matrix[row, unit], table.metres[index, column]
            )
        )
    return proposals


def assign_greedy(
    requests,
    offers,
    *,
    today: date,
    excluded: frozenset[tuple[int, int]] = frozenset(),
) -> list[Proposal]:
    """First come, first served: each request in order of arrival takes its best free offer.

    The baseline that `assign` is measured against (bench/matching_bench.py); it scores pairs
    exactly as `assign` does, so the two totals can be compared. Sorted by request id.
    """
    requests = _by_id(requests, "request")
    offers = _by_id(offers, "offer")
    table = pair_table(requests, offers, today=today, excluded=excluded)
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
