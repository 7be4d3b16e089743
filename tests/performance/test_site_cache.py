"""The municipality home, the wijk pages and search results are kept per site version for
visitors, as the street page is, and never outlive a change."""

import re

import pytest
from django.db import connection
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.streets.factories import EventPageFactory, StreetPageFactory

pytestmark = pytest.mark.django_db

_TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def visit(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.text, len(queries)


@pytest.mark.parametrize("which", ["home", "wijk"])
def test_a_second_visit_to_the_home_and_a_wijk_page_asks_the_database_nothing(client, world, which):
    url = world.home.url if which == "home" else world.wijk.url
    visit(client, url)
    page, queries = visit(client, url)
    assert queries == 0
    assert ("Zwaanshals" in page) if which == "wijk" else ("Noord" in page)


@pytest.mark.parametrize("which", ["home", "wijk"])
def test_a_new_event_in_a_street_shows_on_the_home_and_wijk_page_at_once(client, world, which):
    url = world.home.url if which == "home" else world.wijk.url
    page, _ = visit(client, url)
    assert "Straatbarbecue" not in page
    EventPageFactory(parent=world.street_a, title="Straatbarbecue", slug="bbq")
    page, _ = visit(client, url)
    assert "Straatbarbecue" in page


def test_a_new_street_shows_on_its_wijk_page_and_in_search_at_once(client, world):
    visit(client, world.wijk.url)
    search, _ = visit(client, "/zoeken/?q=Kievit")
    assert "Kievitstraat" not in search
    StreetPageFactory(parent=world.wijk, title="Kievitstraat", slug="kievitstraat")
    page, _ = visit(client, world.wijk.url)
    assert "Kievitstraat" in page
    search, _ = visit(client, "/zoeken/?q=Kievit")
    assert "Kievitstraat" in search


def test_an_unpublished_street_leaves_the_kept_search_results_at_once(client, world):
    search, _ = visit(client, "/zoeken/?q=Zwaanshals")
    assert world.street_a.url in search
    world.street_a.unpublish()
    search, _ = visit(client, "/zoeken/?q=Zwaanshals")
    assert world.street_a.url not in search


def test_a_repeated_search_asks_the_database_nothing(client, world):
    first, cold = visit(client, "/zoeken/?q=Zwaanshals")
    # Another visitor, the same search: the whole page is kept, not even the site is read.
    second, warm = visit(Client(), "/zoeken/?q=%20Zwaanshals%20")
    assert world.street_a.url in first and world.street_a.url in second
    assert cold > 0
    assert warm == 0, warm


def test_each_visitor_of_a_kept_search_page_gets_their_own_csrf_token(world):
    anna, bram = Client(), Client()
    first, second = anna.get("/zoeken/?q=Zwaanshals"), bram.get("/zoeken/?q=Zwaanshals")
    for client, response in ((anna, first), (bram, second)):
        tokens = _TOKENS.findall(response.text)
        assert tokens, "the page's forms (language, letter size) carry a token"
        secret = client.cookies["csrftoken"].value
        assert all(_does_token_match(token, secret) for token in tokens)


def test_search_result_pages_and_languages_are_kept_apart(client, world):
    for number in range(25):
        StreetPageFactory(parent=world.wijk, title=f"Zwaluwstraat {number}", slug=f"zw-{number}")
    first, _ = visit(client, "/zoeken/?q=Zwaluw")
    second, _ = visit(client, "/zoeken/?q=Zwaluw&pagina=2")
    assert first != second
    client.cookies["django_language"] = "en"
    english, _ = visit(client, "/zoeken/?q=Zwaluw")
    assert 'lang="en"' in english and 'lang="nl"' in first


def test_a_logged_in_member_is_never_served_a_visitors_search_page(client, login, world):
    visit(client, "/zoeken/?q=Zwaanshals")
    page, _ = visit(login(world.bewoner_a), "/zoeken/?q=Zwaanshals")
    assert "Uitloggen" in page


def test_search_results_of_two_queries_are_kept_apart(client, world):
    visit(client, "/zoeken/?q=Zwaanshals")
    other, _ = visit(client, "/zoeken/?q=Bergweg")
    assert world.street_b.url in other
    assert world.street_a.url not in other


def test_a_logged_in_member_gets_the_home_page_rendered_for_them(login, world):
    client = login(world.bewoner_a)
    page, _ = visit(client, world.home.url)
    assert "Uitloggen" in page
