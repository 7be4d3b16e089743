"""Help board figures: open requests by category, how long they wait, who offers help."""

import datetime

import pytest
from django.utils import timezone

from insights.choices import ScopeKind
from insights.figures import build_context, build_dashboard, quiet_streets
from insights.figures.board import _waits
from insights.suppression import SUPPRESSED
from matching.choices import Category
from matching.models import PostStatus
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def this_year():
    today = timezone.localdate()
    return today - datetime.timedelta(days=364), today


def totals_of(dashboard):
    return dict(zip([m.key for m in dashboard.metrics], dashboard.totals, strict=True))


def ask(street, days_open, category=Category.BOODSCHAPPEN, author=None):
    author = author or MembershipFactory(street=street).user
    opened = timezone.now() - datetime.timedelta(days=days_open)
    return HelpRequestFactory(
        street=street, author=author, category=category, opened_at=opened, created_at=opened
    )


def test_median_and_90th_percentile_of_waiting_days():
    assert _waits([1, 2, 3, 4, 100]) == (3, 61.6)
    assert _waits([]) == (None, None)


def test_open_requests_their_waiting_time_and_the_long_open_ones(world):
    for days in (1, 2, 3, 20, 30):
        ask(world.street_a, days)
    ask(world.street_a, 40, category=Category.TUIN)
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.CLOSED)

    totals = totals_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert totals["open_hulpvragen"] == 6
    assert totals["wachttijd_mediaan"] == pytest.approx(11.5, abs=0.1)
    assert totals["wachttijd_p90"] == pytest.approx(35.0, abs=0.1)
    # Three requests open longer than 14 days, from three people: fewer than five.
    assert totals["hulpvragen_langer_dan_14_dagen_open"] == SUPPRESSED


def test_open_requests_by_category_suppress_a_category_with_few_askers(world):
    for _ in range(5):
        ask(world.street_a, 2, Category.BOODSCHAPPEN)
    ask(world.street_b, 2, Category.VERVOER)

    dashboard = build_dashboard(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())

    rows = dict(
        next(b for b in dashboard.breakdowns if b.metric.key == "open_hulpvragen_per_soort").rows
    )
    assert rows == {"boodschappen": 5, "vervoer (arts, ziekenhuis)": SUPPRESSED}


def test_five_requests_from_one_neighbour_are_still_fewer_than_five_people(world):
    for n in range(6):
        HelpRequestFactory(street=world.street_a, author=world.bewoner_a, description=f"vraag {n}")

    totals = totals_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert totals["open_hulpvragen"] == SUPPRESSED
    assert totals["nieuwe_hulpvragen"] == SUPPRESSED


def test_active_helpers_are_neighbours_with_an_offer_on_the_board(world):
    for _ in range(5):
        HelpOfferFactory(
            street=world.street_a, author=MembershipFactory(street=world.street_a).user
        )
    HelpOfferFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.WITHDRAWN)

    totals = totals_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert totals["actieve_helpers"] == 5
    assert totals["nieuw_hulpaanbod"] == 6


def test_a_post_on_the_board_makes_a_street_active(world):
    world.street_b.memberships.update(created_at=timezone.now() - datetime.timedelta(days=300))
    context = build_context(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())
    assert "Bergweg" in [q.street.title for q in quiet_streets(context)]

    HelpRequestFactory(street=world.street_b, author=world.bewoner_b)

    assert "Bergweg" not in [q.street.title for q in quiet_streets(context)]
