"""Build the demo municipality. Safe to run again: it adds only what is missing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo as home_demo
from insights import demo as insights_demo
from matching import demo as matching_demo
from matching import demo_matches
from pot import demo as pot_demo
from streets import demo as streets_demo
from surveys import demo as surveys_demo
from tests.accounts.factories import DEFAULT_PASSWORD


class Command(BaseCommand):
    help = "Bouwt de demogemeente (Rotterdam-achtig) met wijken, straten, bewoners en activiteiten."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Demogegevens opbouwen…")
        home = home_demo.build(self.stdout)
        streets_demo.build(home, self.stdout)
        matching_demo.build(home, self.stdout)
        demo_matches.build(home, self.stdout)
        surveys_demo.build(home, self.stdout)
        pot_demo.build(home, self.stdout)
        insights_demo.build(home, self.stdout)
        User = get_user_model()
        if not User.objects.filter(email="admin@example.org").exists():
            User.objects.create_superuser(
                "admin@example.org", DEFAULT_PASSWORD, first_name="Beheerder"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Klaar. Inloggen kan met wachtwoord “{DEFAULT_PASSWORD}”.")
        )
