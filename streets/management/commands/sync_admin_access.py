"""Give every gangmaker and coordinator exactly the admin rights their roles give.

Roles are synced whenever they change; run this once after an upgrade that widened what a
role may do (such as the street's own photo collection for gangmakers). Safe to run again.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q

from streets.choices import MemberRole, MembershipStatus
from streets.services import sync_admin_access


class Command(BaseCommand):
    help = "Zet de beheerrechten van alle gangmakers en coördinatoren gelijk aan hun rollen."

    def handle(self, *args, **options):
        users = (
            get_user_model()
            .objects.filter(
                Q(
                    memberships__role=MemberRole.GANGMAKER,
                    memberships__status=MembershipStatus.APPROVED,
                )
                | Q(coordinator_assignments__isnull=False)
                | Q(national_coordinator_assignment__isnull=False)
            )
            .distinct()
        )
        count = 0
        for user in users.iterator():
            sync_admin_access(user)
            count += 1
        self.stdout.write(f"Beheerrechten bijgewerkt voor {count} gebruiker(s).")
