from django.core.management.base import BaseCommand

from matching.services import PROPOSAL_DAYS, expire_proposals


class Command(BaseCommand):
    help = "Laat voorstellen verlopen waar niemand op antwoordde."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=PROPOSAL_DAYS)

    def handle(self, *args, days, **options):
        self.stdout.write(f"{expire_proposals(days=days)} voorstellen verlopen")
