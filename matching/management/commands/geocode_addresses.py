from django.core.management.base import BaseCommand

from matching.services import geocode_membership
from streets.choices import MembershipStatus
from streets.models import StreetMembership


class Command(BaseCommand):
    help = "Zoekt de coördinaten op van woonadressen die nog niet gevonden zijn (met een limiet)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200)

    def handle(self, *args, limit, **options):
        pending = (
            StreetMembership.objects.filter(status=MembershipStatus.APPROVED)
            .exclude(home_location__status__in=["found", "failed"])
            .values_list("pk", flat=True)[:limit]
        )
        found = sum(
            1 for pk in list(pending) if (loc := geocode_membership(pk)) and loc.status == "found"
        )
        self.stdout.write(f"{found} adressen gevonden")
