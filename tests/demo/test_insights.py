"""The demo: care signals in Zwaanshals and the match figures that welzijn@example.org sees."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo.builders import home as home_demo
from demo.builders import insights as insights_demo
from demo.builders import streets as streets_demo
from insights.choices import SignalStatus
from insights.models import CareSignal, CareSignalNote
from streets.models import NeighbourhoodPage

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_and_an_acknowledged_signal_for_welzijn_noord(client):
    out = io.StringIO()
    home = home_demo.build(out)
    streets_demo.build(home, out)
    insights_demo.build(home, out)
    insights_demo.build(home, out)

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
    assert '<svg class="chart chart--rows"' in dashboard.content.decode()


def test_the_welzijn_login_sees_the_demos_match_figures_suppressed_and_charted(client):
    call_command("seed_demo", stdout=io.StringIO())
    noord = NeighbourhoodPage.objects.get(slug="noord")

    assert client.login(username="welzijn@example.org", password="liefenleed")
    html = client.get(reverse("insights:dashboard", args=["wijk", noord.pk])).content.decode()

    # The demo has one accepted match: a figure, but from fewer than five neighbours.
    assert "<strong>&lt; 5</strong>Hulpvragen die een helper kregen" in html
    assert "<strong>&lt; 5</strong>Tijd tot een helper (mediaan)" in html
    assert "Open hulpvragen zonder helper, per soort hulp" in html
    assert 'aria-labelledby="trend-hulpvragen_met_helper"' in html
