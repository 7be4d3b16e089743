"""accounts.sessions reads a session with prepared SQL: the same rows count as with Django's
own database store (this key, not expired), and whatever Django does with a missing session
(a new key, never the one offered) still happens."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.sessions import SessionStore
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_site_uses_this_store_without_redis():
    assert settings.SESSION_ENGINE == "accounts.sessions"


def test_a_saved_session_reads_back():
    store = SessionStore()
    store["letters"] = "groot"
    store.save()
    assert SessionStore(store.session_key)["letters"] == "groot"


def test_an_expired_session_is_empty_and_gets_a_new_key():
    store = SessionStore()
    store["letters"] = "groot"
    store.save()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    again = SessionStore(store.session_key)
    assert "letters" not in again
    again["x"] = 1
    again.save()
    assert again.session_key != store.session_key


def test_an_unknown_key_is_never_taken_over():
    offered = "a" * 32
    store = SessionStore(offered)
    assert store.load() == {}
    store["x"] = 1
    store.save()
    assert store.session_key != offered
    assert not Session.objects.filter(session_key=offered).exists()


def test_an_expired_login_is_logged_out():
    client = Client()
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:account")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
