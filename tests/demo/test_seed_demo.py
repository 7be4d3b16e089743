"""The demo command builds a whole municipality, and running it twice changes nothing."""

import pytest
from django.core.management import call_command

from accounts.models import User
from streets.choices import MemberRole, MembershipStatus
from streets.models import EventPage, NeighbourhoodPage, StreetMembership, StreetPage
from streets.permissions import street_access

pytestmark = pytest.mark.django_db


def counts():
    return (
        User.objects.count(),
        StreetMembership.objects.count(),
        StreetPage.objects.count(),
        EventPage.objects.count(),
    )


def test_the_demo_has_wijken_streets_people_and_staff_and_is_idempotent(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first

    assert NeighbourhoodPage.objects.count() >= 3
    assert StreetPage.objects.count() >= 12
    # The Bentincklaan is the programme's quiet street: one gangmaker and nobody else.
    for street in StreetPage.objects.exclude(slug="bentincklaan"):
        approved = street.memberships.filter(status=MembershipStatus.APPROVED)
        assert approved.filter(role=MemberRole.GANGMAKER).count() == 2
        assert approved.filter(role=MemberRole.BEWONER).count() >= 24
        assert approved.filter(user__is_offline=True).exists()

    gangmaker = User.objects.get(email="gangmaker@example.org")
    zwaanshals = StreetPage.objects.get(slug="zwaanshals")
    assert street_access(gangmaker, zwaanshals).is_gangmaker
    assert client.login(username="bewoner@example.org", password="liefenleed")
    assert client.get("/").status_code == 200
    assert "Zwaanshals" in client.get("/zoeken/?q=3035KS").content.decode()
