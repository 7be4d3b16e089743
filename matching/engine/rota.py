"""Care rotas: help that is bigger than one helper, shared among the street's neighbours.

"Every evening a warm meal, for two weeks after the hospital", "three times a day someone
looks in": a Rota is one request split into moments (a date and a dagdeel). `plan_rota`
proposes who takes which moment, in three steps, each exact and each only among the best
plans of the step before:

1. Cover as many moments as possible: a maximum flow (scipy's csgraph.maximum_flow) through
   moment → (helper, week) → helper, within every helper's weekly limit.
2. Spread the load: the n-th moment a helper holds costs n, so the plan minimises the sum of
   load × (load + 1) / 2 over the helpers. The loads a full plan can have form a polymatroid
   base, so this also gives the fairest spread (Fujishige; Frank and Murota's "decreasingly
   minimal" loads): the busiest helper holds as few moments as any full plan allows, then the
   next busiest, and so on. Nobody takes everything while others could help.
3. Among those, the best fit: helpers nearby who named the moment and are not busy elsewhere;
   last, between equally fitting helpers, each helper keeps to the same moments of the week
   ("neemt elke woensdag"), which is easier to remember than a list of dates.

Steps 2 and 3 are one linear programme (HiGHS, through scipy.optimize.milp) with integer
costs, the balance cost weighted above any possible sum of fits, and the coverage of step 1
fixed. Its constraints are a flow network's, so its optimal vertex is a whole plan, exact.
Inputs are sorted first: the same rota gives the same plan, however its parts were read.
`plan_rota_greedy` is the baseline the plan is measured against (tests and benchmark).

Capacity is rota-specific: a helper takes at most `Rota.per_week` moments in each week of the
rota (weeks counted from its first moment, so a fortnight is two weeks wherever it starts),
or the number they gave themselves (`limits`). An offer's own `capacity` counts requests, not
moments: a helper whose offers are all full is not asked, as for any request, unless they
already hold moments on this rota.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import total_ordering

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array
from scipy.sparse.csgraph import maximum_flow

from .data import Location, Offer, Params, Reason, _set
from .encoding import SLOT_BITS, Slot, parse_house_number
from .reasons import category_reason, distance_reason
from .scoring import FLEXIBLE_HELPER, distance_factor, distance_metres, load_factors
from .vocabulary import CATEGORIES, DAGDELEN

DEFAULT_PER_WEEK = 2
# Fits are whole numbers up to FIT_STEPS, so that the programme's costs are integers.
FIT_STEPS = 100


@total_ordering
@dataclass(frozen=True)
class Moment:
    """One visit of a rota: a date and a dagdeel; moments sort by date, then dagdeel."""

    day: date
    dagdeel: str
    # The moment of the week it falls on, as offers name theirs: (weekday, dagdeel).
    slot: Slot = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.dagdeel not in DAGDELEN:
            raise ValueError(f"unknown dagdeel: {self.dagdeel!r}")
        _set(self, slot=(self.day.weekday(), self.dagdeel))

    def __lt__(self, other: "Moment") -> bool:
        if not isinstance(other, Moment):
            return NotImplemented
        return (self.day, DAGDELEN.index(self.dagdeel)) < (other.day, DAGDELEN.index(other.dagdeel))


def daily_moments(start: date, days: int, dagdelen: Iterable[str] = ("avond",)) -> list[Moment]:
    """Every day from `start` for `days` days at each of `dagdelen`.

    A fortnight of evening meals: daily_moments(start, 14); three visits a day:
    daily_moments(start, 14, engine.DAGDELEN).
    """
    dagdelen = tuple(dagdelen)
    return [
        Moment(start + timedelta(days=offset), dagdeel)
        for offset in range(days)
        for dagdeel in dagdelen
    ]


@dataclass(frozen=True, kw_only=True)
class Rota:
    """A neighbour's request for repeated care, as moments.

    `category` is the kind of help (a meal: "maaltijd", a visit: "gezelschap"); `per_week`
    the most moments one helper takes in a week of the rota, unless they said otherwise.
    """

    id: int
    street_id: int
    requester_id: int
    category: str
    moments: frozenset[Moment]
    per_week: int = DEFAULT_PER_WEEK
    location: Location | None = None
    house_number: str = ""
    number: int | None = field(init=False, repr=False, compare=False)
    first_day: date | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category: {self.category!r}")
        if self.per_week < 0:
            raise ValueError("per_week cannot be negative")
        moments = frozenset(self.moments)
        if not all(isinstance(moment, Moment) for moment in moments):
            raise ValueError("a rota's moments must be Moment values")
        first_day = min((moment.day for moment in moments), default=None)
        _set(self, moments=moments, first_day=first_day)
        _set(self, number=parse_house_number(self.house_number))

    def week_of(self, moment: Moment) -> int:
        """0 for the rota's first seven days, 1 for the next seven, and so on."""
        return (moment.day - self.first_day).days // 7


