"""The pot's business rules. Views and commands call these; the rules live nowhere else."""

from .attentions import record_attention
from .audit import log
from .ledger import (
    PotError,
    approve_expense,
    attach_receipt,
    decline_expense,
    effective_threshold,
    municipality_of,
    open_pot,
    open_pots,
    record_expense,
    reverse_expense,
    save_settings,
    set_street_threshold,
)
from .reports import (
    KindLine,
    PotSummary,
    StreetRow,
    booked_expenses,
    municipality_overview,
    pot_summary,
)
from .tips import (
    complete_reminder,
    dismiss_tip,
    expire_sensitive_texts,
    mark_tip_handled,
    send_due_reminders,
    submit_tip,
)

__all__ = [
    "KindLine",
    "PotError",
    "PotSummary",
    "StreetRow",
    "approve_expense",
    "attach_receipt",
    "booked_expenses",
    "complete_reminder",
    "decline_expense",
    "dismiss_tip",
    "effective_threshold",
    "expire_sensitive_texts",
    "log",
    "mark_tip_handled",
    "municipality_of",
    "municipality_overview",
    "open_pot",
    "open_pots",
    "pot_summary",
    "record_attention",
    "record_expense",
    "reverse_expense",
    "save_settings",
    "send_due_reminders",
    "set_street_threshold",
    "submit_tip",
]
