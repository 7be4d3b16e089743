"""E-mail the gangmakers the pot reminders that are due (their digest). Daily; sends each once."""

from django.core.management.base import BaseCommand

from pot.services import send_due_reminders


class Command(BaseCommand):
    help = "Mailt de gangmakers de herinneringen van het potje die vandaag (of eerder) aan de beurt zijn."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} herinnering(en) verstuurd.")
