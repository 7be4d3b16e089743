"""Retention: remove interest forms received more than RETENTION_INTEREST_DAYS ago.

Run daily by a django-q2 Schedule (national/schedules.py); people and cron can run it too.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from national.services import remove_old_submissions


class Command(BaseCommand):
    help = "Verwijdert belangstellingsformulieren van gemeenten na de bewaartermijn."

    def handle(self, *args, **options):
        count = remove_old_submissions(settings.RETENTION_INTEREST_DAYS)
        self.stdout.write(f"{count} oude belangstellingsformulieren verwijderd.")
