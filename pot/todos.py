"""The pot's part of the to-do list on the start page (accounts.todos): per street of a
gangmaker, the neighbours' open tips, reminders that are due, and expenses waiting for a
second gangmaker (never their own). Three grouped queries, nothing changed."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.todos import gangmaker_streets

from .choices import ExpenseStatus, TipStatus
from .models import Expense, Reminder, Tip


def _per_street(queryset, street_field: str) -> dict[int, int]:
    return {
        row[street_field]: row["count"]
        for row in queryset.values(street_field).annotate(count=Count("pk")).order_by()
    }


def pot_todos(user):
    streets = gangmaker_streets(user)
    if not streets:
        return
    tips = _per_street(
        Tip.objects.filter(street_id__in=streets, status=TipStatus.OPEN), "street_id"
    )
    reminders = _per_street(
        Reminder.objects.filter(
            pot__street_id__in=streets, due_on__lte=timezone.localdate(), done_at__isnull=True
        ),
        "pot__street_id",
    )
    approvals = _per_street(
        Expense.objects.filter(
            pot__street_id__in=streets, status=ExpenseStatus.PENDING_APPROVAL
        ).exclude(recorded_by=user),
        "pot__street_id",
    )
    for street_id, title in streets.items():
        pot = reverse("pot:pot", args=[street_id])
        if count := approvals.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s uitgave wacht op uw goedkeuring",
                    "%(count)s uitgaven wachten op uw goedkeuring",
                    count,
                )
                % {"count": count},
                count=count,
                url=pot,
                place=title,
                kind="expense_approvals",
                urgent=True,
                order=35,
            )
        if count := tips.get(street_id):
            yield Todo(
                label=ngettext("%(count)s tip van een buur", "%(count)s tips van buren", count)
                % {"count": count},
                count=count,
                url=pot,
                place=title,
                kind="tips",
                order=40,
            )
        if count := reminders.get(street_id):
            yield Todo(
                label=ngettext("%(count)s herinnering", "%(count)s herinneringen", count)
                % {"count": count},
                count=count,
                url=pot,
                place=title,
                kind="reminders",
                order=45,
            )
