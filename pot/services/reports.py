"""Figures for the gangmaker's pot page, the year report and the coordinator's overview.

Everything here is read-only and computed from the ledger, in a fixed number of queries.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from home.models import HomePage
from pot.choices import EntryKind, ExpenseStatus, Gift, Occasion
from pot.models import Expense, Pot
from streets.models import NeighbourhoodPage, StreetPage

ZERO = Decimal("0.00")
IN_KINDS = [EntryKind.FUNDING, EntryKind.CARRY_OVER]


@dataclass
class OccasionLine:
    occasion: str
    label: str
    count: int
    amount: Decimal


@dataclass
class KindLine:
    """Attentions of one kind (flowers, a visit, a meal): how many, how many without money."""

    gift: str
    label: str
    count: int
    without_money: int
    amount: Decimal


@dataclass
class PotSummary:
    """Funded = the municipality's contribution plus last year's rest; spent = funded − balance."""

    pot: Pot
    funding: Decimal
    carried_over: Decimal
    balance: Decimal
    by_occasion: list[OccasionLine] = field(default_factory=list)
    by_kind: list[KindLine] = field(default_factory=list)

    @property
    def funded(self) -> Decimal:
        return self.funding + self.carried_over

    @property
    def spent(self) -> Decimal:
        return self.funded - self.balance

    @property
    def attentions(self) -> int:
        """Every booked attention, with or without money."""
        return sum(line.count for line in self.by_occasion)

    @property
    def attentions_without_money(self) -> int:
        return sum(line.without_money for line in self.by_kind)

    @property
    def attentions_with_money(self) -> int:
        return self.attentions - self.attentions_without_money


def _by_occasion(expenses) -> dict[int, list[OccasionLine]]:
    """Booked expenses per pot and occasion, in the order of Occasion."""
    rows = (
        expenses.filter(status=ExpenseStatus.BOOKED)
        .values("pot", "occasion")
        .annotate(count=Count("pk"), amount=Sum("amount"))
    )
    found: dict[int, dict[str, OccasionLine]] = {}
    for row in rows:
        found.setdefault(row["pot"], {})[row["occasion"]] = OccasionLine(
            row["occasion"], Occasion(row["occasion"]).label, row["count"], row["amount"]
        )
    return {
        pot_id: [lines[o] for o in Occasion.values if o in lines] for pot_id, lines in found.items()
    }


def _by_kind(expenses) -> list[KindLine]:
    """Booked attentions of one pot per kind, in the order of Gift (one query)."""
    rows = {
        row["gift"]: row
        for row in expenses.filter(status=ExpenseStatus.BOOKED)
        .values("gift")
        .annotate(count=Count("pk"), free=Count("pk", filter=Q(amount=0)), amount=Sum("amount"))
        .order_by()
    }
    return [
        KindLine(gift, label, rows[gift]["count"], rows[gift]["free"], rows[gift]["amount"])
        for gift, label in Gift.choices
        if gift in rows
    ]


def _with_totals(pots):
    return pots.annotate(
        funding=Coalesce(Sum("entries__amount", filter=Q(entries__kind=EntryKind.FUNDING)), ZERO),
        carried_over=Coalesce(
            Sum("entries__amount", filter=Q(entries__kind=EntryKind.CARRY_OVER)), ZERO
        ),
        total=Coalesce(Sum("entries__amount"), ZERO),
    )


def pot_summary(pot: Pot) -> PotSummary:
    """This pot's money and attentions by occasion and by kind (three queries)."""
    totals = _with_totals(Pot.objects.filter(pk=pot.pk)).values("funding", "carried_over", "total")[
        0
    ]
    return PotSummary(
        pot=pot,
        funding=totals["funding"],
        carried_over=totals["carried_over"],
        balance=totals["total"],
        by_occasion=_by_occasion(Expense.objects.filter(pot=pot)).get(pot.pk, []),
        by_kind=_by_kind(Expense.objects.filter(pot=pot)),
    )


@dataclass
class StreetRow:
    """One line of the coordinator's overview. `summary` is None for a street without a pot."""

    street: StreetPage
    wijk: str
    summary: PotSummary | None

    def count_for(self, occasion: str) -> int:
        if self.summary is None:
            return 0
        return next(
            (line.count for line in self.summary.by_occasion if line.occasion == occasion), 0
        )


def municipality_overview(home: HomePage, year: int) -> list[StreetRow]:
    """All live streets of a municipality with their pot of `year` (four queries in all)."""
    wijken = {
        w.path: w.title for w in NeighbourhoodPage.objects.descendant_of(home).only("path", "title")
    }
    streets = list(StreetPage.objects.live().descendant_of(home).order_by("title"))
    pots = {
        pot.street_id: pot
        for pot in _with_totals(Pot.objects.filter(street__in=streets, year=year))
    }
    lines = _by_occasion(Expense.objects.filter(pot__in=pots.values()))
    rows = []
    for street in streets:
        pot = pots.get(street.pk)
        summary = None
        if pot is not None:
            summary = PotSummary(
                pot=pot,
                funding=pot.funding,
                carried_over=pot.carried_over,
                balance=pot.total,
                by_occasion=lines.get(pot.pk, []),
            )
        wijk = wijken.get(street.path[: -street.steplen], "")
        rows.append(StreetRow(street=street, wijk=wijk, summary=summary))
    rows.sort(key=lambda row: (row.wijk, row.street.title))
    return rows


def booked_expenses(home: HomePage, year: int):
    """The year's booked expenses of a municipality's streets, for the export's second sheet."""
    return (
        Expense.objects.filter(
            pot__year=year,
            pot__street__in=StreetPage.objects.descendant_of(home),
            status=ExpenseStatus.BOOKED,
        )
        .select_related("pot__street")
        .order_by("pot__street__title", "spent_on", "pk")
    )
