"""Make django-q2's Schedule rows match the jobs the apps declare (ops/schedules.py).

`migrate` runs the same sync afterwards; this command is for people and cron, e.g. after
changing a time without a migration to run. Safe to repeat: a second run changes nothing.
"""

from django.core.management.base import BaseCommand

from ops.schedules import sync_schedules


class Command(BaseCommand):
    help = "Zet de geplande taken (django-q2) gelijk aan wat de apps in schedules.py noemen."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="De database (alias).")

    def handle(self, *args, database, **options):
        result = sync_schedules(using=database)
        for label, names in (
            ("nieuw", result.created),
            ("gewijzigd", result.updated),
            ("verwijderd", result.removed),
        ):
            for name in names:
                self.stdout.write(f"{label}: {name}")
        if not result:
            self.stdout.write("De geplande taken kloppen al.")
