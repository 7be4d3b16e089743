from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreetsConfig(AppConfig):
    name = "streets"
    verbose_name = _("Straten en wijken")

    def ready(self):
        from accounts.privacy import register_personal_data

        from . import page_cache, personal_data

        register_personal_data("straten", personal_data.export, personal_data.erase)
        page_cache.connect_signals()
