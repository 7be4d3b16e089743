from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreetsConfig(AppConfig):
    name = "streets"
    verbose_name = _("Straten en wijken")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from accounts.twofactor import register_two_factor_rule

        from . import page_cache, permissions, personal_data, services, todos
        from .events import signal_handlers as event_signal_handlers

        register_personal_data("straten", personal_data.export, personal_data.erase)
        register_personal_data(
            "sleutels_en_noodcontacten", personal_data.safety_export, personal_data.safety_erase
        )
        register_two_factor_rule(permissions.sees_more_than_one_street)
        register_todo_provider(todos.waiting_applications)
        page_cache.connect_signals()
        permissions.connect_signals()
        services.connect_signals()
        event_signal_handlers.connect_signals()
