from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import personal_data, usercache
        from .privacy import register_personal_data

        register_personal_data("account", personal_data.export, personal_data.erase)
        usercache.connect_signals()

        from django.contrib.auth.signals import user_logged_in

        from .languages import keep_chosen_language

        user_logged_in.connect(keep_chosen_language, dispatch_uid="accounts.keep_language")
