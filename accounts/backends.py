"""Authentication backends: django-axes' lockout check, tolerant of calls without a request, and
Django's model backend reading the logged-in person's row from the per-person cache."""

import functools
import hashlib

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.crypto import salted_hmac

from . import usercache


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuse a login for an e-mail address + IP pair that django-axes has locked out.

    Every login through the site (our login page, the Wagtail and Django admin) passes the
    request. A call without one (Django's test client `login()`, a management command) has no
    address to throttle on; it is left to the next backend instead of raising, as axes'
    own backend would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


# Never kept: the password hash stays in the database. last_login neither: a login saves only
# that field and does not replace the person's token, so a kept value would be old (and a
# save() of the kept user would write it back).
_NOT_KEPT = frozenset({"password", "last_login"})


class AccountBackend(ModelBackend):
    """Django's ModelBackend (passwords, permissions), except that a session's user is read
    from the per-person cache (accounts.usercache) instead of the database on every request.

    What is kept: the user row without the password hash and last login, and the session-auth
    hash Django compares with the one in the session (an HMAC of the password hash, which the
    session itself holds too). The user is rebuilt with the left-out fields deferred: reading
    `password` loads it from the database, and `save()` writes only the fields it has, so a
    kept user never blanks or rolls back the password. Every save or delete of the row replaces
    the person's token (a new password, deactivation, a new language), so the next request
    reads the row anew; a session whose hash no longer matches is then flushed by Django.
    """

    def get_user(self, user_id):
        entry = usercache.cached_by_id(
            user_id, _entry_name(settings.SECRET_KEY), lambda: _row_entry(user_id), keep_none=False
        )
        if entry is None:
            return None
        db, names, values, session_auth_hash = entry
        user = get_user_model().from_db(db, names, values)
        user._kept_session_auth_hash = session_auth_hash
        return user if self.user_can_authenticate(user) else None


def _kept_field_names() -> tuple[str, ...]:
    return tuple(
        field.attname
        for field in get_user_model()._meta.concrete_fields
        if field.attname not in _NOT_KEPT
    )


@functools.lru_cache(maxsize=4)
def _entry_name(secret_key: str) -> str:
    """The kept row's name: which fields it holds (a changed model never reads an old entry)
    and which secret key made its hash (a rotated key never accepts a hash made with the old
    one). An HMAC, so the key cannot be read from the name."""
    fields = hashlib.sha256("|".join(_kept_field_names()).encode()).hexdigest()[:12]
    secret = salted_hmac(
        "accounts.backends.entry_name", fields, secret=secret_key, algorithm="sha256"
    ).hexdigest()[:12]
    return f"user-row:{fields}:{secret}"


def _row_entry(user_id) -> tuple | None:
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is None:
        return None
    names = _kept_field_names()
    return (
        user._state.db,
        names,
        tuple(getattr(user, name) for name in names),
        user.get_session_auth_hash(),
    )
