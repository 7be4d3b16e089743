"""The global assignment: the most neighbours first, then the best fit; one street, one result.

Checked against yardsticks built here, not in the engine: a maximum flow (scipy's
csgraph.maximum_flow) on the hard rules as the issue states them, and a MILP (scipy's HiGHS)
for the best total score among assignments that help that many neighbours.
"""

from collections import Counter
from datetime import timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import maximum_flow

from matching import engine
from matching.engine.scoring import MAX_PAIR_SCORE, load_factors, pair_table

from .engine_strategies import TODAY, assert_hard_rules, may_pair, streets

TUESDAY_MORNING = (1, "ochtend")
THURSDAY_EVENING = (3, "avond")


def most_requests_helped(requests, offers, excluded_helpers=frozenset()) -> int:
    """Maximum flow: source → request (1) → offer it may pair with (1) → sink (free places)."""
    source, sink = 0, len(requests) + len(offers) + 1
    edges = [(source, 1 + i, 1) for i in range(len(requests))]
    for i, wanted in enumerate(requests):
        for j, helper in enumerate(offers):
            if may_pair(wanted, helper, excluded_helpers=excluded_helpers):
                edges.append((1 + i, 1 + len(requests) + j, 1))
    for j, helper in enumerate(offers):
        edges.append((1 + len(requests) + j, sink, helper.capacity - helper.active_load))
    tails, heads, capacities = zip(*edges, strict=True) if edges else ((), (), ())
    graph = csr_array(
        (np.array(capacities, dtype=np.int32), (np.array(tails), np.array(heads))),
        shape=(sink + 1, sink + 1),
    )
    return int(maximum_flow(graph, source, sink).flow_value)


def best_total_score(requests, offers, count: int) -> float:
    """The highest total score of any assignment that helps exactly `count` requests.

    One variable per (request, offer, n-th place of that offer), scored as the engine scores
    a helper's n-th request of a run; solved as a 0/1 programme by HiGHS.
    """
    requests = sorted(requests, key=lambda item: item.id)
    offers = sorted(offers, key=lambda item: item.id)
    table = pair_table(requests, offers, today=TODAY)
    variables = []  # (request index, offer index, place)
    for i, j in zip(*np.nonzero(table.base > 0), strict=True):
        variables += [(i, j, place) for place in range(offers[j].free_capacity)]
    if not variables:
        return 0.0
    request_of, offer_of, place_of = (np.array(column) for column in zip(*variables, strict=True))
    weight = load_factors(table.offer_load[offer_of] + place_of, table.offer_capacity[offer_of])
    score = table.base[request_of, offer_of] * weight
    # Each (offer, n-th place) takes at most one request.
    place_keys = list(zip(offer_of.tolist(), place_of.tolist(), strict=True))
    places = {key: index for index, key in enumerate(dict.fromkeys(place_keys))}
    columns = np.arange(len(variables))
    one_offer_per_request = coo_array(
        (np.ones(len(variables)), (request_of, columns)), shape=(len(requests), len(variables))
    )
    one_request_per_place = coo_array(
        (np.ones(len(variables)), ([places[key] for key in place_keys], columns)),
        shape=(len(places), len(variables)),
    )
    result = milp(
        -score,
        integrality=np.ones(len(variables)),
        bounds=Bounds(0, 1),
        constraints=[
            LinearConstraint(one_offer_per_request, 0, 1),
            LinearConstraint(one_request_per_place, 0, 1),
            LinearConstraint(np.ones((1, len(variables))), count, count),
        ],
    )
    assert result.success
    return -result.fun


def pairs(proposals):
    return [(proposal.request_id, proposal.offer_id) for proposal in proposals]


# The reproducer and other examples


def test_an_urgent_request_that_fits_two_helpers_leaves_the_only_fitting_one_to_the_other():
    # r1: urgent, waited 28 days, fits o1 (next door) and o2 (at the far end); r2 fits only o1.
    r1 = engine.Request(
        id=1, street_id=1, requester_id=1, category="boodschappen", urgency="dringend",
        created_on=TODAY - timedelta(days=28), slots={TUESDAY_MORNING}, house_number="10",
    )  # fmt: skip
    r2 = engine.Request(
        id=2, street_id=1, requester_id=2, category="boodschappen", created_on=TODAY,
        slots={THURSDAY_EVENING}, house_number="31",
    )  # fmt: skip
    o1 = engine.Offer(
        id=1, street_id=1, helper_id=11, categories={"boodschappen"},
        slots={TUESDAY_MORNING, THURSDAY_EVENING}, house_number="12",
    )  # fmt: skip
    o2 = engine.Offer(
        id=2, street_id=1, helper_id=12, categories={"boodschappen"},
        slots={TUESDAY_MORNING}, house_number="210",
    )  # fmt: skip
    # On its own, r1 with o1 scores more than both other pairs together.
    table = pair_table([r1, r2], [o1, o2], today=TODAY)
    assert table.base[0, 0] > table.base[0, 1] + table.base[1, 0]

    proposals = engine.assign([r1, r2], [o1, o2], today=TODAY)

    assert pairs(proposals) == [(1, 2), (2, 1)]
    assert proposals[0].reasons[0] == engine.Reason.of("doors_along", doors=100)


