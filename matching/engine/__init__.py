"""The matching engine: pure Python that pairs help offers with help requests of one street.

No Django, no database, no clock, no network: plain frozen dataclasses in, scored proposals
out. "Today" is always a parameter, so the nightly job, the tests and the benchmark all decide
what day it is.

How to call it (the wiring layer builds the inputs from the models)::

    from matching import engine

    offer = engine.Offer(
        id=7, street_id=3, helper_id=42,
        categories={"boodschappen", "gezelschap"},
        slots={(1, "ochtend"), (3, "middag")},    # dinsdagochtend, donderdagmiddag
        capacity=2, active_load=1,                # accepted, unfinished matches now
        location=engine.Location(51.93, 4.47),    # None until geocoded
        house_number="18", valid_until=None,
    )
    request = engine.Request(
        id=11, street_id=3, requester_id=5, category="boodschappen",
        created_on=date(2026, 11, 20), slots={(1, "ochtend")}, needed_on=None,
        urgency="normaal", helpers_already=0, location=None, house_number="12",
    )

    # A new request: a small ranked group of helpers, best first, one per helper.
    engine.rank_offers(request, street_offers, today=today, limit=3, excluded_helpers=pairs)

    # All open requests of a street at once (nightly, or after a storm): respects every
    # offer's free capacity, helps as many requests as possible and, among those ways,
    # maximises the total score.
    engine.assign(open_requests, street_offers, today=today, excluded_helpers=pairs)

    # -> [Proposal(request_id=11, offer_id=7, helper_id=42, score=0.71,
    #      reasons=(Reason.of("doors_along", doors=3),
    #               Reason.of("can_on", slots=((1, "ochtend"),)),
    #               Reason.of("likes", category="boodschappen")))]

Reasons are data, not sentences: the engine has no gettext. `Reason.as_json()` is what the
database stores ({"code": "doors_along", "doors": 3}); matching/reasons.py renders it in the
reader's language ("woont 3 deuren verder"). reasons.py lists every code.

A rota: repeated care split into moments (a date and a dagdeel), shared among helpers::

    rota = engine.Rota(
        id=4, street_id=3, requester_id=5, category="maaltijd",
        moments=engine.daily_moments(date(2026, 11, 24), 14, ("avond",)),  # a fortnight
        per_week=2,                       # the most moments one helper takes in a week
        location=None, house_number="12",
    )
    plan = engine.plan_rota(
        rota, street_offers, today=today,
        taken={moment: helper_id},        # moments that have a helper already: kept
        declined={(moment, helper_id)},   # a helper who said no to a moment
        limits={helper_id: 1},            # a helper who can do one moment a week
    )
    # -> RotaPlan(rota_id=4, shares=(RotaShare(helper_id=42, offer_id=7,
    #        moments=(Moment(date(2026, 11, 24), "avond"), ...), proposed=(...),
    #        reasons=(Reason.of("takes", items=(...), every=True),  # "neemt elke dinsdag"
    #                 Reason.of("next_door"), Reason.of("likes", category="maaltijd"))), ...),
    #      gaps=(Moment(date(2026, 11, 29), "avond"),))

The plan covers as many moments as any plan can, spreads them as evenly as the helpers'
moments and weekly limits allow, and then prefers helpers nearby (see rota.py).

`excluded_helpers` is a set of (request_id, helper_id) pairs never to propose (already
proposed, declined, or done): a helper who said no is not asked again through another of
their offers, and a re-run does not repeat itself. Scores are relative: only their order and
sums mean something (see scoring.py for the formula). A street's result never depends on
the other streets passed in the same call.
"""

from .assignment import assign, assign_greedy, rank_offers
from .data import Location, Offer, Params, Proposal, Reason, Request
from .encoding import Slot
from .rota import Moment, Rota, RotaPlan, RotaShare, daily_moments, plan_rota, plan_rota_greedy
from .vocabulary import ANDERS, CATEGORIES, DAGDELEN, NORMAL, SOON, URGENCIES, URGENT

__all__ = [
    "ANDERS",
    "CATEGORIES",
    "DAGDELEN",
    "NORMAL",
    "SOON",
    "URGENCIES",
    "URGENT",
    "Location",
    "Moment",
    "Offer",
    "Params",
    "Proposal",
    "Reason",
    "Request",
    "Rota",
    "RotaPlan",
    "RotaShare",
    "Slot",
    "assign",
    "assign_greedy",
    "daily_moments",
    "plan_rota",
    "plan_rota_greedy",
    "rank_offers",
]
