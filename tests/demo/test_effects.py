"""The demo's effect questionnaire: Noord shows its figures, a small street shows "< 5", and
no figure of the demo gives a small group back."""

import pytest
from django.core.management import call_command

from effects.models import EffectResponse, EffectRound
from insights.choices import ScopeKind
from insights.figures.effects import effect_report
from insights.suppression import SUPPRESSED, audit
from streets.models import NeighbourhoodPage, StreetPage

pytestmark = pytest.mark.django_db


def test_the_demo_measures_effects_in_noord_three_ways_and_suppresses_small_streets():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rounds = EffectRound.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert EffectRound.objects.count() == rounds

    zwaanshals = StreetPage.objects.get(slug="zwaanshals")
    channels = set(
        EffectResponse.objects.filter(round__street=zwaanshals).values_list("channel", flat=True)
    )
    assert channels == {"online", "link", "paper"}

    noord = NeighbourhoodPage.objects.get(slug="noord")
    report = effect_report(ScopeKind.NEIGHBOURHOOD, noord)
    baseline, latest = report.waves
    assert baseline.rows[0].n == 12 + 10 + 3
    assert latest.rows[0].n == 14 + 9
    assert isinstance(latest.rows[0].mean, float)
    small = effect_report(ScopeKind.STREET, StreetPage.objects.get(slug="zaagmolenkade"))
    assert small.waves[0].rows[0].n == SUPPRESSED
    assert audit(report.counts, report.lines, report.protection.hidden) == []
