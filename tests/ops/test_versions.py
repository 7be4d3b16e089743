"""Version tokens are read once per GET request (ops.versions), and a change is still seen at
once: within the request that made it, and by the next request."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from accounts import usercache
from ops.versions import VersionMemoMiddleware
from streets import page_cache

pytestmark = pytest.mark.django_db


def _in_request(rf, method, view):
    """Run `view()` inside the middleware, as a request with this method would."""
    seen = {}

    def get_response(request):
        seen["result"] = view()
        return HttpResponse()

    VersionMemoMiddleware(get_response)(getattr(rf, method.lower())("/"))
    return seen["result"]


def test_a_members_street_page_reads_each_version_token_at_most_once(login, world, monkeypatch):
    client = login(world.bewoner_a)
    client.get(world.street_a.url)
    client.get(world.street_a.url)
    reads = []
    get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: reads.append(key) or get(key, *a, **k))
    page = client.get(world.street_a.url)
    assert page.status_code == 200 and "Zwaanshals" in page.text
    versions = [key for key in reads if ":version:" in key]
    assert versions, "the page reads version tokens"
    assert len(versions) == len(set(versions)), versions


def test_a_token_replaced_in_the_same_request_is_read_anew(rf, world):
    street = world.street_a.pk

    def view():
        before = page_cache.street_version(street)
        again = page_cache.street_version(street)
        page_cache.invalidate(street)
        after = page_cache.street_version(street)
        person = usercache.version(world.bewoner_a)
        usercache.bump(world.bewoner_a.pk)
        return before, again, after, person, usercache.version(world.bewoner_a)

    before, again, after, person, person_after = _in_request(rf, "GET", view)
    assert before == again
    assert after != before
    assert person_after != person


def test_another_request_sees_a_change_made_meanwhile(rf, world):
    street = world.street_a.pk
    first = _in_request(rf, "GET", lambda: page_cache.street_version(street))
    cache.delete(f"street-page:version:{street}")  # another process replaced it
    second = _in_request(rf, "GET", lambda: page_cache.street_version(street))
    assert first != second


def test_a_post_remembers_nothing(rf, world, monkeypatch):
    street = world.street_a.pk

    def view():
        first = page_cache.street_version(street)
        cache.delete(f"street-page:version:{street}")  # replaced without this request knowing
        return first, page_cache.street_version(street)

    first, second = _in_request(rf, "POST", view)
    assert first != second
    first, second = _in_request(rf, "GET", view)
    assert first == second, "a GET keeps the token it read first (see ops/versions.py why)"