@dataclass(frozen=True)
class RotaShare:
    """One helper's part of a plan: their moments in time order and why they were asked
    (reasons.Reason values: which moments, where the helper lives, what they like to do).

    `proposed` are the moments this plan adds; the rest they held already. `offer_id` is the
    helper's offer that allows most of their moments (None for a helper placed by hand who has
    no fitting offer).
    """

    helper_id: int
    offer_id: int | None
    moments: tuple[Moment, ...]
    proposed: tuple[Moment, ...]
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class RotaPlan:
    """Who takes which moment: one share per helper (by first moment), and the gaps left."""

    rota_id: int
    shares: tuple[RotaShare, ...]
    gaps: tuple[Moment, ...]

    @property
    def assignment(self) -> dict[Moment, int]:
        """Moment → helper id, for every covered moment."""
        return {moment: share.helper_id for share in self.shares for moment in share.moments}

    @property
    def coverage(self) -> float:
        """The share of the rota's moments that has a helper (1.0 for an empty rota)."""
        covered = sum(len(share.moments) for share in self.shares)
        total = covered + len(self.gaps)
        return covered / total if total else 1.0


@dataclass
class _Problem:
    """What both planners read: the open moments and who may take each, with their fit."""

    rota: Rota
    moments: list[Moment]  # every moment of the rota, in time order
    week: list[int]  # the rota week of each moment
    open: list[int]  # indices of moments to plan: not held, not past
    helpers: list[int]  # helper ids, ascending
    offers: dict[int, list[Offer]]  # helper id → their offers that could serve the rota
    metres: dict[int, float]  # offer id → metres from the rota's home (NaN: unknown)
    held: dict[int, int]  # moment index → helper id, kept as it is
    # (open moment index, helper index) → fit 1..FIT_STEPS; absent: may not be asked.
    fit: dict[tuple[int, int], int]
    room: dict[tuple[int, int], int]  # (helper index, week) → moments still free that week
    weeks: int  # weeks of the rota, counted from its first moment
    load: list[int]  # moments each helper holds already


def _offer_allows(offer: Offer, moment: Moment) -> bool:
    return (offer.valid_until is None or offer.valid_until >= moment.day) and (
        not offer.slots or moment.slot in offer.slots
    )


