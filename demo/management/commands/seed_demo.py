"""Build the demo municipality. Safe to run again: it adds only what is missing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.builders import (
    board,
    home,
    insights,
    matches,
    national,
    network,
    newsletters,
    pot,
    programme,
    rota,
    safety,
    streets,
    surveys,
    welcome,
)
from demo.builders import effects as effect_rounds
from tests.accounts.factories import DEFAULT_PASSWORD


class Command(BaseCommand):
    help = "Bouwt de demogemeente (Rotterdam-achtig) met wijken, straten, bewoners en activiteiten."

    @transaction.atomic
    def handle(self, *args, **options):
        self.stdout.write("Demogegevens opbouwen…")
        home_page = home.build(self.stdout)
        for builder in (
            streets,
            board,
            matches,
            rota,
            surveys,
            pot,
            welcome,
            insights,
            safety,
            network,
            newsletters,
            programme,
            effect_rounds,
            national,
        ):
            builder.build(home_page, self.stdout)
        User = get_user_model()
        if not User.objects.filter(email="admin@example.org").exists():
            User.objects.create_superuser(
                "admin@example.org", DEFAULT_PASSWORD, first_name="Beheerder"
            )
        self.stdout.write(
            self.style.SUCCESS(f"Klaar. Inloggen kan met wachtwoord “{DEFAULT_PASSWORD}”.")
        )
        self.stdout.write(
            "Sites: http://127.0.0.1:8000 (Rotterdam), http://amstelveen.localhost:8000 "
            f"(Amstelveen), http://landelijk.localhost:8000 (landelijk; {national.NATIONAL_LOGIN.email})."
        )
