from django.core.management.base import BaseCommand

from matching.services import send_digests


class Command(BaseCommand):
    help = "Verstuurt berichten die wachtten (stille uren, dagelijkse of wekelijkse samenvatting)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_digests()} buren kregen een samenvatting")