def _problem(rota, offers, today, taken, declined, limits) -> _Problem:
    moments = sorted(rota.moments)
    week = [rota.week_of(moment) for moment in moments]
    index = {moment: number for number, moment in enumerate(moments)}
    held = {index[m]: helper for m, helper in taken.items() if m in index}
    on_rota = set(held.values())
    candidates = defaultdict(list)
    for offer in sorted(offers, key=lambda item: item.id):
        if (
            offer.street_id == rota.street_id
            and rota.category in offer.categories
            and offer.helper_id != rota.requester_id
            and (offer.free_capacity > 0 or offer.helper_id in on_rota)
        ):
            candidates[offer.helper_id].append(offer)
    helpers = sorted(candidates.keys() | on_rota)
    column = {helper: number for number, helper in enumerate(helpers)}

    load = [0] * len(helpers)
    used = Counter()
    for n, helper in held.items():
        load[column[helper]] += 1
        used[column[helper], week[n]] += 1
    weeks = week[-1] + 1 if moments else 0
    room = {
        (h, w): max(0, limits.get(helper, rota.per_week) - used[h, w])
        for h, helper in enumerate(helpers)
        for w in range(weeks)
    }

    # The fit of each offer: near, not busy; a helper who named the moment before a flexible one.
    flat = [offer for helper in helpers for offer in candidates[helper]]
    metres = distance_metres([rota], flat)[0] if flat else np.zeros(0)
    busy = load_factors(
        np.array([offer.active_load for offer in flat]), np.array([o.capacity for o in flat])
    )
    flexible = np.array([1.0 if offer.slots else FLEXIBLE_HELPER for offer in flat])
    values = np.maximum(1, np.rint(FIT_STEPS * distance_factor(metres) * busy * flexible))
    offer_value = {offer.id: int(value) for offer, value in zip(flat, values, strict=True)}

    open_moments = [n for n, m in enumerate(moments) if n not in held and m.day >= today]
    fit = {}
    for h, helper in enumerate(helpers):
        for n in open_moments:
            moment = moments[n]
            if (moment, helper) in declined:
                continue
            best = max(
                (offer_value[o.id] for o in candidates[helper] if _offer_allows(o, moment)),
                default=0,
            )
            if best:
                fit[n, h] = best
    return _Problem(
        rota=rota,
        moments=moments,
        week=week,
        open=open_moments,
        helpers=helpers,
        offers=candidates,
        metres={offer.id: float(m) for offer, m in zip(flat, metres, strict=True)},
        held=held,
        fit=fit,
        room=room,
        weeks=weeks,
        load=load,
    )


