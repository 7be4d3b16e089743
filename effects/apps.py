from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EffectsConfig(AppConfig):
    name = "effects"
    verbose_name = _("Effectmeting")

    def ready(self):
        from accounts.privacy import register_personal_data
        from accounts.todos import register_todo_provider

        from . import personal_data, todos

        register_personal_data("effectmeting", personal_data.export, personal_data.erase)
        register_todo_provider(todos.effect_rounds_due)
