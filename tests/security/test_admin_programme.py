"""The coordinator's "Programma" in the Wagtail admin: every route × role × GET/POST.

tests/security/test_permission_matrix.py leaves /admin/ out (Wagtail's own permission system);
this is the same matrix for the admin routes the project adds. ROUTES is checked against the
registered viewsets, so a new route of a municipality viewset without an entry fails
`test_every_programme_route_has_an_entry`. Everything happens in two municipalities: the
world's (Rotterdam) and Amstelveen, each with its own coordinator.

Expected: the world's coordinator and a superuser use every route on the world's objects;
Amstelveen's coordinator gets their own lists but a 404 for each of the world's objects;
everyone else (anonymous, bewoner, a gangmaker who has the admin for their street, welzijn
staff, a user without any role) is refused. A refused request changes no table.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.coreutils import resolve_model_string

from accounts.models import User
from pot.models import Pot, PotSettings
from streets.admin_scope import MunicipalityViewSet
from streets.choices import MemberRole
from streets.models import StreetMembership
from tests.accounts.factories import UserFactory
from tests.pot.factories import PotSettingsFactory, funded_pot
from tests.security.conftest import db_snapshot

pytestmark = pytest.mark.django_db

ALLOWED = ("coordinator", "superuser")
FOREIGN = "other_coordinator"
REFUSED = ("anonymous", "bewoner_a", "gangmaker_a", "welzijn_a", "outsider")
ROLES = (*ALLOWED, FOREIGN, *REFUSED)


@dataclass(frozen=True)
class Route:
    """How to reach one route for one municipality's objects, and what a POST sends."""

    kwargs: Callable[[dict], dict]
    data: Callable[[dict], dict] = lambda o: {}

    def is_object_route(self, objects) -> bool:
        return "pk" in self.kwargs(objects)


def _none(o):
    return {}


def _pk(key):
    return lambda o: {"pk": o[key]}


SETTINGS_FORM = {
    "yearly_amount": "999,00",
    "carry_over": "on",
    "four_eyes_threshold": "1,00",
    "sensitive_text_days": "1",
}

ROUTES: dict[str, Route] = {
    "memberships:index": Route(_none),
    "memberships:index_results": Route(_none),
    "memberships:inspect": Route(_pk("membership")),
    "memberships:edit": Route(_pk("membership"), lambda o: {"role": MemberRole.GANGMAKER}),
    "gangmakers:index": Route(_none),
    "gangmakers:index_results": Route(_none),
    "gangmakers:inspect": Route(_pk("gangmaker")),
    "gangmakers:edit": Route(_pk("gangmaker"), lambda o: {"role": MemberRole.BEWONER}),
    "pot_settings:index": Route(_none),
    "pot_settings:index_results": Route(_none),
    "pot_settings:add": Route(_none, lambda o: {**SETTINGS_FORM, "municipality": o["home"]}),
    "pot_settings:inspect": Route(_pk("pot_settings")),
    "pot_settings:edit": Route(_pk("pot_settings"), lambda o: SETTINGS_FORM),
    "pots:index": Route(_none),
    "pots:index_results": Route(_none),
    "pots:inspect": Route(_pk("pot")),
    "pots:edit": Route(_pk("pot"), lambda o: {"four_eyes_threshold": "1,00"}),
}

# Lists are also asked for as a download: never a file, never another municipality's rows.
EXPORTS = ("", "?export=csv", "?export=xlsx")


def _registered_routes() -> set[str]:
    reverse("wagtailadmin_home")  # the admin's URLs, and so its viewsets, are loaded
    names = set()
    for viewset in viewsets.viewsets:
        if isinstance(viewset, MunicipalityViewSet):
            names |= {
                f"{viewset.url_namespace}:{pattern.name}" for pattern in viewset.get_urlpatterns()
            }
    return names


def test_every_programme_route_has_an_entry():
    assert _registered_routes() == set(ROUTES), (
        "Add the new admin routes of the programme to ROUTES "
        "(tests/security/test_admin_programme.py)"
    )


def _objects(home, street, bewoner, gangmaker) -> dict:
    """The ids the routes take, for one municipality."""
    return {
        "home": home.pk,
        "membership": StreetMembership.objects.get(user=bewoner, street=street).pk,
        "gangmaker": StreetMembership.objects.get(user=gangmaker, street=street).pk,
        "pot_settings": PotSettingsFactory(municipality=home).pk,
        "pot": funded_pot(street).pk,
    }


