from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    """The national layer: the national site, figures across municipalities and the interest
    of municipalities that want to start."""

    name = "national"
    verbose_name = _("Landelijk")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from ops.schedules import register_schedules

        from . import personal_data, schedules, todos

        register_personal_data("landelijk", personal_data.export, personal_data.erase)
        register_todo_provider(todos.national_todos)
        register_schedules(*schedules.SCHEDULES)
