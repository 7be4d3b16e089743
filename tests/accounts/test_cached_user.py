"""A logged-in person's row comes from the per-person cache (accounts.backends.AccountBackend):
no query for it after the first request, never the password hash in the cache, and every
change that must log a session out (a new password, deactivation, deletion, erasure, a new
secret key) does so at once."""

import pickle

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from accounts.backends import AccountBackend
from accounts.models import User
from accounts.privacy import erase_user
from tests.accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "zwaan en eend 42"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _user_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries.captured_queries if '"accounts_user"' in q["sql"]]


def _logged_in(client) -> bool:
    """What the person sees: their account page, or the login page instead."""
    response = client.get(reverse("accounts:account"))
    return response.status_code == 200


def test_the_user_row_is_read_once_then_kept():
    anna = _client(UserFactory(first_name="Anna"))
    url = reverse("accounts:account")
    assert _user_queries(anna, url)  # first request: the row from the database
    assert _user_queries(anna, url) == []
    assert anna.get(url).context["user"].first_name == "Anna"


def test_the_password_hash_is_not_kept_in_the_cache():
    user = UserFactory()
    assert _logged_in(_client(user))
    user.refresh_from_db()
    kept = b"".join(pickle.dumps(cache.get(key)) for key in cache._cache)
    assert user.password.encode() not in kept
    assert user.password.split("$")[-1].encode() not in kept


def test_a_kept_user_reads_its_password_from_the_database_and_saving_never_blanks_it():
    user = UserFactory()
    backend = AccountBackend()
    backend.get_user(user.pk)  # now kept
    kept = backend.get_user(user.pk)
    assert "password" in kept.get_deferred_fields()
    assert kept.check_password(DEFAULT_PASSWORD)  # loaded when read

    other = backend.get_user(user.pk)
    other.first_name = "Bettie"
    other.save()  # no update_fields: only what it has is written
    user.refresh_from_db()
    assert user.first_name == "Bettie"
    assert user.check_password(DEFAULT_PASSWORD)


def test_saving_the_account_form_keeps_the_password_and_last_login():
    user = UserFactory(first_name="Anna")
    client = Client()
    assert client.login(username=user.email, password=DEFAULT_PASSWORD)
    user.refresh_from_db()
    last_login = user.last_login
    client.get(reverse("accounts:account"))  # the row is kept now
    response = client.post(
        reverse("accounts:account"),
        {"first_name": "Annie", "last_name": "", "phone": "", "language": "nl"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.first_name == "Annie"
    assert user.check_password(DEFAULT_PASSWORD)
    assert user.last_login == last_login
    assert _logged_in(client)


def test_a_new_name_and_language_show_at_once():
    user = UserFactory(first_name="Anna", language="nl")
    client = _client(user)
    client.get(reverse("accounts:account"))
    user.first_name = "Annie"
    user.language = "en"
    user.save()
    response = client.get(reverse("accounts:account"))
    assert response.context["user"].first_name == "Annie"
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("update_fields", [None, ["password"]])
def test_a_password_changed_elsewhere_logs_the_other_sessions_out(update_fields):
    user = UserFactory()
    phone = _client(user)
    assert _logged_in(phone)  # kept now
    fresh = User.objects.get(pk=user.pk)
    fresh.set_password(NEW_PASSWORD)
    fresh.save(update_fields=update_fields)
    assert not _logged_in(phone)


def test_a_login_elsewhere_keeps_the_row_kept():
    """A login writes only last_login, which is not kept: no reason to read the row anew."""
    user = UserFactory()
    phone = _client(user)
    url = reverse("accounts:account")
    phone.get(url)
    assert Client().login(username=user.email, password=DEFAULT_PASSWORD)
    assert _user_queries(phone, url) == []


def test_changing_ones_password_keeps_this_session_and_logs_out_the_others():
    user = UserFactory()
    laptop, phone = _client(user), _client(user)
    assert _logged_in(laptop) and _logged_in(phone)
    response = laptop.post(
        reverse("accounts:password_change"),
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert _logged_in(laptop)
    assert _logged_in(laptop)  # also from the kept row with its new hash
    assert not _logged_in(phone)


def test_a_deactivated_person_is_logged_out_at_once():
    user = UserFactory()
    client = _client(user)
    assert _logged_in(client)
    user.is_active = False
    user.save()
    assert not _logged_in(client)


def test_a_deleted_person_is_logged_out_at_once():
    user = UserFactory()
    client = _client(user)
    assert _logged_in(client)
    User.objects.filter(pk=user.pk).delete()
    assert not _logged_in(client)


def test_an_erased_person_is_logged_out_at_once():
    """erase_user changes the row with update() (no signal) and replaces the token itself."""
    user = UserFactory()
    client = _client(user)
    assert _logged_in(client)
    erase_user(user)
    assert not _logged_in(client)


def test_a_new_secret_key_logs_sessions_out_unless_the_old_one_is_a_fallback(settings):
    user = UserFactory()
    client = _client(user)
    assert _logged_in(client)  # kept, with a hash made with the current key
    old_key = settings.SECRET_KEY
    with override_settings(SECRET_KEY="another secret key " * 3, SECRET_KEY_FALLBACKS=[old_key]):
        assert _logged_in(client)  # Django moves the session to the new key
    other = _client(user)
    assert _logged_in(other)
    with override_settings(SECRET_KEY="a third secret key " * 3, SECRET_KEY_FALLBACKS=[]):
        assert not _logged_in(other)
