"""The demo's care rota case: the gangmaker of Zwaanshals makes a fortnight of evening meals
for the neighbour home from hospital, and the street's cooks cover at least 90% of it."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from demo.builders import board, rota
from demo.builders import home as home_demo
from demo.builders import streets as streets_demo
from matching.models import CareRota, HelpRequest, RotaMomentState
from streets.models import StreetPage

pytestmark = pytest.mark.django_db


def test_the_demo_gangmaker_makes_a_meal_rota_that_the_street_covers(client):
    home = home_demo.build(io.StringIO())
    streets_demo.build(home, io.StringIO())
    board.build(home, io.StringIO())
    rota.build(home, io.StringIO())
    rota.build(home, io.StringIO())  # twice: nothing more
    meals = HelpRequest.objects.get(author__email=rota.PATIENT, category="maaltijd")
    street = StreetPage.objects.get(slug="zwaanshals")

    client.force_login(street.memberships.get(user__email="gangmaker@example.org").user)
    client.post(
        reverse("matching:rota_new", args=[street.pk]),
        {
            "request": meals.pk,
            "first_day": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
            "days": 14,
            "dagdelen": ["avond"],
            "per_week": 2,
        },
    )
    made = CareRota.objects.get(request=meals)
    covered = made.moments.exclude(state=RotaMomentState.OPEN).count()
    assert covered / made.moments.count() >= 0.9
    assert set(made.moments.values_list("helper__email", flat=True)) <= set(rota.COOKS)
