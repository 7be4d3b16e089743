from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Gemeente en artikelen")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import MunicipalitySettings
        from .templatetags.contact_tags import forget_contacts

        for signal in (post_save, post_delete):
            signal.connect(forget_contacts, sender=MunicipalitySettings, dispatch_uid="contact")
