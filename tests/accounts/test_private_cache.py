"""Every page a logged-in person gets says it must not be stored; the headers are those
Django's add_never_cache_headers gives, written directly."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from accounts.middleware import NEVER_CACHE, PrivateCacheMiddleware
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_written_header_is_what_django_would_write():
    response = HttpResponse()
    add_never_cache_headers(response)
    assert response["Cache-Control"] == NEVER_CACHE


def test_a_members_page_is_not_stored_and_expires_at_once():
    client = Client()
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:account"))
    assert response["Cache-Control"] == NEVER_CACHE
    assert "Expires" in response


def test_a_views_own_expires_is_kept_and_still_not_stored(rf):
    request = rf.get("/")
    request.user = UserFactory()
    own = HttpResponse()
    own["Expires"] = "Thu, 01 Jan 2099 00:00:00 GMT"
    response = PrivateCacheMiddleware(lambda request: own)(request)
    assert response["Expires"] == "Thu, 01 Jan 2099 00:00:00 GMT"
    assert "no-store" in response["Cache-Control"]


def test_a_views_own_cache_control_is_left_alone(rf):
    request = rf.get("/")
    request.user = UserFactory()
    own = HttpResponse()
    own["Cache-Control"] = "max-age=60"
    assert PrivateCacheMiddleware(lambda request: own)(request)["Cache-Control"] == "max-age=60"
