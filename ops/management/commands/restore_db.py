"""manage.py restore_db PATH: replace the database's contents with a backup (asks first)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from ops.backup import BackupError, restore_database, verify_backup


class Command(BaseCommand):
    help = (
        "Zet een reservekopie van backup_db terug. Dit vervangt de inhoud van de database: "
        "stop eerst de web- en workerprocessen."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="Het bestand dat backup_db maakte.")
        parser.add_argument("--database", default="default", help="Database-alias.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Niet om bevestiging vragen (voor scripts).",
        )

    def handle(self, *args, backup, database="default", interactive=True, **options):
        try:
            verify_backup(backup, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        name = connections[database].settings_dict["NAME"]
        if interactive:
            answer = input(
                _(
                    "Dit vervangt alles in database %(name)s door de inhoud van %(backup)s.\n"
                    "Typ 'ja' om door te gaan: "
                )
                % {"name": name, "backup": backup}
            )
            if answer.strip().lower() != "ja":
                raise CommandError(_("Afgebroken; er is niets veranderd."))
        try:
            restore_database(backup, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(_("Reservekopie teruggezet in %(name)s.") % {"name": name})
        )
