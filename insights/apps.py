from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Signalen voor welzijn")

    def ready(self):
        from accounts.privacy import register_personal_data
        from ops.schedules import register_schedules

        from . import personal_data, schedules

        register_personal_data("zorgsignalen", personal_data.export, personal_data.erase)
        register_schedules(*schedules.SCHEDULES)
