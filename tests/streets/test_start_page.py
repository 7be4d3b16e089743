"""The start page after logging in (`streets:my_streets`): for each role, what to do and where
to go; and the street page's own tools before its long lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from matching.models import PostStatus
from streets.choices import MembershipStatus
from tests.accounts.factories import UserFactory
from tests.effects.factories import effect_round
from tests.matching.factories import HelpRequestFactory
from tests.pot.factories import TipFactory
from tests.streets.factories import (
    EventPageFactory,
    GangmakerMembershipFactory,
    MembershipFactory,
    StreetPageFactory,
)

pytestmark = pytest.mark.django_db

START = reverse("streets:my_streets")


def test_a_gangmaker_starts_at_a_to_do_list_per_street_with_one_link_to_each(login, world):
    MembershipFactory.create_batch(2, street=world.street_a, status=MembershipStatus.PENDING)
    TipFactory(street=world.street_a)
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.PENDING)

    body = login(world.gangmaker_a).get(START).content.decode()

    street = world.street_a.pk
    for text, url in (
        ("2 aanmeldingen wachten op u", reverse("streets:members", args=[street])),
        ("1 bericht wacht op goedkeuring", reverse("matching:moderation", args=[street])),
        ("1 tip van een buur", reverse("pot:pot", args=[street])),
    ):
        assert f'<a href="{url}">{text}</a>' in body


def test_a_gangmaker_with_nothing_waiting_is_told_so(login, world):
    # The street's effect questionnaire is under way, so even that does not wait.
    effect_round(world.street_b, timezone.localdate().year, by=world.gangmaker_b)
    body = login(world.gangmaker_b).get(START).content.decode()
    assert "Niets dat op u wacht in deze straat." in body


def test_a_neighbour_starts_at_their_help_posts_and_the_streets_next_events(login, world):
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    EventPageFactory(parent=world.street_a, title="Burendag op het plein")
    EventPageFactory(parent=world.street_b, title="Feest in een andere straat")

    body = login(world.bewoner_a).get(START).content.decode()

    assert "1 bericht van u op het prikbord" in body
    assert reverse("matching:my_help", args=[world.street_a.pk]) in body
    assert "Burendag op het plein" in body
    assert "Feest in een andere straat" not in body
    # A neighbour gets no gangmaker's tools.
    assert reverse("streets:members", args=[world.street_a.pk]) not in body


def test_a_neighbour_waiting_for_approval_is_told_what_happens_next(login, world):
    MembershipFactory(street=world.street_b, user=world.outsider, status=MembershipStatus.PENDING)
    body = login(world.outsider).get(START).content.decode()
    assert "Uw aanmelding wacht op een gangmaker" in body
    assert reverse("matching:board", args=[world.street_b.pk]) not in body


def test_a_welzijn_worker_starts_at_signals_dashboards_and_the_streets_of_their_wijk(login, world):
    body = login(world.welzijn_a).get(START).content.decode()

    assert "U bent nog geen lid van een straat" not in body
    assert reverse("insights:staff_signals") in body
    assert reverse("insights:dashboard", args=["wijk", world.wijk.pk]) in body
    assert "Zwaanshals" in body and "Bergweg" in body
    assert "Putselaan" not in body  # another wijk


def test_a_coordinator_starts_at_the_municipalitys_dashboard_pots_and_streets(login, world):
    body = login(world.coordinator).get(START).content.decode()

    assert "U bent nog geen lid van een straat" not in body
    assert reverse("insights:dashboard", args=["gemeente", world.home.pk]) in body
    assert reverse("pot:overview", args=[world.home.pk]) in body


def test_someone_without_a_street_is_sent_to_find_theirs(login, world):
    body = login(world.outsider).get(START).content.decode()
    assert "U bent nog geen lid van een straat." in body
    assert reverse("search") in body


def test_on_the_street_page_a_members_tools_come_before_the_long_lists(login, world):
    body = login(world.gangmaker_a).get(world.street_a.url).content.decode()

    tools = body.index(reverse("streets:members", args=[world.street_a.pk]))
    assert tools < body.index("<h2>Activiteiten</h2>")
    assert tools < body.index("<h2>De gangmakers</h2>")
    # Leaving the street is not among the daily tools, but at the end of the page.
    assert body.index("Uitschrijven bij deze straat") > body.index("<h2>Activiteiten</h2>")


def test_on_the_street_page_a_visitor_finds_the_join_button_before_the_long_lists(client, world):
    body = client.get(world.street_a.url).content.decode()
    assert body.index("Aanmelden voor deze straat") < body.index("<h2>Activiteiten</h2>")


def test_the_start_page_costs_the_same_to_do_queries_for_one_street_or_four(login, world):
    """The to-do lines are grouped queries; only each street's coming events (2 queries a
    street, as on the street page) grow with the number of streets."""
    client = login(world.gangmaker_a)
    EventPageFactory(parent=world.street_a)
    with CaptureQueriesContext(connection) as one_street:
        client.get(START)
    for _ in range(3):
        street = StreetPageFactory(parent=world.wijk)
        GangmakerMembershipFactory(street=street, user=world.gangmaker_a)
        EventPageFactory(parent=street)
        MembershipFactory(street=street, status=MembershipStatus.PENDING)
    with CaptureQueriesContext(connection) as four_streets:
        body = client.get(START).content.decode()

    assert body.count("1 aanmelding wacht op u") == 3
    # Slack of two for the per-person cache's version reads; one query more per street in any
    # to-do provider would be three.
    assert len(four_streets) <= len(one_street) + 3 * 2 + 2


def test_a_superuser_without_a_street_starts_at_the_admin(client, world):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    body = client.get(START).content.decode()
    assert reverse("wagtailadmin_home") in body
    assert "U bent nog geen lid van een straat" not in body