def _most_moments(problem: _Problem, pairs: list[tuple[int, int]]) -> int:
    """Maximum flow: source → moment (1) → (helper, week) (1) → sink (room that week)."""
    if not pairs:
        return 0
    moment_node = {n: 1 + k for k, n in enumerate(problem.open)}
    week_node = {key: 1 + len(moment_node) + k for k, key in enumerate(problem.room)}
    sink = 1 + len(moment_node) + len(week_node)
    edges = [(0, node, 1) for node in moment_node.values()]
    edges += [(moment_node[n], week_node[h, problem.week[n]], 1) for n, h in pairs]
    edges += [(node, sink, problem.room[key]) for key, node in week_node.items()]
    tails, heads, capacities = (np.array(column) for column in zip(*edges, strict=True))
    graph = csr_array((capacities.astype(np.int32), (tails, heads)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(graph, 0, sink).flow_value)


def _spread(problem: _Problem, pairs: list[tuple[int, int]], covered: int) -> list[int]:
    """Which of `pairs` to take: `covered` of them, loads spread, then the best fit.

    Variables: x for each (moment, helper) pair, worth its preference; y[h, n] for "helper h
    holds an n-th moment", costing n × balance; the n-th moment of a helper counts their held
    moments too. All costs are integers, so the solver's optimum is exact.
    """
    rota = problem.rota
    helper_pairs = defaultdict(list)
    for number, (_n, h) in enumerate(pairs):
        helper_pairs[h].append(number)
    ranks = []  # (helper, n): one y variable each
    for h, numbers in sorted(helper_pairs.items()):
        weekly = sum(problem.room[h, week] for week in range(problem.weeks))
        ranks += [(h, problem.load[h] + k) for k in range(1, min(len(numbers), weekly) + 1)]
    # Between equal fits: every helper ranks the rota's weekly moments in their own order (a
    # Latin square over the helpers), the same order in every week, so the best choice in one
    # week is the best in the next and a helper keeps "their" weekday.
    weekly_moments = sorted({problem.moments[n].slot for n, _h in pairs}, key=SLOT_BITS.get)
    order = {slot: number for number, slot in enumerate(weekly_moments)}
    steps = len(weekly_moments)
    preference = [
        problem.fit[n, h] * steps + (order[problem.moments[n].slot] + h) % steps for n, h in pairs
    ]
    # Above any possible sum of preferences, so that a fairer spread always wins.
    balance = (FIT_STEPS + 1) * steps * len(problem.open) + 1
    costs = np.concatenate(
        [
            -np.array(preference, dtype=float),
            np.array([balance * n for _h, n in ranks], dtype=float),
        ]
    )
    size = len(pairs) + len(ranks)

    # One row per constraint: (entries as (column, coefficient)), lower bound, upper bound.
    constraints = []
    by_moment, by_week = defaultdict(list), defaultdict(list)
    for number, (n, h) in enumerate(pairs):
        by_moment[n].append(number)
        by_week[h, problem.week[n]].append(number)
    constraints += [([(x, 1) for x in numbers], 0, 1) for numbers in by_moment.values()]
    constraints += [
        ([(x, 1) for x in numbers], 0, problem.room[key]) for key, numbers in by_week.items()
    ]
    rank_columns = defaultdict(list)
    for k, (h, _n) in enumerate(ranks):
        rank_columns[h].append(len(pairs) + k)
    constraints += [
        ([(x, 1) for x in numbers] + [(y, -1) for y in rank_columns[h]], 0, 0)
        for h, numbers in helper_pairs.items()
    ]
    constraints.append(([(x, 1) for x in range(len(pairs))], covered, covered))
    rows, columns, values = zip(
        *(
            (row, column, value)
            for row, (entries, _low, _high) in enumerate(constraints)
            for column, value in entries
        ),
        strict=True,
    )
    lower = [low for _entries, low, _high in constraints]
    upper = [high for _entries, _low, high in constraints]

    matrix = coo_array((values, (rows, columns)), shape=(len(lower), size))
    constraint = LinearConstraint(matrix, lower, upper)
    # The rows are a flow network's (moment → (helper, week) → helper), so every vertex of
    # this programme is integral and the simplex optimum is one: solved as a linear programme
    # (three times faster than HiGHS's 0/1 search), which would fall back on the 0/1 search
    # should rounding ever leave a fraction.
    result = milp(costs, bounds=Bounds(0, 1), constraints=constraint)
    if result.success and np.abs(result.x - np.rint(result.x)).max() > 1e-6:
        integral = np.concatenate([np.ones(len(pairs)), np.zeros(len(ranks))])
        result = milp(costs, integrality=integral, bounds=Bounds(0, 1), constraints=constraint)
    if not result.success:  # cannot happen: the maximum flow is such a plan
        raise RuntimeError(f"rota {rota.id}: no plan covers {covered} moments: {result.message}")
    return [number for number in range(len(pairs)) if result.x[number] > 0.5]


def moments_reason(moments: Iterable[Moment], rota: Rota) -> Reason:
    """Which moments a helper takes ("neemt elke dinsdag en donderdag", "neemt dinsdagavond
    24 november"), as a Reason "takes".

    A weekday (with its dagdeel when the rota has several a day, else dagdeel "") stands for all
    the rota's moments on it when the helper takes every one of them: an item (weekday,
    dagdeel, every), `every` true when that weekday comes more than once. Otherwise each date is
    an item (weekday, dagdeel, day, month). The reason's own `every` is true when every item
    repeats, so the sentence says "elke" once ("neemt elke dinsdag en donderdag").
    """
    several_dagdelen = len({moment.dagdeel for moment in rota.moments}) > 1

    def label(moment: Moment) -> tuple[int, str]:
        return (moment.day.weekday(), moment.dagdeel if several_dagdelen else "")

    on_label = Counter(label(moment) for moment in rota.moments)
    mine = defaultdict(list)
    for moment in sorted(moments):
        mine[label(moment)].append(moment)
    items = []
    for (weekday, dagdeel), taken in mine.items():
        if len(taken) == on_label[weekday, dagdeel]:
            items.append(Params.of(weekday=weekday, dagdeel=dagdeel, every=len(taken) > 1))
        else:
            items += [
                Params.of(weekday=weekday, dagdeel=dagdeel, day=m.day.day, month=m.day.month)
                for m in taken
            ]
    every = all(item.as_json().get("every", False) for item in items)
    return Reason.of("takes", items=tuple(items), every=every)


def _plan(problem: _Problem, chosen: dict[int, int]) -> RotaPlan:
    """The plan from held and newly chosen moments (moment index → helper index)."""
    rota, helpers = problem.rota, problem.helpers
    mine = defaultdict(list)
    for n, helper in problem.held.items():
        mine[helper].append((n, False))
    for n, h in chosen.items():
        mine[helpers[h]].append((n, True))
    shares = []
    for helper, entries in mine.items():
        entries.sort()
        moments = tuple(problem.moments[n] for n, _new in entries)
        offers = problem.offers.get(helper, [])
        offer = max(
            offers,
            key=lambda o: (sum(_offer_allows(o, m) for m in moments), -o.id),
            default=None,
        )
        reasons = [moments_reason(moments, rota)]
        if offer is not None:
            where = distance_reason(rota, offer, problem.metres[offer.id])
            reasons += [where, category_reason(rota.category)]
        shares.append(
            RotaShare(
                helper_id=helper,
                offer_id=offer.id if offer else None,
                moments=moments,
                proposed=tuple(problem.moments[n] for n, new in entries if new),
                reasons=tuple(reason for reason in reasons if reason),
            )
        )
    shares.sort(key=lambda share: (share.moments[0], share.helper_id))
    covered = set(problem.held) | set(chosen)
    gaps = tuple(m for n, m in enumerate(problem.moments) if n not in covered)
    return RotaPlan(rota_id=rota.id, shares=tuple(shares), gaps=gaps)


def plan_rota(
    rota: Rota,
    offers: Iterable[Offer],
    *,
    today: date,
    taken: Mapping[Moment, int] | None = None,
    declined: Iterable[tuple[Moment, int]] = (),
    limits: Mapping[int, int] | None = None,
) -> RotaPlan:
    """Propose helpers for the rota's open moments: most moments covered, load spread, best fit.

    `offers` may be all active offers of the street (others never fit). `taken` maps moments
    that already have a helper (accepted, proposed and unanswered, or filled in by hand) to
    that helper: kept as they are and counted in the helper's weekly limit. `declined` holds
    (moment, helper id) pairs the helper said no to: never proposed again. `limits` maps a
    helper id to the most moments a week that helper said they can take (else
    `rota.per_week`). Moments before `today` are not planned; without a helper they are gaps.
    """
    problem = _problem(rota, offers, today, dict(taken or {}), set(declined), dict(limits or {}))
    pairs = sorted(problem.fit)
    covered = _most_moments(problem, pairs)
    chosen = {}
    if covered:
        chosen = dict(pairs[number] for number in _spread(problem, pairs, covered))
    return _plan(problem, chosen)


def plan_rota_greedy(
    rota: Rota,
    offers: Iterable[Offer],
    *,
    today: date,
    taken: Mapping[Moment, int] | None = None,
    declined: Iterable[tuple[Moment, int]] = (),
    limits: Mapping[int, int] | None = None,
) -> RotaPlan:
    """The baseline: moment by moment in time order, the helper with the fewest moments so far
    who may take it (then the best fit, then the lowest id). Same rules as `plan_rota`."""
    problem = _problem(rota, offers, today, dict(taken or {}), set(declined), dict(limits or {}))
    load, room = list(problem.load), dict(problem.room)
    chosen = {}
    for n in problem.open:
        week = problem.week[n]
        able = [
            h for h in range(len(problem.helpers)) if (n, h) in problem.fit and room[h, week] > 0
        ]
        if able:
            h = min(able, key=lambda h: (load[h], -problem.fit[n, h], h))
            chosen[n] = h
            load[h] += 1
            room[h, week] -= 1
    return _plan(problem, chosen)
