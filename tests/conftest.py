"""Shared fixtures: a small municipality with two streets and one person in every role.

`world` is what most tests need: street A and street B in one wijk, a third street in another
wijk, and the people of the permission matrix (every role of the README's table, in their own
street and in the other).
"""

import ipaddress
import socket
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests.accounts.factories import UserFactory
from tests.home.factories import HomePageFactory
from tests.streets.factories import (
    CoordinatorAssignmentFactory,
    GangmakerMembershipFactory,
    MembershipFactory,
    NationalCoordinatorAssignmentFactory,
    NeighbourhoodPageFactory,
    StreetPageFactory,
    WelzijnAssignmentFactory,
)

_real_connect = socket.socket.connect


def _loopback_only_connect(sock, address):
    """Tests never touch the network: only loopback and local sockets may be reached."""
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise RuntimeError(f"Test tried to reach the network: {address!r}")
    return _real_connect(sock, address)


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    socket.socket.connect = _loopback_only_connect
    yield
    socket.socket.connect = _real_connect


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache; ids repeat between tests, so start empty."""
    cache.clear()


@pytest.fixture
def home(db):
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def world(home):
    wijk = NeighbourhoodPageFactory(parent=home, title="Noord", slug="noord")
    other_wijk = NeighbourhoodPageFactory(parent=home, title="Zuid", slug="zuid")
    street_a = StreetPageFactory(
        parent=wijk, title="Zwaanshals", slug="zwaanshals", postcodes="3035 KS"
    )
    street_b = StreetPageFactory(parent=wijk, title="Bergweg", slug="bergweg", postcodes="3036 BC")
    street_c = StreetPageFactory(
        parent=other_wijk, title="Putselaan", slug="putselaan", postcodes="3072 AB"
    )
    people = {
        "bewoner_a": MembershipFactory(
            street=street_a, user__first_name="Anna", house_number="12"
        ).user,
        "bewoner_b": MembershipFactory(
            street=street_b, user__first_name="Bram", house_number="3"
        ).user,
        "gangmaker_a": GangmakerMembershipFactory(street=street_a, user__first_name="Gerda").user,
        "gangmaker_b": GangmakerMembershipFactory(street=street_b, user__first_name="Bart").user,
        "welzijn_a": WelzijnAssignmentFactory(neighbourhood=wijk).user,
        "welzijn_other": WelzijnAssignmentFactory(neighbourhood=other_wijk).user,
        "coordinator": CoordinatorAssignmentFactory(municipality=home).user,
        "national": NationalCoordinatorAssignmentFactory(user__first_name="Nora").user,
        "outsider": UserFactory(first_name="Olga"),
    }
    return SimpleNamespace(
        home=home,
        wijk=wijk,
        other_wijk=other_wijk,
        street_a=street_a,
        street_b=street_b,
        street_c=street_c,
        **people,
    )


@pytest.fixture
def login(client):
    """login(user) logs the test client in as `user` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def other_municipality(home):
    """A second municipality with its own coordinator, wijk, street and people: nothing of it
    may reach the world's coordinator (and the other way round)."""
    other_home = HomePageFactory(
        title="Lief & Leed Amstelveen", slug="amstelveen", municipality_name="Amstelveen"
    )
    wijk = NeighbourhoodPageFactory(parent=other_home, title="Bovenkerk", slug="bovenkerk")
    street = StreetPageFactory(
        parent=wijk, title="Dorpsstraat", slug="dorpsstraat", postcodes="1187 AA"
    )
    gangmaker = GangmakerMembershipFactory(
        street=street, user__first_name="Wilhelmina", user__last_name="Amstelrade"
    ).user
    bewoner = MembershipFactory(
        street=street, user__first_name="Kees", user__last_name="Poelwijk", house_number="7"
    ).user
    coordinator = CoordinatorAssignmentFactory(
        municipality=other_home, user__first_name="Carla", user__last_name="Keizer"
    ).user
    return SimpleNamespace(
        home=other_home,
        wijk=wijk,
        street=street,
        gangmaker=gangmaker,
        bewoner=bewoner,
        coordinator=coordinator,
    )
