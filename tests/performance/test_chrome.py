"""The header and footer of base.html are kept per kind of visitor, language and letter size
(home/templatetags/chrome.py); each request still gets its own CSRF token and its own path to
come back to, and a change of what they show is seen at once."""

import re

import pytest
from django.core.cache import cache
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.urls import reverse

from home.templatetags import chrome
from streets import page_cache

pytestmark = pytest.mark.django_db

_TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_NEXT = re.compile(r'name="next" value="([^"]*)"')


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _chrome_keys() -> list[str]:
    return [key for key in cache._cache if ":chrome:" in key]  # locmem's own store


def _tokens_are_the_clients(client, response) -> None:
    tokens = _TOKENS.findall(response.text)
    assert len(tokens) >= 2, "the header's and footer's forms have a token"
    secret = client.cookies["csrftoken"].value
    for token in tokens:
        assert _does_token_match(token, secret), "another visitor's CSRF token"


def test_header_and_footer_are_kept_and_each_member_gets_their_own_token(world):
    anna, bram = _client(world.bewoner_a), _client(world.bewoner_b)
    url = reverse("streets:my_streets")
    first = anna.get(url)
    assert first.status_code == 200
    assert _chrome_keys(), "the header and footer are kept"
    kept = set(_chrome_keys())
    second = bram.get(url)
    assert set(_chrome_keys()) == kept, "the second member is served the kept parts"
    _tokens_are_the_clients(anna, first)
    _tokens_are_the_clients(bram, second)
    assert anna.cookies["csrftoken"].value != bram.cookies["csrftoken"].value
    # Nothing of Anna's in Bram's page (the header holds no name).
    assert "Anna" not in second.text


def test_each_request_gets_its_own_path_to_come_back_to(world):
    anna = _client(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    my_streets = reverse("streets:my_streets")
    assert set(_NEXT.findall(anna.get(board + "?pagina=1").text)) == {board + "?pagina=1"}
    assert set(_NEXT.findall(anna.get(my_streets).text)) == {my_streets}
    # A path with characters to escape is escaped as any value would be.
    response = anna.get(my_streets + '?x="<b>')
    assert "<b>" not in response.text.split("<main")[0]
    assert 'value="' + my_streets + "?x=%22%3Cb%3E" in response.text or "&quot;" in response.text


def test_visitors_and_members_get_their_own_header(world):
    visitor, anna = _client(), _client(world.bewoner_a)
    url = reverse("search")
    anna_page = anna.get(url).text
    visitor_page = visitor.get(url).text
    assert reverse("accounts:logout") in anna_page
    assert reverse("accounts:logout") not in visitor_page
    assert reverse("accounts:login") in visitor_page
    # The other way round: a visitor first, then a member.
    cache.clear()
    assert reverse("accounts:logout") not in _client().get(url).text
    assert reverse("accounts:logout") in anna.get(url).text


def test_letter_size_and_language_are_each_their_own(world):
    anna = _client(world.bewoner_a)
    url = reverse("streets:my_streets")
    assert 'value="groot"' in anna.get(url).text
    anna.cookies["letters"] = "groot"
    assert 'value="normaal"' in anna.get(url).text
    anna.cookies["letters"] = ""
    anna.cookies["django_language"] = "en"
    english = anna.get(url).text
    assert '<option value="en" lang="en" selected>' in english
    anna.cookies["django_language"] = "nl"
    assert '<option value="nl" lang="nl" selected>' in anna.get(url).text


def test_a_changed_contact_shows_in_the_kept_footer_at_once(world):
    from home.models import MunicipalitySettings

    anna = _client(world.bewoner_a)
    url = reverse("streets:my_streets")
    assert "nieuw@gemeente.example" not in anna.get(url).text
    contact = MunicipalitySettings.for_site(world.home.get_site())
    contact.contact_email = "nieuw@gemeente.example"
    contact.save()
    assert "nieuw@gemeente.example" in anna.get(url).text


def test_a_new_site_version_renders_the_parts_anew(rf, world):
    request = rf.get("/")
    request.user = world.bewoner_a
    version = page_cache.street_version(page_cache.SITE)
    before = chrome.chrome_key(request, "header", version)
    page_cache.invalidate()
    after = chrome.chrome_key(request, "header", page_cache.street_version(page_cache.SITE))
    assert before != after
