"""The pot's part of a person's data rights: tips the person gave. The ledger keeps its amounts
without the person. Registered with accounts.privacy in PotConfig.ready().
"""

from .models import Expense, LedgerEntry, Receipt, Reminder, Tip


def export(user) -> dict:
    return {
        "tips_aan_de_gangmaker": list(
            Tip.objects.filter(created_by=user).values(
                "street__title", "occasion", "about", "note", "status", "created_at"
            )
        ),
        "uitgaven_vastgelegd": list(
            Expense.objects.filter(recorded_by=user).values(
                "id", "pot__street__title", "occasion", "gift", "status"
            )
        ),
    }


def erase(user, identity) -> None:
    """Tips stay for the street's pot but no longer say who gave them. Amounts, expenses and
    ledger entries stay: the street's money must add up. Where a link to the person may be
    empty it is emptied; the others point to the anonymised account."""
    Tip.objects.filter(created_by=user).update(created_by=None)
    Tip.objects.filter(decided_by=user).update(decided_by=None)
    for model, field in (
        (Expense, "recorded_by"),
        (Expense, "approved_by"),
        (LedgerEntry, "created_by"),
        (Receipt, "uploaded_by"),
        (Reminder, "created_by"),
        (Reminder, "done_by"),
    ):
        if model._meta.get_field(field).null:
            model.objects.filter(**{field: user}).update(**{field: None})
