"""Match figures: requests that got a helper in the period, and the days until the first yes."""

import datetime

import pytest
from django.utils import timezone

from insights.choices import ScopeKind
from insights.figures import build_dashboard
from insights.figures.matches import median_and_p90
from insights.suppression import SUPPRESSED
from matching.models import MatchStatus
from tests.matching.factories import HelpRequestFactory
from tests.streets.factories import MembershipFactory

from .factories import helped, match_for

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def this_year():
    today = timezone.localdate()
    return today - datetime.timedelta(days=364), today


def figures_of(dashboard, street=None):
    keys = [m.key for m in dashboard.metrics]
    if street is None:
        return dict(zip(keys, dashboard.totals, strict=True))
    row = next(s for s in dashboard.streets if s.id == street.pk)
    return dict(zip(keys, row.values, strict=True))


def test_median_and_90th_percentile_of_days():
    assert median_and_p90([1, 2, 3, 4, 100]) == (3, 61.6)
    assert median_and_p90([2.0]) == (2.0, 2.0)
    assert median_and_p90([]) == (None, None)


def test_requests_that_got_a_helper_and_the_days_until_the_first_yes(world):
    for days, status in [
        (1, MatchStatus.ACCEPTED),
        (2, MatchStatus.CONFIRMED),
        (3, MatchStatus.DONE),
        (4, MatchStatus.ACCEPTED),
        (10, MatchStatus.CANCELLED),  # the helper said yes, then stopped: it still got one
        (20, MatchStatus.ACCEPTED),
    ]:
        helped(world.street_a, 30, days, status)
    helped(world.street_a, 30, 5, MatchStatus.PROPOSED)  # nobody said yes yet
    helped(world.street_a, 30, 5, MatchStatus.DECLINED)

    figures = figures_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert figures["hulpvragen_met_helper"] == 6
    assert figures["buren_met_helper"] == 6
    assert figures["tijd_tot_helper_mediaan"] == 3.5
    assert figures["tijd_tot_helper_p90"] == 15.0


def test_only_the_first_yes_counts_and_only_when_it_fell_in_the_period(world):
    requests = [helped(world.street_a, 20, 2) for _ in range(5)]
    # A second helper later on does not make the first one slower or count twice.
    match_for(requests[0], at=timezone.now() - DAY)
    # Helped long ago: not a request that got a helper this year.
    helped(world.street_a, 500, 3)

    figures = figures_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert figures["hulpvragen_met_helper"] == 5
    assert figures["tijd_tot_helper_mediaan"] == 2.0
    assert figures["tijd_tot_helper_p90"] == 2.0


def test_requests_of_one_neighbour_are_counted_but_the_people_stay_below_five(world):
    neighbour = MembershipFactory(street=world.street_a).user
    opened = timezone.now() - 10 * DAY
    for n in range(6):
        request = HelpRequestFactory(
            street=world.street_a, author=neighbour, opened_at=opened, description=f"vraag {n}"
        )
        match_for(request, at=opened + DAY)

    figures = figures_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert figures["hulpvragen_met_helper"] == SUPPRESSED
    assert figures["buren_met_helper"] == SUPPRESSED
    assert figures["tijd_tot_helper_mediaan"] == SUPPRESSED
    assert figures["tijd_tot_helper_p90"] == SUPPRESSED


def test_match_figures_per_street_and_the_month_trend(world):
    for _ in range(5):
        helped(world.street_a, 3, 1)
    helped(world.street_b, 3, 1)

    dashboard = build_dashboard(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())

    assert figures_of(dashboard, world.street_a)["hulpvragen_met_helper"] == 5
    assert figures_of(dashboard, world.street_b)["hulpvragen_met_helper"] == SUPPRESSED
    assert figures_of(dashboard)["hulpvragen_met_helper"] == 6
    trend = dict(
        next(t for t in dashboard.trends if t.metric.key == "hulpvragen_met_helper").points
    )
    month = timezone.localtime(timezone.now() - 2 * DAY).date().replace(day=1)
    assert trend[month] == 6
    assert set(trend.values()) == {6, SUPPRESSED}
