from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = _("Programma: aanmeldingen van straten")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider
        from pot.panels import register_pot_panel

        from . import panels, personal_data, todos

        register_personal_data("programma", personal_data.export, personal_data.erase)
        register_todo_provider(todos.coordinator_todos)
        register_todo_provider(todos.gangmaker_todos)
        register_pot_panel(panels.starter_pack_panel)
