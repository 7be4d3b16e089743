"""Compute the welzijn dashboards' figures for the default period ahead of time.

Run hourly by the schedule in insights/schedules.py: every live municipality and each of its
wijken, so the dashboard a coordinator or welzijn worker opens is answered from the cache
(at full Rotterdam scale a cold municipality costs about a second of CPU).
"""

from django.core.management.base import BaseCommand

from home.models import HomePage
from insights.choices import ScopeKind
from insights.figures.overview import refresh
from insights.forms import default_period
from streets.models import NeighbourhoodPage


class Command(BaseCommand):
    help = "Bereken de cijfers van de dashboards voor welzijn vooruit (standaardperiode)."

    def handle(self, *args, **options):
        start, end = default_period()
        count = 0
        for home in HomePage.objects.live():
            refresh(ScopeKind.MUNICIPALITY, home, start, end)
            count += 1
            for wijk in NeighbourhoodPage.objects.child_of(home).live():
                refresh(ScopeKind.NEIGHBOURHOOD, wijk, start, end)
                count += 1
        self.stdout.write(f"{count} dashboards berekend.")
