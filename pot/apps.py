from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PotConfig(AppConfig):
    name = "pot"
    verbose_name = _("Lief & Leed-potje")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from ops.schedules import register_schedules

        from . import personal_data, schedules, todos

        register_personal_data("potje", personal_data.export, personal_data.erase)
        register_schedules(*schedules.SCHEDULES)
        register_todo_provider(todos.pot_todos)
