from django.core.management.base import BaseCommand

from matching.services import rematch_all


class Command(BaseCommand):
    help = "Koppelt 's nachts alle open hulpvragen opnieuw, per straat (globale toewijzing)."

    def handle(self, *args, **options):
        made = rematch_all()
        self.stdout.write(f"{made} nieuwe voorstellen")
