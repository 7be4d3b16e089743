from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import EntryKind, ExpenseStatus, Gift, Occasion
from ..receipts import EXTENSIONS
from ..storage import receipt_storage

ZERO = Decimal("0.00")
MONEY = {"max_digits": 8, "decimal_places": 2}


class Pot(models.Model):
    """The Lief & Leed pot of one street for one calendar year.

    Its money is its ledger: the balance is the sum of the entries, never a stored number.
    """

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="pots",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    four_eyes_threshold = models.DecimalField(
        _("vier ogen boven (deze straat)"),
        **MONEY,
        null=True,
        blank=True,
        help_text=_("Leeg: de instelling van de gemeente geldt."),
    )
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now)
    closed_at = models.DateTimeField(
        _("gesloten op"),
        null=True,
        blank=True,
        help_text=_("Het restant is naar het volgende jaar overgeboekt; er kan niets meer bij."),
    )

    class Meta:
        verbose_name = _("potje")
        verbose_name_plural = _("potjes")
        ordering = ["street", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["street", "year"], name="one_pot_per_street_per_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2200), name="pot_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(four_eyes_threshold__isnull=True) | Q(four_eyes_threshold__gte=0),
                name="pot_threshold_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.street} {self.year}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def balance(self) -> Decimal:
        """What is left: the sum of all entries (funding and carry-over in, expenses out)."""
        return self.entries.aggregate(total=Coalesce(Sum("amount"), ZERO))["total"]


class Expense(models.Model):
    """A small attention given to a neighbour: with money from the pot, or without any.

    One record whether or not money was involved: flowers for € 7,50 are an expense and an
    attention; a home-made meal (€ 0) is only an attention and never touches the ledger.
    An attention with money counts once its ledger entry exists.
    """

    pot = models.ForeignKey(
        Pot, verbose_name=_("potje"), on_delete=models.PROTECT, related_name="expenses"
    )
    spent_on = models.DateField(_("datum"))
    occasion = models.CharField(_("aanleiding"), max_length=20, choices=Occasion.choices)
    gift = models.CharField(_("wat gegeven"), max_length=20, choices=Gift.choices)
    amount = models.DecimalField(
        _("bedrag"), **MONEY, help_text=_("In euro's, bijvoorbeeld 12,50; 0 als het niets kostte")
    )
    for_whom = models.CharField(
        _("voor wie"),
        max_length=60,
        help_text=_("Zonder volledige naam: “nr. 12”, “de nieuwe buren”."),
    )
    house_number = models.CharField(
        _("huisnummer"),
        max_length=10,
        blank=True,
        help_text=_("Niet verplicht; dan staat de attentie op de huishoudlijst van de straat."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ExpenseStatus.choices, default=ExpenseStatus.BOOKED
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ingevoerd op"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("goedgekeurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgave")
        verbose_name_plural = _("uitgaven")
        ordering = ["-spent_on", "-pk"]
        constraints = [
            # € 0 is an attention without money; it never gets a ledger entry.
            models.CheckConstraint(condition=Q(amount__gte=0), name="expense_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(status__in=ExpenseStatus.values), name="expense_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(occasion__in=Occasion.values), name="expense_occasion_valid"
            ),
            models.CheckConstraint(condition=Q(gift__in=Gift.values), name="expense_gift_valid"),
            # Four eyes means two different people.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | Q(recorded_by__isnull=True)
                | ~Q(approved_by=models.F("recorded_by")),
                name="expense_approver_is_someone_else",
            ),
        ]
        indexes = [models.Index(fields=["pot", "status"])]

    def __str__(self):
        return f"{self.get_gift_display()} – {self.for_whom} ({self.amount})"

    @property
    def is_money(self) -> bool:
        """Paid from the pot (and so in the ledger), not only an attention."""
        return self.amount > 0

    @property
    def counts(self) -> bool:
        """Booked and not corrected: part of the balance and of the reports."""
        return self.status == ExpenseStatus.BOOKED


class LedgerEntry(models.Model):
    """One line of a pot's ledger. Amounts are signed: money in is positive, out negative.

    Entries are only ever added: a mistake is corrected by a reversal entry, so the ledger
    shows what happened and when.
    """

    pot = models.ForeignKey(
        Pot, verbose_name=_("potje"), on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=EntryKind.choices)
    amount = models.DecimalField(_("bedrag"), **MONEY)
    expense = models.ForeignKey(
        Expense,
        verbose_name=_("uitgave"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )
    note = models.CharField(_("toelichting"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EntryKind.values), name="entry_kind_valid"),
            # The sign follows the kind, so a sum over the ledger is always the balance.
            models.CheckConstraint(
                condition=(
                    Q(kind=EntryKind.EXPENSE, amount__lt=0)
                    | Q(kind__in=[EntryKind.FUNDING, EntryKind.REVERSAL], amount__gt=0)
                    | Q(kind=EntryKind.CARRY_OVER, amount__gte=0)
                ),
                name="entry_sign_follows_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[EntryKind.EXPENSE, EntryKind.REVERSAL], expense__isnull=False)
                | Q(kind__in=[EntryKind.FUNDING, EntryKind.CARRY_OVER], expense__isnull=True),
                name="entry_expense_only_for_expenses",
            ),
            # An expense is booked once and corrected at most once; a year carries over once.
            models.UniqueConstraint(
                fields=["expense", "kind"],
                condition=Q(expense__isnull=False),
                name="one_entry_per_expense_and_kind",
            ),
            models.UniqueConstraint(
                fields=["pot"],
                condition=Q(kind=EntryKind.CARRY_OVER),
                name="one_carry_over_per_pot",
            ),
        ]
        indexes = [models.Index(fields=["pot", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"


def receipt_upload_to(instance, filename):
    # The neighbour's own file name may say who it is about; the stored name is random.
    return f"{timezone.now():%Y}/{instance.token}{instance.extension}"


class Receipt(models.Model):
    """A photo or PDF of the receipt of one expense, kept in private storage."""

    expense = models.OneToOneField(
        Expense, verbose_name=_("uitgave"), on_delete=models.CASCADE, related_name="receipt"
    )
    file = models.FileField(
        _("bestand"), storage=receipt_storage, upload_to=receipt_upload_to, max_length=200
    )
    token = models.CharField(_("kenmerk"), max_length=40, unique=True)
    content_type = models.CharField(_("soort bestand"), max_length=40)
    size = models.PositiveIntegerField(_("grootte (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toegevoegd door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("toegevoegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("bonnetje")
        verbose_name_plural = _("bonnetjes")

    def __str__(self):
        return f"{self._meta.verbose_name} – {self.expense}"

    @property
    def extension(self) -> str:
        return EXTENSIONS.get(self.content_type, "")
