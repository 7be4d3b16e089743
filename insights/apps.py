from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Signalen voor welzijn")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from ops.schedules import register_schedules

        from . import personal_data, schedules, todos

        register_personal_data("zorgsignalen", personal_data.export, personal_data.erase)
        register_todo_provider(todos.answered_signals)
        register_todo_provider(todos.new_signals)
        register_schedules(*schedules.SCHEDULES)
