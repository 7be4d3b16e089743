"""The dashboard's figures: counted in aggregate queries, small counts never exact."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from insights.choices import ScopeKind
from insights.figures import build_context, build_dashboard, gangmaker_watch, quiet_streets
from insights.suppression import SUPPRESSED
from matching.models import MatchStatus
from tests.streets.factories import (
    EventPageFactory,
    GangmakerMembershipFactory,
    MembershipFactory,
    StreetPageFactory,
)

from .factories import CareSignalFactory, helped, match_for

pytestmark = pytest.mark.django_db

YEAR = (timezone.localdate() - datetime.timedelta(days=364), timezone.localdate())


def figures_of(dashboard, street=None):
    keys = [m.key for m in dashboard.metrics]
    if street is None:
        return dict(zip(keys, dashboard.totals, strict=True))
    row = next(s for s in dashboard.streets if s.id == street.pk)
    return dict(zip(keys, row.values, strict=True))


def test_a_street_with_six_members_shows_six_and_a_street_with_two_shows_less_than_five(world):
    MembershipFactory.create_batch(4, street=world.street_a)  # plus bewoner_a and gangmaker_a

    dashboard = build_dashboard(ScopeKind.NEIGHBOURHOOD, world.wijk, *YEAR)

    assert figures_of(dashboard, world.street_a)["bewoners"] == 6
    assert figures_of(dashboard, world.street_b)["bewoners"] == SUPPRESSED
    assert figures_of(dashboard)["bewoners"] == 8
    assert [s.title for s in dashboard.streets] == ["Bergweg", "Zwaanshals"]


def test_no_figure_anywhere_in_the_dashboard_is_an_exact_count_below_five(world):
    MembershipFactory.create_batch(3, street=world.street_a)
    CareSignalFactory(street=world.street_a, neighbour=world.bewoner_a, raised_by=world.gangmaker_a)
    EventPageFactory(parent=world.street_a, start=timezone.now() - datetime.timedelta(days=3))

    data = build_dashboard(ScopeKind.MUNICIPALITY, world.home, *YEAR).as_dict()

    values = list(data["totals"].values())
    values += [v for s in data["streets"] for v in s["figures"].values()]
    values += [p["value"] for t in data["trends"] for p in t["points"]]
    values += [r["value"] for b in data["breakdowns"] for r in b["rows"]]
    assert values
    assert not [v for v in values if isinstance(v, int | float) and v < 5]
    assert data["totals"]["zorgsignalen"] == SUPPRESSED


def test_events_are_counted_per_street_and_per_month_within_the_period(world):
    first_of_month = timezone.localtime().replace(day=1, hour=12, minute=0)
    for n in range(5):
        EventPageFactory(parent=world.street_a, slug=f"koffie-{n}", start=first_of_month)
    EventPageFactory(parent=world.street_a, slug="oud", start=first_of_month.replace(year=2019))
    EventPageFactory(parent=world.street_b, slug="elders", start=first_of_month)

    dashboard = build_dashboard(ScopeKind.STREET, world.street_a, *YEAR)

    assert figures_of(dashboard)["activiteiten"] == 5
    events_trend = next(t for t in dashboard.trends if t.metric.key == "activiteiten")
    by_month = dict(events_trend.points)
    assert by_month[first_of_month.date()] == 5
    assert set(by_month.values()) == {5, SUPPRESSED}


def test_the_whole_municipality_costs_the_same_queries_with_three_or_thirty_streets(
    world, django_assert_num_queries
):
    def measure():
        context = build_context(ScopeKind.MUNICIPALITY, world.home, *YEAR)
        build_dashboard(ScopeKind.MUNICIPALITY, world.home, *YEAR, context=context)
        quiet_streets(context)
        gangmaker_watch(context)

    with CaptureQueriesContext(connection) as three_streets:
        measure()
    for n in range(27):
        street = StreetPageFactory(parent=world.wijk if n % 2 else world.other_wijk, slug=f"s-{n}")
        GangmakerMembershipFactory(street=street)
        MembershipFactory(street=street)
        EventPageFactory(parent=street, slug="koffie")
        CareSignalFactory(street=street, neighbour=MembershipFactory(street=street).user)
        helped(street)
        match_for(helped(street, days_to_helper=1), MatchStatus.PROPOSED)

    with django_assert_num_queries(len(three_streets.captured_queries)):
        measure()
    assert len(three_streets.captured_queries) <= 30


def test_coordinators_see_quiet_streets_and_streets_with_a_single_or_absent_gangmaker(world):
    second = GangmakerMembershipFactory(street=world.street_a).user
    User.objects.filter(pk__in=[world.gangmaker_a.pk, second.pk]).update(last_login=timezone.now())
    world.street_b.memberships.update(created_at=timezone.now() - datetime.timedelta(days=200))

    context = build_context(ScopeKind.MUNICIPALITY, world.home, *YEAR)

    quiet = {q.street.title: q.last_activity for q in quiet_streets(context)}
    assert quiet["Putselaan"] is None  # nobody ever joined
    assert quiet["Bergweg"] is not None
    assert "Zwaanshals" not in quiet
    watch = {w.street.title: w for w in gangmaker_watch(context)}
    assert "Zwaanshals" not in watch  # two gangmakers, both logged in today
    assert watch["Bergweg"].single
    assert watch["Bergweg"].away == 1  # never logged in
    assert watch["Putselaan"].gangmakers == 0


def test_newly_appointed_gangmakers_who_never_logged_in_are_not_flagged_yet(world):
    GangmakerMembershipFactory(street=world.street_c)
    GangmakerMembershipFactory(street=world.street_c)
    context = build_context(ScopeKind.MUNICIPALITY, world.home, *YEAR)
    assert "Putselaan" not in {w.street.title for w in gangmaker_watch(context)}

    world.street_c.memberships.update(created_at=timezone.now() - datetime.timedelta(days=120))
    watch = {w.street.title: w for w in gangmaker_watch(context)}
    assert watch["Putselaan"].away == 2
