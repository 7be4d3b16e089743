"""A person's roles are read once and kept in the cache; every change is seen on the next
request, and the common request asks the database nothing about them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership
from tests.streets.factories import CoordinatorAssignmentFactory, WelzijnAssignmentFactory

# The questions "what is this person": their memberships, assignments and devices (the board
# itself also reads memberships, of the whole street, which is not asked here).
ROLE_QUERIES = (
    'FROM "streets_streetmembership" WHERE "streets_streetmembership"."user_id" =',
    'FROM "streets_coordinatorassignment"',
    'FROM "streets_welzijnassignment"',
    'FROM "otp_totp_totpdevice"',
)


def _role_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if any(part in q["sql"] for part in ROLE_QUERIES)]


def _get(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, captured.captured_queries


def test_a_second_request_reads_no_roles_from_the_database(login, world):
    client = login(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    first, first_queries = _get(client, board)
    second, second_queries = _get(client, board)
    assert first.status_code == second.status_code == 200
    assert _role_queries(first_queries)
    assert _role_queries(second_queries) == []
    assert len(second_queries) < len(first_queries)


def test_a_member_who_leaves_is_refused_on_the_next_request(login, world):
    client = login(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    assert client.get(board).status_code == 200
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a)
    membership.status = MembershipStatus.LEFT
    membership.save()
    assert client.get(board).status_code == 403


def test_a_membership_deleted_is_refused_on_the_next_request(login, world):
    client = login(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    assert client.get(board).status_code == 200
    StreetMembership.objects.filter(user=world.bewoner_a).delete()
    assert client.get(board).status_code == 403


def test_a_neighbour_made_gangmaker_can_moderate_on_the_next_request(login, world):
    client = login(world.bewoner_a)
    moderation = reverse("matching:moderation", args=[world.street_a.pk])
    assert client.get(moderation).status_code == 403
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a)
    membership.role = MemberRole.GANGMAKER
    membership.save()
    assert client.get(moderation).status_code == 200
    membership.role = MemberRole.BEWONER
    membership.save()
    assert client.get(moderation).status_code == 403


def test_a_new_welzijn_assignment_opens_the_wijk_at_once(login, world):
    client = login(world.outsider)
    signals = f"/signalen/wijk/{world.wijk.pk}/"
    assert client.get(signals).status_code == 403
    assignment = WelzijnAssignmentFactory(neighbourhood=world.wijk, user=world.outsider)
    assert client.get(signals).status_code == 200
    assignment.delete()
    assert client.get(signals).status_code == 403


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


def test_a_neighbour_made_coordinator_must_set_up_two_factor_on_the_next_request(
    enforced, login, world
):
    client = login(world.bewoner_a)
    mine = reverse("streets:my_streets")
    assert client.get(mine).status_code == 200
    CoordinatorAssignmentFactory(municipality=world.home, user=world.bewoner_a)
    response = client.get(mine)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_a_neighbours_request_asks_nothing_about_two_factor_the_second_time(enforced, login, world):
    client = login(world.bewoner_a)
    mine = reverse("streets:my_streets")
    client.get(mine)
    response, queries = _get(client, mine)
    assert response.status_code == 200
    assert not [q for q in queries if "otp_" in q["sql"]]


def test_a_verified_session_reads_its_device_once_and_loses_it_when_it_is_removed(
    enforced, login, world
):
    device = TOTPDevice.objects.create(user=world.coordinator, name="app", confirmed=True)
    client = login(world.coordinator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    mine = reverse("streets:my_streets")
    assert client.get(mine).status_code == 200
    response, queries = _get(client, mine)
    assert response.status_code == 200
    assert not [q for q in queries if "otp_" in q["sql"]]

    device.delete()
    response = client.get(mine)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_the_cache_never_holds_the_authenticator_apps_secret(enforced, login, world):
    from django.core.cache import cache

    device = TOTPDevice.objects.create(user=world.coordinator, name="app", confirmed=True)
    client = login(world.coordinator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(reverse("streets:my_streets")).status_code == 200
    assert client.get(reverse("streets:my_streets")).status_code == 200
    # The local-memory cache keeps pickled values: none may contain the key.
    stored = list(cache._cache.values())
    assert stored
    assert not [value for value in stored if device.key.encode() in value]
