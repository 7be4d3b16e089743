"""The matching engine: who is proposed to whom, why, and that the hard rules always hold.

Pure Python: no database. Examples first, then hypothesis properties on random streets.
"""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import choices, engine
from matching.engine.scoring import pair_table
from streets.vocabulary import Dagdeel

from .engine_strategies import TODAY, assert_hard_rules, streets

TUESDAY_MORNING = (1, "ochtend")
THURSDAY_AFTERNOON = (3, "middag")


def offer(offer_id=1, **fields):
    values = {
        "street_id": 1,
        "helper_id": 100 + offer_id,
        "categories": {"boodschappen"},
        "slots": {TUESDAY_MORNING},
    }
    values.update(fields)
    return engine.Offer(id=offer_id, **values)


def request(request_id=1, **fields):
    values = {
        "street_id": 1,
        "requester_id": 1,
        "category": "boodschappen",
        "created_on": TODAY,
        "slots": {TUESDAY_MORNING},
    }
    values.update(fields)
    return engine.Request(id=request_id, **values)


def ranked_ids(proposals):
    return [proposal.offer_id for proposal in proposals]


# The vocabulary and the engine's purity


def test_engine_uses_the_same_category_dagdeel_and_urgency_values_as_the_help_board():
    assert set(engine.CATEGORIES) == set(choices.Category.values)
    assert set(engine.DAGDELEN) == set(Dagdeel.values)
    assert set(engine.URGENCIES) == set(choices.Urgency.values)
    assert engine.ANDERS == choices.Category.ANDERS


def test_engine_imports_no_django_no_geocoder_and_never_reads_the_clock():
    for path in Path(engine.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [alias.name for alias in node.names]
                assert not any(name.startswith(("django", "geopy.geocoders")) for name in names)
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"today", "now", "utcnow"}, path


def test_an_unknown_category_or_slot_is_refused_when_the_input_is_built():
    with pytest.raises(ValueError):
        request(category="boodschapen")
    with pytest.raises(ValueError):
        offer(slots={(7, "ochtend")})
    with pytest.raises(ValueError):
        offer(categories={"hond"})
    with pytest.raises(ValueError):
        engine.Location(latitude=91, longitude=4.4)


# Who is proposed, in which order


def test_helper_three_doors_away_is_proposed_before_one_at_the_end_of_the_street():
    near = offer(1, house_number="18")
    far = offer(2, house_number="120")

    proposals = engine.rank_offers(request(house_number="12"), [far, near], today=TODAY)

    assert ranked_ids(proposals) == [1, 2]
    assert proposals[0].reasons[0].as_json() == {"code": "doors_along", "doors": 3}
    assert proposals[0].score > proposals[1].score


def test_a_neighbour_in_the_same_building_or_across_the_street_is_named_as_such():
    proposals = engine.rank_offers(
        request(house_number="40-2"),
        [offer(1, house_number="40-7"), offer(2, house_number="41"), offer(3, house_number="45")],
        today=TODAY,
    )
    reasons = {proposal.offer_id: proposal.reasons[0].as_json() for proposal in proposals}

    assert reasons == {
        1: {"code": "same_building"},
        2: {"code": "opposite"},
        3: {"code": "across_doors", "doors": 2},
    }
    assert ranked_ids(proposals) == [1, 2, 3]


def test_reasons_say_where_when_and_what_as_codes_the_site_can_render():
    [proposal] = engine.rank_offers(
        request(house_number="12", slots={TUESDAY_MORNING, THURSDAY_AFTERNOON}),
        [offer(house_number="14", slots={TUESDAY_MORNING}, categories={"boodschappen"})],
        today=TODAY,
    )

    assert [reason.as_json() for reason in proposal.reasons] == [
        {"code": "next_door"},
        {"code": "can_on", "slots": [[1, "ochtend"]]},
        {"code": "likes", "category": "boodschappen"},
    ]


def test_a_one_off_request_is_matched_on_the_weekday_of_its_date():
    on_tuesday = request(slots=set(), needed_on=date(2026, 11, 24))
    tuesday_helper = offer(1, slots={TUESDAY_MORNING})
    thursday_helper = offer(2, slots={THURSDAY_AFTERNOON})

    proposals = engine.rank_offers(on_tuesday, [tuesday_helper, thursday_helper], today=TODAY)

    assert ranked_ids(proposals) == [1]
    assert (
        engine.Reason.of("can_on_date", weekday=1, dagdeel="ochtend", day=24, month=11)
        in proposals[0].reasons
    )


