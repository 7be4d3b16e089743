"""Open the pots of a year for every live street. Runs on 1 January; safe to run again."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pot.services import open_pots


class Command(BaseCommand):
    help = "Opent de potjes van het jaar voor alle Lief & Leedstraten (met restant als dat is ingesteld)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="Het jaar; standaard dit jaar.")

    def handle(self, *args, year=None, **options):
        year = year or timezone.localdate().year
        opened = open_pots(year)
        self.stdout.write(f"{len(opened)} potje(s) geopend voor {year}.")
