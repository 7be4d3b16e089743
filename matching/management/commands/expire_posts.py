"""Daily: posts past their end date leave the board and their authors are told (see services)."""

from django.core.management.base import BaseCommand

from matching.services import expire_posts


class Command(BaseCommand):
    help = "Zet berichten op het prikbord waarvan de einddatum voorbij is op verlopen."

    def handle(self, *args, **options):
        expired = expire_posts()
        self.stdout.write(f"{expired} bericht(en) verlopen.")