def test_a_request_for_a_day_that_has_passed_or_an_expired_offer_gets_no_proposal():
    yesterday = request(slots=set(), needed_on=TODAY - timedelta(days=1))
    assert engine.rank_offers(yesterday, [offer(slots=set())], today=TODAY) == []

    next_week = request(slots=set(), needed_on=TODAY + timedelta(days=8))
    expiring = offer(1, slots=set(), valid_until=TODAY + timedelta(days=3))
    lasting = offer(2, slots=set(), valid_until=TODAY + timedelta(days=30))
    assert ranked_ids(engine.rank_offers(next_week, [expiring, lasting], today=TODAY)) == [2]


def test_coordinates_are_measured_as_a_geodesic_when_both_homes_have_them():
    home = engine.Location(51.9225, 4.4792)
    helper_home = engine.Location(51.9260, 4.4850)
    expected = geodesic((51.9225, 4.4792), (51.9260, 4.4850)).meters

    table = pair_table([request(location=home)], [offer(location=helper_home)], today=TODAY)
    [proposal] = engine.rank_offers(
        request(location=home), [offer(location=helper_home)], today=TODAY
    )

    assert table.metres[0, 0] == pytest.approx(expected, abs=1.0)
    assert proposal.reasons[0] == engine.Reason.of("metres", metres=int(round(expected, -1)))


@settings(max_examples=200, deadline=None)
@given(
    st.floats(50.7, 53.6),
    st.floats(3.3, 7.2),
    st.floats(-0.03, 0.03),
    st.floats(-0.05, 0.05),
)
def test_distances_anywhere_in_the_netherlands_are_within_a_metre_of_the_geodesic(
    latitude, longitude, north, east
):
    # Two homes up to about 4 km apart, as far as one street (or a long one) reaches.
    home = engine.Location(latitude, longitude)
    helper_home = engine.Location(latitude + north, longitude + east)

    table = pair_table([request(location=home)], [offer(location=helper_home)], today=TODAY)

    expected = geodesic(
        (home.latitude, home.longitude), (helper_home.latitude, helper_home.longitude)
    )
    assert table.metres[0, 0] == pytest.approx(expected.meters, abs=1.0)


def test_no_pair_across_streets_for_the_requester_themself_or_in_another_category():
    proposals = engine.rank_offers(
        request(requester_id=7),
        [
            offer(1, street_id=2),
            offer(2, helper_id=7),
            offer(3, categories={"tuin"}),
            offer(4, slots={THURSDAY_AFTERNOON}),
        ],
        today=TODAY,
    )
    assert proposals == []


def test_an_offer_of_anders_only_meets_a_request_of_anders():
    helper = offer(categories={"anders"}, slots=set())

    assert engine.rank_offers(request(category="boodschappen"), [helper], today=TODAY) == []
    [proposal] = engine.rank_offers(request(category="anders"), [helper], today=TODAY)
    assert engine.Reason.of("likes", category="anders") in proposal.reasons


def test_a_full_helper_is_skipped_and_a_busy_one_comes_after_an_idle_one():
    full = offer(1, capacity=2, active_load=2)
    busy = offer(2, capacity=2, active_load=1)
    idle = offer(3, capacity=2, active_load=0)

    assert ranked_ids(engine.rank_offers(request(), [full, busy, idle], today=TODAY)) == [3, 2]


def test_a_proposal_goes_to_a_small_group_with_each_helper_once():
    offers = [offer(i) for i in range(1, 11)] + [offer(11, helper_id=101)]

    proposals = engine.rank_offers(request(), offers, today=TODAY, limit=3)

    assert ranked_ids(proposals) == [1, 2, 3]
    assert len({proposal.helper_id for proposal in proposals}) == 3


def test_helpers_already_proposed_or_who_declined_are_not_proposed_again():
    # Helper 101 said no to request 1: neither of their two offers is proposed.
    offers = [offer(1, helper_id=101), offer(2, helper_id=102), offer(3, helper_id=101)]

    proposals = engine.rank_offers(
        request(), offers, today=TODAY, excluded_helpers=frozenset({(1, 101)})
    )

    assert ranked_ids(proposals) == [2]


# The whole street at once


