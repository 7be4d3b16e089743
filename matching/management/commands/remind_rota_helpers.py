from django.core.management.base import BaseCommand

from matching.services.rota import remind_helpers


class Command(BaseCommand):
    help = "Herinnert helpers van een zorgrooster de avond van tevoren aan hun moment van morgen."

    def handle(self, *args, **options):
        self.stdout.write(f"{remind_helpers()} herinneringen voor morgen")
