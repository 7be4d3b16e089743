"""Figures from the Lief & Leed pot: attentions given and tips received, by occasion.

A booked expense is one attention for one neighbour or household, so the number of expenses
is the number of people a sum was computed from; for tips it is the number of tippers.
Attentions without money (a visit, a meal: an expense of € 0) are counted, never summed as
money: they are their own metric and in the breakdown by kind.
"""

from decimal import Decimal

from django.db.models import Count, Max, Q, Sum
from django.utils.translation import gettext_lazy as _

from pot.choices import ExpenseStatus, Gift, Occasion
from pot.models import Expense, Tip

from .base import Context, Metric, Raw, SourceResult, count, per_month

ATTENTIONS = Metric("attenties", _("Attenties uit het potje"))
PRESENCE = Metric("attenties_zonder_geld", _("Attenties zonder geld (bezoek, maaltijd, ...)"))
ATTENTIONS_BY_KIND = Metric("attenties_per_soort", _("Attenties per soort (met en zonder geld)"))
SPENT = Metric("potje_uitgegeven", _("Uitgegeven uit het potje"), "euro")
TIPS = Metric("tips", _("Tips van buren aan de gangmakers"))
SPENT_BY_OCCASION = Metric(
    "potje_per_aanleiding", _("Uitgegeven uit het potje, per aanleiding"), "euro"
)
TIPS_BY_OCCASION = Metric("tips_per_aanleiding", _("Tips per aanleiding"))
METRICS = [ATTENTIONS, PRESENCE, SPENT, TIPS]

ZERO = Decimal("0.00")


def _expenses(context: Context):
    return Expense.objects.filter(
        pot__street_id__in=context.street_ids,
        status=ExpenseStatus.BOOKED,
        spent_on__gte=context.start,
        spent_on__lte=context.end,
    )


def _tips(context: Context):
    return Tip.objects.filter(
        street_id__in=context.street_ids,
        created_at__gte=context.start_at,
        created_at__lt=context.end_before,
    )


def _presence(context: Context, result: SourceResult) -> None:
    """Attentions without money per street, and every attention by kind (counts only)."""
    attentions = _expenses(context)
    free = {"n": Count("pk", filter=Q(amount=0))}
    for row in attentions.values("pot__street_id").annotate(**free).order_by():
        result.per_street.setdefault(row["pot__street_id"], {})[PRESENCE.key] = count(row["n"])
    result.totals[PRESENCE.key] = count(attentions.aggregate(**free)["n"])
    by_kind = {
        row["gift"]: row["n"]
        for row in attentions.values("gift").annotate(n=Count("pk")).order_by()
    }
    result.breakdowns.append(
        (
            ATTENTIONS_BY_KIND,
            [(label, count(by_kind[value])) for value, label in Gift.choices if value in by_kind],
        )
    )


def collect(context: Context) -> SourceResult:
    """Attentions and money spent per street, occasion and month; tips per street and occasion."""
    result = SourceResult(metrics=METRICS)
    _presence(context, result)
    # Money figures count only what was paid from the pot.
    expenses = _expenses(context).filter(amount__gt=0)
    spent = {"n": Count("pk"), "total": Sum("amount")}
    for row in expenses.values("pot__street_id").annotate(**spent).order_by():
        result.per_street.setdefault(row["pot__street_id"], {}).update(
            {ATTENTIONS.key: count(row["n"]), SPENT.key: Raw(row["total"] or ZERO, row["n"])}
        )
    by_occasion = {
        row["occasion"]: row for row in expenses.values("occasion").annotate(**spent).order_by()
    }
    n_total = sum(row["n"] for row in by_occasion.values())
    result.totals[ATTENTIONS.key] = count(n_total)
    result.totals[SPENT.key] = Raw(
        sum((row["total"] for row in by_occasion.values()), ZERO), n_total
    )
    result.breakdowns.append(
        (
            SPENT_BY_OCCASION,
            [
                (label, Raw(by_occasion[value]["total"], by_occasion[value]["n"]))
                for value, label in Occasion.choices
                if value in by_occasion
            ],
        )
    )
    by_month = per_month(context, expenses, "spent_on", spent, dates=True)
    result.trends.append((SPENT, {month: Raw(row["total"], row["n"]) for month, row in by_month}))

    tips = _tips(context)
    tippers = {"n": Count("pk"), "people": Count("created_by", distinct=True)}
    for row in tips.values("street_id").annotate(**tippers).order_by():
        result.per_street.setdefault(row["street_id"], {})[TIPS.key] = Raw(row["n"], row["people"])
    totals = tips.aggregate(**tippers)
    result.totals[TIPS.key] = Raw(totals["n"], totals["people"])
    tips_by_occasion = {
        row["occasion"]: row for row in tips.values("occasion").annotate(**tippers).order_by()
    }
    result.breakdowns.append(
        (
            TIPS_BY_OCCASION,
            [
                (label, Raw(tips_by_occasion[value]["n"], tips_by_occasion[value]["people"]))
                for value, label in Occasion.choices
                if value in tips_by_occasion
            ],
        )
    )
    return result


def activity(context: Context):
    """(street_id, moment) of the latest pot entry and tip per street, for quiet streets."""
    for row in (
        Expense.objects.filter(pot__street_id__in=context.street_ids)
        .values("pot__street_id")
        .annotate(last=Max("recorded_at"))
        .order_by()
    ):
        yield row["pot__street_id"], row["last"]
    for row in (
        Tip.objects.filter(street_id__in=context.street_ids)
        .values("street_id")
        .annotate(last=Max("created_at"))
        .order_by()
    ):
        yield row["street_id"], row["last"]
