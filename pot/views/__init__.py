"""Screens of the pot: the gangmakers' street pages, the tip form, the coordinator's overview.

Every view checks on the server who is asking (streets.permissions); objects are always
looked up within the street of the URL, so a guessed id of another street is a 404.
"""

from .attentions import attention_new, card
from .coordinator import (
    export_csv,
    export_xlsx,
    open_missing_pots,
    overview,
    overview_start,
    settings_edit,
)
from .street import (
    expense_approve,
    expense_decline,
    expense_detail,
    expense_new,
    expense_reverse,
    pot_page,
    receipt,
    receipt_upload,
    reminder_done,
    street_threshold,
    tip_dismiss,
    tip_handled,
    tip_new,
    year_report,
)

__all__ = [
    "attention_new",
    "card",
    "expense_approve",
    "expense_decline",
    "expense_detail",
    "expense_new",
    "expense_reverse",
    "export_csv",
    "export_xlsx",
    "open_missing_pots",
    "overview",
    "overview_start",
    "pot_page",
    "receipt",
    "receipt_upload",
    "reminder_done",
    "settings_edit",
    "street_threshold",
    "tip_dismiss",
    "tip_handled",
    "tip_new",
    "year_report",
]