def _words(world) -> list[str]:
    """What of the world's municipality must never reach another municipality's coordinator."""
    people = (world.bewoner_a, world.bewoner_b, world.gangmaker_a, world.gangmaker_b)
    return [p.get_full_name() for p in people] + ["Zwaanshals", "Bergweg", "Rotterdam"]


def _clients(world, other) -> dict[str, Client]:
    users = {
        **{role: getattr(world, role) for role in ("coordinator", *REFUSED[1:])},
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        FOREIGN: other.coordinator,
    }
    clients = {"anonymous": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _send(client, method, url, data, rollback: bool):
    if not rollback:
        return getattr(client, method)(url, data)
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


_REFUSAL_REDIRECTS = ("/admin/login/", "/account/inloggen/")


def _is_refusal(response) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        # Wagtail sends those without the admin to its login, and those without the right to
        # this screen to the admin's home with a message.
        location = response["Location"]
        return location.startswith(_REFUSAL_REDIRECTS) or location == reverse("wagtailadmin_home")
    return False


def _check(role, route, method, response, objects, words) -> str | None:
    """What is wrong with this response, if anything."""
    status = response.status_code
    if status >= 500:
        return f"{status}"
    body = response.content.decode(errors="replace") if not response.streaming else ""
    if role in ALLOWED:
        if method == "get" and status != 200:
            return f"{status}, not allowed"
        return None
    if role == FOREIGN:
        if route.is_object_route(objects):
            return None if status == 404 else f"{status}, not 404"
        leaked = [word for word in words if word in body]
        return f"shows {leaked}" if leaked else None
    return None if _is_refusal(response) else f"{status}, not refused"


def test_every_role_gets_what_it_may_and_a_refused_request_changes_nothing(
    world, other_municipality
):
    other = other_municipality
    objects = _objects(world.home, world.street_a, world.bewoner_a, world.gangmaker_a)
    _objects(other.home, other.street, other.bewoner, other.gangmaker)
    clients = _clients(world, other)
    words = _words(world)
    before = db_snapshot()
    problems = []
    for name, route in ROUTES.items():
        url = reverse(name, kwargs=route.kwargs(objects))
        variants = EXPORTS if name.endswith(":index") else ("",)
        for method in ("get", "post"):
            for role in ROLES:
                # What an allowed change does is the viewsets' own tests' business.
                rollback = role in ALLOWED
                for query in variants:
                    data = route.data(objects) if method == "post" else {}
                    response = _send(clients[role], method, url + query, data, rollback)
                    problem = _check(role, route, method, response, objects, words)
                    if problem:
                        problems.append(f"{method.upper()} {name}{query} as {role}: {problem}")
        after = db_snapshot()
        changed = sorted(table for table in after if after[table] != before.get(table))
        if changed:
            problems.append(f"requests to {name} changed {changed}")
            before = after
    assert not problems, "\n".join(problems)


def test_a_coordinator_reaches_no_object_of_another_municipality_by_its_id(
    world, other_municipality
):
    """The other way round too: ids of Amstelveen's objects through the world's coordinator."""
    other = other_municipality
    _objects(world.home, world.street_a, world.bewoner_a, world.gangmaker_a)
    theirs = _objects(other.home, other.street, other.bewoner, other.gangmaker)
    client = _clients(world, other)["coordinator"]
    before = db_snapshot()
    problems = []
    for name, route in ROUTES.items():
        if not route.is_object_route(theirs):
            continue
        url = reverse(name, kwargs=route.kwargs(theirs))
        for method in ("get", "post"):
            response = _send(client, method, url, route.data(theirs), rollback=False)
            if response.status_code != 404:
                problems.append(f"{method.upper()} {name} of Amstelveen: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert db_snapshot() == before
    assert PotSettings.objects.get(municipality=other.home).yearly_amount != 999


def test_care_signals_tips_and_other_personal_text_get_no_admin_screen():
    """The admin shows memberships and pots; a care signal, a tip, a reminder, an expense's
    "for whom", a board post or a survey answer never gets a screen there."""
    reverse("wagtailadmin_home")  # the admin's URLs, and so its viewsets, are loaded
    project_apps = {"accounts", "streets", "matching", "pot", "surveys", "insights"}
    models = {
        resolve_model_string(viewset.model)
        for viewset in viewsets.viewsets
        if getattr(viewset, "model", None)
    }
    models = {model for model in models if model._meta.app_label in project_apps}
    # The user accounts are Wagtail's own screens, behind Django's permissions (superusers).
    assert models == {User, StreetMembership, PotSettings, Pot}
