from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Between streets: the gangmakers' exchange, the directory of a wijk's gangmakers, meetings
    and the newsletters."""

    name = "network"
    verbose_name = _("Netwerk van gangmakers")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from ops.schedules import register_schedules

        from . import personal_data, schedules, todos

        register_personal_data("uitwisseling", personal_data.export, personal_data.erase)
        register_personal_data(
            "nieuwsbrieven", personal_data.export_newsletters, personal_data.erase_newsletters
        )
        register_todo_provider(todos.network_todos)
        register_schedules(*schedules.SCHEDULES)