def test_a_helper_who_declined_through_one_offer_is_not_assigned_through_another():
    wanted = engine.Request(id=5, street_id=1, requester_id=1, category="klusje", created_on=TODAY)
    first = engine.Offer(id=1, street_id=1, helper_id=7, categories={"klusje"})
    second = engine.Offer(id=2, street_id=1, helper_id=7, categories={"klusje", "tuin"})

    assert engine.assign([wanted], [first, second], today=TODAY, excluded_helpers={(5, 7)}) == []
    assert engine.rank_offers(wanted, [first, second], today=TODAY, excluded_helpers={(5, 7)}) == []
    # Another request of the street may still go to the same helper.
    assert engine.rank_offers(
        engine.Request(id=6, street_id=1, requester_id=2, category="tuin", created_on=TODAY),
        [first, second],
        today=TODAY,
        excluded_helpers={(5, 7)},
    )


# Properties on random streets

excluded_helpers = st.frozensets(st.tuples(st.integers(1, 10_000), st.integers(1, 12)), max_size=6)
# Three categories: helpers are scarce and requests compete, as after a storm.
dense_streets = streets(categories=("boodschappen", "klusje", "anders"))


@st.composite
def contested_streets(draw):
    """The reproducer's shape with random weights and distances, among random neighbours:
    one request fits a near and a far helper, another fits only the near one."""
    first, second = (1, "ochtend"), (3, "avond")
    near, far = draw(st.integers(1, 60)), draw(st.integers(61, 400))
    waited = st.integers(0, 40).map(lambda days: TODAY - timedelta(days=days))
    urgency = st.sampled_from(engine.URGENCIES)
    strong = engine.Request(
        id=1, street_id=1, requester_id=1, category="klusje", slots={first},
        created_on=draw(waited), urgency=draw(urgency),
        house_number=str(near + draw(st.integers(0, 4))),
    )  # fmt: skip
    weak = engine.Request(
        id=2, street_id=1, requester_id=2, category="klusje", slots={second},
        created_on=draw(waited), urgency=draw(urgency), helpers_already=draw(st.integers(0, 2)),
        house_number=str(draw(st.integers(1, 400))),
    )  # fmt: skip
    both = engine.Offer(
        id=1, street_id=1, helper_id=11, categories={"klusje"}, slots={first, second},
        house_number=str(near),
    )  # fmt: skip
    only_first = engine.Offer(
        id=2, street_id=1, helper_id=12, categories={"klusje"}, slots={first},
        house_number=str(far),
    )  # fmt: skip
    requests, offers = draw(streets(street_ids=(1,), first_id=100, max_requests=6, max_offers=4))
    return [strong, weak, *requests], [both, only_first, *offers]


@settings(max_examples=200, deadline=None)
@given(st.one_of(streets(), dense_streets, contested_streets()), st.data())
def test_as_many_requests_get_a_helper_as_any_assignment_could_help(street, data):
    requests, offers = street
    # Exclusions that touch this street's requests, to check them too.
    excluded = data.draw(
        st.frozensets(
            st.tuples(st.sampled_from([r.id for r in requests] or [0]), st.integers(1, 12)),
            max_size=4,
        )
    )

    best = engine.assign(requests, offers, today=TODAY, excluded_helpers=excluded)
    greedy = engine.assign_greedy(requests, offers, today=TODAY, excluded_helpers=excluded)

    assert_hard_rules(best, requests, offers, excluded)
    assert_hard_rules(greedy, requests, offers, excluded)
    assert len({p.request_id for p in best}) == len(best)
    assert len(best) == most_requests_helped(requests, offers, excluded)
    assert len(best) >= len(greedy)
    if len(greedy) == len(best):
        assert sum(p.score for p in best) >= sum(p.score for p in greedy) - 1e-9


@settings(max_examples=100, deadline=None)
@given(st.one_of(dense_streets, contested_streets()))
def test_among_assignments_that_help_the_most_requests_the_total_score_is_the_highest(street):
    requests, offers = street
    proposals = engine.assign(requests, offers, today=TODAY)

    best = best_total_score(requests, offers, len(proposals))
    assert sum(p.score for p in proposals) >= best - 1e-6


@settings(max_examples=100, deadline=None)
@given(streets())
def test_no_pair_ever_scores_above_the_bound_the_assignment_relies_on(street):
    requests, offers = street
    table = pair_table(requests, offers, today=TODAY)
    assert (table.base <= MAX_PAIR_SCORE).all()


@settings(max_examples=100, deadline=None)
@given(
    streets(street_ids=(1,), latitude=51.920),
    streets(street_ids=(2,), latitude=53.215, first_id=20_000),
)
def test_a_streets_proposals_are_the_same_whether_or_not_another_street_is_in_the_call(
    street_a, street_b
):
    # Street A in Rotterdam, street B in Groningen: far apart in latitude.
    requests_a, offers_a = street_a
    requests_b, offers_b = street_b
    together = engine.assign(requests_a + requests_b, offers_a + offers_b, today=TODAY)

    alone = engine.assign(requests_a, offers_a, today=TODAY)
    assert [p for p in together if p.request_id in {r.id for r in requests_a}] == alone
    for wanted in requests_a:
        assert engine.rank_offers(wanted, offers_a + offers_b, today=TODAY) == engine.rank_offers(
            wanted, offers_a, today=TODAY
        )


@settings(max_examples=100, deadline=None)
@given(streets(), excluded_helpers)
def test_an_excluded_helper_is_never_proposed_for_that_request_through_any_offer(street, excluded):
    requests, offers = street
    proposals = engine.assign(requests, offers, today=TODAY, excluded_helpers=excluded)
    for wanted in requests:
        proposals += engine.rank_offers(wanted, offers, today=TODAY, excluded_helpers=excluded)

    assert not {(p.request_id, p.helper_id) for p in proposals} & excluded
    assert max(Counter(pairs(proposals)).values(), default=0) <= 2  # assign once, rank once
