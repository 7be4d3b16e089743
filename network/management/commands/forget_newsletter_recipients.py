"""Retention: who an issue went to is forgotten RETENTION_NEWSLETTER_DELIVERIES_DAYS after the
send finished; the issue keeps its counts.

Run daily by a django-q2 Schedule (network/schedules.py); people and cron can run it too.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from network.newsletters.sending import forget_old_recipients


class Command(BaseCommand):
    help = "Vergeet aan wie een nieuwsbrief ging, na de bewaartermijn (de aantallen blijven)."

    def handle(self, *args, **options):
        count = forget_old_recipients(settings.RETENTION_NEWSLETTER_DELIVERIES_DAYS)
        self.stdout.write(f"{count} ontvangers van oude nieuwsbrieven vergeten.")
