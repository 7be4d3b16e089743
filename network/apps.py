from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Between streets: the gangmakers' exchange and the directory of a wijk's gangmakers."""

    name = "network"
    verbose_name = _("Netwerk van gangmakers")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider

        from . import personal_data, todos

        register_personal_data("uitwisseling", personal_data.export, personal_data.erase)
        register_todo_provider(todos.network_todos)
