"""Help board figures: open requests, those without a helper (by category), who offers help."""

import datetime

import pytest
from django.utils import timezone

from insights.choices import ScopeKind
from insights.figures import build_context, build_dashboard, quiet_streets
from insights.suppression import SUPPRESSED
from matching.choices import Category
from matching.models import MatchStatus, PostStatus
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory

from .factories import match_for

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


def test_open_requests_and_those_that_waited_more_than_14_days_without_a_helper(world):
    for days in (2, 20, 21, 22, 23, 30, 40):
        ask(world.street_a, days)
    match_for(ask(world.street_a, 30))  # a helper said yes: open, but not unmatched
    match_for(ask(world.street_a, 40), MatchStatus.PROPOSED)  # nobody answered yet
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.CLOSED)

    totals = totals_of(build_dashboard(ScopeKind.STREET, world.street_a, *this_year()))

    assert totals["open_hulpvragen"] == 9
    assert totals["open_zonder_helper"] == 8
    assert totals["zonder_helper_na_14_dagen"] == 7
    assert "wachttijd_mediaan" not in totals


def test_a_request_with_a_live_match_is_not_counted_as_unmatched(world):
    requests = [ask(world.street_a, 20) for _ in range(8)]
    match_for(requests[0], MatchStatus.ACCEPTED)
    match_for(requests[1], MatchStatus.CONFIRMED)
    # Matches that ended without help leave the request unmatched.
    match_for(requests[2], MatchStatus.CANCELLED)
    match_for(requests[3], MatchStatus.DECLINED)
    match_for(requests[4], MatchStatus.EXPIRED)

    dashboard = build_dashboard(ScopeKind.STREET, world.street_a, *this_year())

    totals = totals_of(dashboard)
    assert totals["open_hulpvragen"] == 8
    assert totals["open_zonder_helper"] == 6
    assert totals["zonder_helper_na_14_dagen"] == 6
    by_category = next(
        b for b in dashboard.breakdowns if b.metric.key == "open_zonder_helper_per_soort"
    )
    assert dict(by_category.rows) == {"boodschappen": 6}


def test_unmatched_requests_by_category_suppress_a_category_with_few_askers(world):
    for _ in range(5):
        ask(world.street_a, 2, Category.BOODSCHAPPEN)
    ask(world.street_b, 2, Category.VERVOER)
    match_for(ask(world.street_b, 2, Category.TUIN))

    dashboard = build_dashboard(ScopeKind.NEIGHBOURHOOD, world.wijk, *this_year())

    rows = dict(
        next(b for b in dashboard.breakdowns if b.metric.key == "open_zonder_helper_per_soort").rows
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
