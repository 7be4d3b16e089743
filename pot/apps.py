from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PotConfig(AppConfig):
    name = "pot"
    verbose_name = _("Lief & Leed-potje")
