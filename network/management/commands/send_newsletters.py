from django.core.management.base import BaseCommand

from network.newsletters.sending import resume_unfinished


class Command(BaseCommand):
    help = "Verstuurt wat van een nieuwsbrief nog wachtte (na een storing of een gestopte taak)."

    def handle(self, *args, **options):
        self.stdout.write(f"{resume_unfinished()} nieuwsbrieven weer op weg")
