"""Random streets for the engine's property tests, and the rules every proposal must keep.

`may_pair` restates the engine's hard rules from the issue text, independently of
matching/engine/scoring.py, so that a maximum flow built on it is an honest yardstick.
"""

from collections import Counter
from datetime import date, timedelta

from hypothesis import strategies as st

from matching import engine

TODAY = date(2026, 11, 23)  # a Monday

EVERY_SLOT = tuple((weekday, dagdeel) for weekday in range(7) for dagdeel in engine.DAGDELEN)
house_numbers = st.one_of(st.just(""), st.integers(1, 60).map(str), st.just("12a"))


def locations(latitude: float = 51.920, longitude: float = 4.470):
    """No coordinates, or a home within about 500 m of (latitude, longitude)."""
    return st.one_of(
        st.none(),
        st.builds(
            engine.Location,
            latitude=st.floats(latitude, latitude + 0.005),
            longitude=st.floats(longitude, longitude + 0.005),
        ),
    )


@st.composite
def streets(
    draw,
    street_ids=(1, 2),
    categories=engine.CATEGORIES,
    latitude=51.920,
    max_requests=12,
    max_offers=10,
    first_id=1,
    slot_pool=EVERY_SLOT,
    house_numbers=house_numbers,
):
    """(requests, offers) of the given streets; ids unique from `first_id` on.

    Fewer `categories` and a smaller `slot_pool` make a denser street, where requests compete
    for the same helpers.
    """
    category = st.sampled_from(categories)
    slots = st.frozensets(st.sampled_from(slot_pool), max_size=4)
    ids = st.integers(first_id, first_id + 9_999)
    request_list = draw(
        st.lists(
            st.builds(
                engine.Request,
                id=ids,
                street_id=st.sampled_from(street_ids),
                requester_id=st.integers(1, 12),
                category=category,
                created_on=st.dates(TODAY - timedelta(days=60), TODAY),
                slots=slots,
                needed_on=st.one_of(
                    st.none(), st.dates(TODAY - timedelta(days=2), TODAY + timedelta(days=14))
                ),
                urgency=st.sampled_from(engine.URGENCIES),
                helpers_already=st.integers(0, 2),
                location=locations(latitude),
                house_number=house_numbers,
            ),
            max_size=max_requests,
            unique_by=lambda item: item.id,
        )
    )
    offer_list = draw(
        st.lists(
            st.builds(
                engine.Offer,
                id=ids,
                street_id=st.sampled_from(street_ids),
                helper_id=st.integers(1, 12),
                categories=st.frozensets(category, min_size=1, max_size=4),
                slots=slots,
                capacity=st.integers(0, 3),
                active_load=st.integers(0, 3),
                location=locations(latitude),
                house_number=house_numbers,
                valid_until=st.one_of(
                    st.none(), st.dates(TODAY - timedelta(days=2), TODAY + timedelta(days=20))
                ),
            ),
            max_size=max_offers,
            unique_by=lambda item: item.id,
        )
    )
    return request_list, offer_list


def may_pair(request, offer, *, today=TODAY, excluded_helpers=frozenset()) -> bool:
    """The hard rules, as the issue states them: may this helper be asked for this request?"""
    if request.street_id != offer.street_id or request.requester_id == offer.helper_id:
        return False
    if request.category not in offer.categories or offer.capacity <= offer.active_load:
        return False
    if (request.id, offer.helper_id) in excluded_helpers:
        return False
    if request.needed_on is not None and request.needed_on < today:
        return False
    day = request.needed_on or today
    if offer.valid_until is not None and offer.valid_until < day:
        return False
    wanted = set(request.slots)
    if request.needed_on is not None:
        weekday = request.needed_on.weekday()
        wanted = {slot for slot in wanted if slot[0] == weekday} or {
            (weekday, dagdeel) for dagdeel in engine.DAGDELEN
        }
    return not (wanted and offer.slots and not wanted & offer.slots)


def assert_hard_rules(proposals, requests, offers, excluded_helpers=frozenset()):
    by_request = {item.id: item for item in requests}
    by_offer = {item.id: item for item in offers}
    for proposal in proposals:
        wanted, helper = by_request[proposal.request_id], by_offer[proposal.offer_id]
        assert may_pair(wanted, helper, excluded_helpers=excluded_helpers)
        assert proposal.helper_id == helper.helper_id
        assert proposal.score > 0
        assert proposal.reasons
    given_out = Counter(proposal.offer_id for proposal in proposals)
    for offer_id, count in given_out.items():
        assert count <= by_offer[offer_id].free_capacity
