from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = _("Bedrijfsvoering")

    def ready(self):
        from . import signal_handlers

        # sender=self: once per migrate, after every app's migrations.
        post_migrate.connect(signal_handlers.sync_schedules_after_migrate, sender=self)
