"""Wipe the free text of health tips and reminders after the municipality's set time. Daily."""

from django.core.management.base import BaseCommand

from pot.services import expire_sensitive_texts


class Command(BaseCommand):
    help = "Wist de tekst van tips en herinneringen over ziekte, rouw en eenzaamheid na de ingestelde termijn."

    def handle(self, *args, **options):
        wiped = expire_sensitive_texts()
        self.stdout.write(f"{wiped} tekst(en) gewist.")
