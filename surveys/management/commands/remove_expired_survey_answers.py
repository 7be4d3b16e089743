"""Remove the answers of surveys that were closed longer ago than the retention period.

Called nightly by a django-q2 Schedule (declared in surveys/schedules.py); can be run by hand too.
The period is `SURVEY_ANSWER_RETENTION_DAYS` (default 90 days) or `--days`.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from surveys.services import remove_expired_answers


class Command(BaseCommand):
    help = "Verwijdert de antwoorden van enquêtes die langer dan de bewaartermijn gesloten zijn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SURVEY_ANSWER_RETENTION_DAYS,
            help="Bewaartermijn in dagen na het sluiten van een enquête.",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days mag niet negatief zijn.")
        removed = remove_expired_answers(days)
        self.stdout.write(f"{removed} enquêteantwoorden verwijderd.")
