from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Burenhulp")

    def ready(self):
        from django.core import checks

        from accounts.privacy import register_personal_data
        from accounts.readable import register_value_text
        from accounts.todos import register_todo_provider
        from ops.schedules import register_schedules

        from . import geocoding, help_cache, personal_data, schedules, signal_handlers, todos

        checks.register(geocoding.check_geocoder_setting)

        register_personal_data("prikbord", personal_data.export, personal_data.erase)
        for key in ("availability", "when_slots"):
            register_value_text(key, personal_data.slot_text)
        register_schedules(*schedules.SCHEDULES)
        signal_handlers.connect()
        help_cache.connect_signals()
        register_todo_provider(todos.board_todos)
        register_todo_provider(todos.my_help_todos)
