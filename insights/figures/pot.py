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


def collect(context: Context) -> SourceResult:
    """Attentions and money spent per street, occasion, kind and month; tips per street and
    occasion. Money figures count only what was paid from the pot; attentions without money
    are counted apart, in the same queries."""
    result = SourceResult(metrics=METRICS)
    attentions = _expenses(context)
    money = Q(amount__gt=0)
    spent = {
        "n": Count("pk", filter=money),
        "free": Count("pk", filter=Q(amount=0)),
        "total": Sum("amount", filter=money),
    }
    for row in attentions.values("pot__street_id").annotate(**spent).order_by():
        figures = result.per_street.setdefault(row["pot__street_id"], {})
        figures[PRESENCE.key] = count(row["free"])
        if row["n"]:
            figures.update(
                {ATTENTIONS.key: count(row["n"]), SPENT.key: Raw(row["total"] or ZERO, row["n"])}
            )
    # One query by occasion and kind gives the occasions' money and the kinds' counts.
    by_occasion: dict[str, dict] = {}
    by_kind: dict[str, int] = {}
    for row in attentions.values("occasion", "gift").annotate(**spent).order_by():
        line = by_occasion.setdefault(row["occasion"], {"n": 0, "free": 0, "total": ZERO})
        line["n"] += row["n"]
        line["free"] += row["free"]
        line["total"] += row["total"] or ZERO
        by_kind[row["gift"]] = by_kind.get(row["gift"], 0) + row["n"] + row["free"]
    n_total = sum(line["n"] for line in by_occasion.values())
    result.totals[ATTENTIONS.key] = count(n_total)
    result.totals[PRESENCE.key] = count(sum(line["free"] for line in by_occasion.values()))
    result.totals[SPENT.key] = Raw(
        sum((line["total"] for line in by_occasion.values()), ZERO), n_total
    )
    result.breakdowns.append(
        (
            SPENT_BY_OCCASION,
            [
                (label, Raw(by_occasion[value]["total"], by_occasion[value]["n"]))
                for value, label in Occasion.choices
                if by_occasion.get(value, {}).get("n")
            ],
        )
    )
    result.breakdowns.append(
        (
            ATTENTIONS_BY_KIND,
            [(label, count(by_kind[value])) for value, label in Gift.choices if value in by_kind],
        )
    )
    expenses = attentions.filter(money)
    spent = {"n": Count("pk"), "total": Sum("amount")}
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