def test_global_assignment_helps_both_neighbours_where_first_come_helps_only_one():
    # The early request can be helped by either helper; the later one only by the first.
    early = request(1, requester_id=1, created_on=TODAY - timedelta(days=3), house_number="10")
    late = request(2, requester_id=2, slots={THURSDAY_AFTERNOON}, house_number="30")
    near_both = offer(1, slots={TUESDAY_MORNING, THURSDAY_AFTERNOON}, house_number="12")
    far_tuesday = offer(2, slots={TUESDAY_MORNING}, house_number="90")

    greedy = engine.assign_greedy([early, late], [near_both, far_tuesday], today=TODAY)
    best = engine.assign([early, late], [near_both, far_tuesday], today=TODAY)

    assert [(p.request_id, p.offer_id) for p in greedy] == [(1, 1)]
    assert [(p.request_id, p.offer_id) for p in best] == [(1, 2), (2, 1)]


def test_spread_the_help_a_request_without_a_helper_goes_first():
    helped = request(1, requester_id=1, helpers_already=1)
    waiting = request(2, requester_id=2)

    [proposal] = engine.assign([helped, waiting], [offer()], today=TODAY)

    assert proposal.request_id == 2


def test_an_urgent_or_long_waiting_request_is_served_before_a_new_ordinary_one():
    ordinary = request(1, requester_id=1)
    urgent = request(2, requester_id=2, urgency="dringend")
    old = request(3, requester_id=3, created_on=TODAY - timedelta(days=40))

    assert [p.request_id for p in engine.assign([ordinary, urgent], [offer()], today=TODAY)] == [2]
    assert [p.request_id for p in engine.assign([ordinary, old], [offer()], today=TODAY)] == [3]


def test_a_helper_with_room_for_two_gets_two_but_never_a_third():
    requests = [request(i, requester_id=i) for i in range(1, 5)]

    proposals = engine.assign(requests, [offer(capacity=3, active_load=1)], today=TODAY)

    assert len(proposals) == 2


def test_a_rerun_of_the_whole_street_skips_a_helper_who_declined_and_finds_another():
    declined = frozenset({(1, 101)})  # helper 101 declined request 1 through offer 1
    offers = [offer(1, helper_id=101), offer(2, helper_id=101), offer(3, helper_id=103)]

    for mode in (engine.assign, engine.assign_greedy):
        [proposal] = mode([request()], offers, today=TODAY, excluded_helpers=declined)
        assert proposal.offer_id == 3


def test_the_same_ids_twice_are_refused():
    with pytest.raises(ValueError):
        engine.assign([request(1), request(1)], [offer()], today=TODAY)


# Properties on random streets (tests/matching/engine_strategies.py); the global assignment
# against a maximum flow, a MILP and greedy is in tests/matching/test_engine_assignment.py.


@settings(max_examples=150, deadline=None)
@given(streets())
def test_assignment_never_pairs_across_streets_over_capacity_or_outside_the_category(street):
    requests, offers = street
    for mode in (engine.assign, engine.assign_greedy):
        proposals = mode(requests, offers, today=TODAY)
        assert_hard_rules(proposals, requests, offers)
        assert len({proposal.request_id for proposal in proposals}) == len(proposals)


@settings(max_examples=100, deadline=None)
@given(streets(), st.randoms(use_true_random=False))
def test_the_same_street_gives_the_same_proposals_in_whatever_order_it_is_read(street, rnd):
    requests, offers = street
    shuffled_requests, shuffled_offers = list(requests), list(offers)
    rnd.shuffle(shuffled_requests)
    rnd.shuffle(shuffled_offers)

    assert engine.assign(requests, offers, today=TODAY) == engine.assign(
        shuffled_requests, shuffled_offers, today=TODAY
    )
    for wanted in requests:
        assert engine.rank_offers(wanted, offers, today=TODAY) == engine.rank_offers(
            wanted, shuffled_offers, today=TODAY
        )


@settings(max_examples=150, deadline=None)
@given(streets(), st.integers(1, 4))
def test_ranking_keeps_the_hard_rules_and_proposes_each_helper_once_best_first(street, limit):
    requests, offers = street
    for wanted in requests:
        proposals = engine.rank_offers(wanted, offers, today=TODAY, limit=limit)
        assert len(proposals) <= limit
        assert len({proposal.helper_id for proposal in proposals}) == len(proposals)
        assert [p.score for p in proposals] == sorted((p.score for p in proposals), reverse=True)
        assert_hard_rules(proposals, requests, offers)
