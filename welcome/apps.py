from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WelcomeConfig(AppConfig):
    """Welcoming new neighbours and the street's household list (above surveys and the pot,
    whose records the household list shows per home)."""

    name = "welcome"
    verbose_name = _("Welkom en huishoudens")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from streets.signals import membership_approved

        from . import personal_data, signal_handlers, todos

        membership_approved.connect(
            signal_handlers.welcome_approved_member, dispatch_uid="welcome_approved_member"
        )
        register_todo_provider(todos.welcomes_to_do)
        register_personal_data("welkom", personal_data.export, personal_data.erase)
