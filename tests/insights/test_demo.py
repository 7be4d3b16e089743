"""The demo: care signals in Zwaanshals that welzijn@example.org sees, built idempotently."""

import io

import pytest
from django.urls import reverse

from home import demo as home_demo
from insights import demo
from insights.choices import SignalStatus
from insights.models import CareSignal, CareSignalNote
from streets import demo as streets_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_and_an_acknowledged_signal_for_welzijn_noord(client):
    out = io.StringIO()
    home = home_demo.build(out)
    streets_demo.build(home, out)
    demo.build(home, out)
    demo.build(home, out)

    assert sorted(CareSignal.objects.values_list("status", flat=True)) == sorted(
        [SignalStatus.OPEN, SignalStatus.ACKNOWLEDGED]
    )
    assert CareSignalNote.objects.count() == 1
    assert {s.street.slug for s in CareSignal.objects.all()} == {"zwaanshals"}

    assert client.login(username="welzijn@example.org", password="liefenleed")
    listing = client.get(reverse("insights:staff_signals")).content.decode()
    assert listing.count("Zwaanshals") == 2
    noord = home.get_children().get(slug="noord")
    dashboard = client.get(reverse("insights:dashboard", args=["wijk", noord.pk]))
    assert dashboard.status_code == 200
    assert '<svg class="chart"' in dashboard.content.decode()
