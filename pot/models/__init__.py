"""The Lief & Leed pot: settings per municipality, a pot per street per year and its ledger,
expenses with receipts, tips from neighbours, reminders, and the audit log."""

from .audit import AuditEntry
from .ledger import Expense, LedgerEntry, Pot, Receipt
from .settings import PotSettings
from .tips import Reminder, Tip

__all__ = [
    "AuditEntry",
    "Expense",
    "LedgerEntry",
    "Pot",
    "PotSettings",
    "Receipt",
    "Reminder",
    "Tip",
]
