"""manage.py backup_db [--output PATH]: a verified backup of the database, owner-readable only."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ops.backup import BackupError, backup_database, default_backup_path


class Command(BaseCommand):
    help = (
        "Maakt een reservekopie van de database (PostgreSQL: pg_dump, eigen formaat; "
        "SQLite: de online back-up-API) en controleert die."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Bestand om naar te schrijven (standaard: BACKUP_DIR/liefleed-…-datum-tijd).",
        )
        parser.add_argument("--database", default="default", help="Database-alias.")

    def handle(self, *args, output=None, database="default", **options):
        try:
            target = backup_database(output or default_backup_path(database), alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Only the path goes to stdout, so scripts and timers can pick it up.
        self.stdout.write(str(target))
        self.stderr.write(self.style.SUCCESS(_("Reservekopie gemaakt en gecontroleerd.")))
