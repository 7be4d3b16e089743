"""The account pages: logging in (account.py), two-factor (twofactor.py) and the neighbour's
data rights (privacy.py). The rules are in accounts.twofactor and accounts.privacy."""

from .account import (
    LoginView,
    account,
    locked_out,
    password_change,
    password_change_done,
    password_reset,
    password_reset_complete,
    password_reset_confirm,
    password_reset_done,
    set_language,
)
from .privacy import create_download, delete_account, download, my_data, privacy_page
from .twofactor import backup_codes, setup, verify

__all__ = [
    "LoginView",
    "account",
    "backup_codes",
    "create_download",
    "delete_account",
    "download",
    "locked_out",
    "my_data",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_complete",
    "password_reset_confirm",
    "password_reset_done",
    "privacy_page",
    "set_language",
    "setup",
    "verify",
]
