"""A page that is only looked at changes nothing: GET every route of the matrix as every role.

A person opening a page, a link preview or a crawler following a link must leave the database
as it was. Every route of the permission matrix is requested with GET by every role (allowed
or not, without rolling back) and every table of every app, two-factor devices and
notifications included, must hold the same rows afterwards.
"""

import hashlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from matching.models import Notification
from tests.security.test_permission_matrix import ROLES, ROUTES, _clients, _objects

pytestmark = pytest.mark.django_db

# Bookkeeping that is not the data a page shows: sessions and the cache change on every
# request, django-q holds the health check's heartbeat task, axes logs logins, and Wagtail's
# user bar makes an editor's profile (its default settings) the first time it is drawn.
# One write on a GET is the point: reading someone's spare keys and emergency contacts is
# logged, who and when, for that person to see (streets/safety, issue 20).
_BOOKKEEPING_PREFIXES = (
    "django_session",
    "django_cache",
    "django_q_",
    "axes_",
    "wagtailusers_userprofile",
    "streets_safetynetread",
)


def _all_tables() -> list[str]:
    tables = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return sorted(t for t in tables if not t.startswith(_BOOKKEEPING_PREFIXES))


def _snapshot() -> dict[str, tuple[int, str]]:
    """Row count and a hash of every row of every table (last_login left out: logins)."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _all_tables():
            columns = [
                c.name
                for c in connection.introspection.get_table_description(cursor, table)
                if c.name != "last_login"
            ]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(
                f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY 1"  # noqa: S608
            )
            rows = cursor.fetchall()
            snapshot[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return snapshot


def test_getting_every_route_as_every_role_leaves_every_table_unchanged(world):
    objects, _objects_b = _objects(world)
    # Unread news for a member, so that opening "Mijn hulp" has something it could mark read.
    Notification.objects.create(
        user=world.bewoner_a, street=world.street_a, kind="other", text="Henk wil u helpen."
    )
    clients = _clients(world)
    before = _snapshot()
    problems = []
    for name, route in ROUTES.items():
        url = reverse(name, kwargs=route.kwargs(objects))
        for role in ROLES:
            clients[role].get(url)
        # One snapshot per route (all roles): hashing every table after each of the ~1,400
        # requests would make this test take minutes.
        after = _snapshot()
        changed = sorted(
            f"{table} ({before.get(table, (0,))[0]} → {after[table][0]} rows)"
            for table in after
            if after[table] != before.get(table)
        )
        if changed:
            problems.append(f"GET {name} changed {', '.join(changed)}")
            before = after
    assert not problems, "\n".join(problems)
