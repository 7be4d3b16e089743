"""The anonymous street page comes from the cache, and never outlives a change."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from streets.choices import MemberRole
from streets.models import EventException
from tests.matching.factories import HelpOfferFactory
from tests.streets.factories import EventPageFactory, GangmakerMembershipFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def visit(client, street):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(street.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_anonymous_visit_is_served_from_the_cache_with_fewer_queries(client, world):
    first, first_queries = visit(client, world.street_a)
    second, second_queries = visit(client, world.street_a)
    assert "Zwaanshals" in second
    assert second_queries < first_queries


def test_a_published_edit_of_the_street_shows_at_once(client, world):
    visit(client, world.street_a)
    world.street_a.intro = "<p>Nieuw: elke vrijdag soep.</p>"
    world.street_a.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "elke vrijdag soep" in page


def test_a_renamed_wijk_shows_in_the_breadcrumb_at_once(client, world):
    visit(client, world.street_a)
    world.wijk.title = "Oude Noorden"
    world.wijk.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "Oude Noorden" in page


def test_a_new_event_and_its_cancellation_show_at_once(client, world):
    visit(client, world.street_a)
    event = EventPageFactory(parent=world.street_a, title="Straatbarbecue", slug="bbq")
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue" in page
    event.title = "Straatbarbecue met muziek"
    event.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue met muziek" in page
    event.unpublish()
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue" not in page


def test_a_cancelled_date_of_a_series_shows_at_once(client, world):
    event = EventPageFactory(parent=world.street_a, title="Liftkoffie", slug="koffie")
    before, _ = visit(client, world.street_a)
    EventException.objects.create(event=event, date=event.start.date(), kind="cancelled")
    after, _ = visit(client, world.street_a)
    assert after != before


def test_an_event_of_another_street_leaves_this_page_cached(client, world):
    visit(client, world.street_a)
    _, cached_queries = visit(client, world.street_a)
    EventPageFactory(parent=world.street_b, title="Bergweg borrel", slug="borrel")
    _, queries = visit(client, world.street_a)
    assert queries == cached_queries


def test_a_new_gangmaker_and_a_renamed_gangmaker_show_at_once(client, world):
    visit(client, world.street_a)
    GangmakerMembershipFactory(street=world.street_a, user__first_name="Henk")
    page, _ = visit(client, world.street_a)
    assert "Henk" in page
    world.gangmaker_a.first_name = "Geertje"
    world.gangmaker_a.save()
    page, _ = visit(client, world.street_a)
    assert "Geertje" in page


def test_a_gangmaker_stepping_down_disappears_at_once(client, world):
    visit(client, world.street_a)
    membership = world.gangmaker_a.memberships.get(street=world.street_a)
    membership.role = MemberRole.BEWONER
    membership.save()
    page, _ = visit(client, world.street_a)
    assert "Gerda" not in page


def test_new_help_on_the_board_changes_the_counts_at_once(client, world):
    before, _ = visit(client, world.street_a)
    helper = MembershipFactory(street=world.street_a, user__first_name="Ilse").user
    HelpOfferFactory(street=world.street_a, author=helper)
    after, _ = visit(client, world.street_a)
    assert after != before


def test_a_member_never_gets_the_anonymous_copy_and_anonymous_never_gets_theirs(
    client, login, world
):
    visit(client, world.street_a)
    member_page = login(world.bewoner_a).get(world.street_a.url)
    assert "Prikbord" in member_page.content.decode()
    client.logout()
    anonymous_page, _ = visit(client, world.street_a)
    assert "Prikbord" not in anonymous_page
    assert "Aanmelden voor deze straat" in anonymous_page


def test_the_forms_on_a_cached_page_carry_this_visitors_csrf_token(world):
    from django.test import Client

    Client().get(world.street_a.url)  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(world.street_a.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post("/taal/", {"csrfmiddlewaretoken": token, "language": "en", "next": "/"})
    assert response.status_code == 302


def test_a_query_string_is_not_cached(client, world):
    visit(client, world.street_a)
    with CaptureQueriesContext(connection) as uncached:
        client.get(world.street_a.url + "?x=1")
    with CaptureQueriesContext(connection) as again:
        client.get(world.street_a.url + "?x=1")
    _, cached_queries = visit(client, world.street_a)
    assert len(again) == len(uncached) > cached_queries
