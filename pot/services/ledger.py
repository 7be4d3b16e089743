"""Opening pots, recording and correcting expenses: everything that moves money.

The one invariant: a pot's balance (the sum of its ledger) never drops below zero. Every
write that takes money out locks the pot's row first (`select_for_update` in an atomic
block), then reads the balance, then inserts. On PostgreSQL the row lock makes a second
gangmaker wait until the first has committed; on SQLite the project's IMMEDIATE transactions
take the database's write lock at BEGIN, which serialises writers the same way.
"""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import HomePage
from pot.choices import AuditAction, EntryKind, ExpenseStatus, TipStatus
from pot.models import Expense, LedgerEntry, Pot, PotSettings, Receipt, Reminder, Tip
from pot.receipts import sniff_content_type
from streets.models import StreetPage

from .audit import log

CENT = Decimal("0.01")


class PotError(Exception):
    """A change the rules do not allow. The message is Dutch and meant for the user."""


def municipality_of(street: StreetPage) -> HomePage | None:
    return HomePage.objects.ancestor_of(street).first()


def effective_threshold(pot: Pot, settings: PotSettings | None = None) -> Decimal | None:
    """Above this amount an expense needs a second gangmaker; None means never."""
    if pot.four_eyes_threshold is not None:
        return pot.four_eyes_threshold
    settings = settings or PotSettings.for_municipality(municipality_of(pot.street))
    return settings.four_eyes_threshold


def _check_amount(amount: Decimal, allow_zero: bool = False) -> None:
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise PotError(_("Vul een bedrag in euro's in, bijvoorbeeld 12,50."))
    if amount < 0 or (amount == 0 and not allow_zero):
        raise PotError(_("Het bedrag moet meer dan 0 euro zijn."))
    if amount != amount.quantize(CENT):
        raise PotError(_("Een bedrag heeft hooguit twee cijfers achter de komma."))


def _check_date(pot: Pot, spent_on: datetime.date) -> None:
    if spent_on > timezone.localdate():
        raise PotError(_("Die datum ligt in de toekomst. Voer een uitgave in als hij gedaan is."))
    if spent_on.year != pot.year:
        raise PotError(
            _("Die datum valt niet in %(year)s, het jaar van dit potje.") % {"year": pot.year}
        )


def _locked_pot(pot: Pot, allow_closed: bool = False) -> Pot:
    locked = Pot.objects.select_for_update().select_related("street").get(pk=pot.pk)
    if locked.is_closed and not allow_closed:
        raise PotError(
            _("Het potje van %(year)s is afgesloten: het restant staat in het nieuwe jaar.")
            % {"year": locked.year}
        )
    return locked


def _book(pot: Pot, expense: Expense, by) -> None:
    """Take the expense's money out of the (locked) pot, if it is there."""
    balance = pot.balance()
    if expense.amount > balance:
        raise PotError(
            _("Er zit nog € %(balance)s in het potje; € %(amount)s past daar niet in.")
            % {"balance": _euro(balance), "amount": _euro(expense.amount)}
        )
    LedgerEntry.objects.create(
        pot=pot, kind=EntryKind.EXPENSE, amount=-expense.amount, expense=expense, created_by=by
    )


def _euro(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


@transaction.atomic
def open_pot(street: StreetPage, year: int, settings: PotSettings) -> tuple[Pot, bool]:
    """Open `street`'s pot for `year` with the municipality's amount (and last year's rest).

    Opening an existing pot changes nothing and returns (pot, False).
    """
    pot, created = Pot.objects.get_or_create(street=street, year=year)
    if not created:
        return pot, False
    if settings.yearly_amount > 0:
        LedgerEntry.objects.create(pot=pot, kind=EntryKind.FUNDING, amount=settings.yearly_amount)
    previous = Pot.objects.select_for_update().filter(street=street, year=year - 1).first()
    carried = Decimal("0.00")
    if previous is not None:
        # The street's own four-eyes choice stays with the street.
        pot.four_eyes_threshold = previous.four_eyes_threshold
        pot.save(update_fields=["four_eyes_threshold"])
        if settings.carry_over and not previous.is_closed:
            carried = max(previous.balance(), Decimal("0.00"))
            LedgerEntry.objects.create(pot=pot, kind=EntryKind.CARRY_OVER, amount=carried)
            # The rest now lives in the new pot; the old one takes no more bookings.
            previous.closed_at = timezone.now()
            previous.save(update_fields=["closed_at"])
    log(
        street,
        AuditAction.POT_OPENED,
        pot=pot,
        subject=str(year),
        funding=settings.yearly_amount,
        carry_over=carried,
    )
    return pot, True


def open_pots(year: int, municipality: HomePage | None = None) -> list[Pot]:
    """Open `year`'s pots for every live street (of one municipality, or of all). Idempotent."""
    homes = [municipality] if municipality is not None else HomePage.objects.all()
    opened = []
    for home in homes:
        settings = PotSettings.for_municipality(home)
        for street in StreetPage.objects.live().descendant_of(home).order_by("path"):
            pot, created = open_pot(street, year, settings)
            if created:
                opened.append(pot)
    return opened


@transaction.atomic
def record_expense(
    pot: Pot,
    by,
    *,
    spent_on: datetime.date,
    occasion: str,
    gift: str,
    amount: Decimal,
    for_whom: str,
    receipt=None,
    tip: Tip | None = None,
    remind_on: datetime.date | None = None,
    reminder_text: str = "",
    house_number: str = "",
) -> Expense:
    """Record an attention, with money from the pot or (amount 0) without.

    Above the four-eyes amount it waits for a second gangmaker. An attention without money
    is booked at once and never touches the ledger, so the balance stays as it was; it may
    be recorded in a closed pot (last year's visit, noted late). `receipt` is an uploaded
    file already checked by the form; `tip`, if given, is marked handled and linked;
    `remind_on` sets a reminder for the gangmakers.
    """
    _check_amount(amount, allow_zero=True)
    is_money = amount > 0
    pot = _locked_pot(pot, allow_closed=not is_money)
    _check_date(pot, spent_on)
    threshold = effective_threshold(pot)
    needs_second = is_money and threshold is not None and amount > threshold
    expense = Expense.objects.create(
        pot=pot,
        spent_on=spent_on,
        occasion=occasion,
        gift=gift,
        amount=amount,
        for_whom=for_whom,
        house_number=house_number,
        status=ExpenseStatus.PENDING_APPROVAL if needs_second else ExpenseStatus.BOOKED,
        recorded_by=by,
    )
    if is_money and not needs_second:
        _book(pot, expense, by)
    log(
        pot.street,
        AuditAction.EXPENSE_RECORDED if is_money else AuditAction.ATTENTION_RECORDED,
        actor=by,
        pot=pot,
        subject=f"#{expense.pk}",
        amount=amount,
        status=expense.status,
    )
    if tip is not None:
        _handle_tip(tip, by, pot.street, expense)
    if remind_on is not None:
        Reminder.objects.create(
            pot=pot,
            expense=expense,
            occasion=occasion,
            due_on=remind_on,
            text=reminder_text,
            created_by=by,
        )
        log(pot.street, AuditAction.REMINDER_SET, actor=by, pot=pot, subject=f"#{expense.pk}")
    if receipt is not None:
        attach_receipt(expense, receipt, by)
    return expense


def _handle_tip(tip: Tip, by, street: StreetPage, expense: Expense | None) -> None:
    tip = Tip.objects.select_for_update().get(pk=tip.pk)
    if tip.street_id != street.pk:
        raise PotError(_("Deze tip hoort bij een andere straat."))
    if tip.status != TipStatus.OPEN:
        raise PotError(_("Deze tip is al afgehandeld."))
    tip.status = TipStatus.HANDLED
    tip.expense = expense
    tip.decided_by = by
    tip.decided_at = timezone.now()
    tip.save(update_fields=["status", "expense", "decided_by", "decided_at"])
    log(
        street,
        AuditAction.TIP_HANDLED,
        actor=by,
        subject=f"tip #{tip.pk}",
        expense=expense.pk if expense else "",
    )


def attach_receipt(expense: Expense, uploaded, by) -> Receipt:
    """Keep the receipt in private storage under a random name. The form checked its type."""
    uploaded.seek(0)
    content_type = sniff_content_type(uploaded.read(16))
    uploaded.seek(0)
    if content_type is None or uploaded.size > settings.POT_RECEIPT_MAX_BYTES:
        raise PotError(_("Een bonnetje is een foto (JPEG, PNG, WebP, HEIC) of een PDF."))
    if hasattr(expense, "receipt"):
        raise PotError(_("Deze uitgave heeft al een bonnetje."))
    receipt = Receipt(
        expense=expense,
        token=secrets.token_urlsafe(24),
        content_type=content_type,
        size=uploaded.size,
        uploaded_by=by,
    )
    receipt.file.save("bon", uploaded, save=False)
    receipt.save()
    log(
        expense.pot.street,
        AuditAction.RECEIPT_ADDED,
        actor=by,
        pot=expense.pot,
        subject=f"#{expense.pk}",
        content_type=content_type,
        size=uploaded.size,
    )
    return receipt


@transaction.atomic
def set_street_threshold(pot: Pot, threshold: Decimal | None, by) -> Pot:
    """The coordinator sets this street's own four-eyes amount (None: the municipality's)."""
    pot = Pot.objects.select_for_update().select_related("street").get(pk=pot.pk)
    pot.four_eyes_threshold = threshold
    pot.save(update_fields=["four_eyes_threshold"])
    log(
        pot.street,
        AuditAction.SETTINGS_CHANGED,
        actor=by,
        pot=pot,
        subject=str(pot.year),
        four_eyes_threshold="" if threshold is None else threshold,
    )
    return pot


@transaction.atomic
def save_settings(settings: PotSettings, by) -> PotSettings:
    """Save a municipality's pot settings (new or changed) and log what they now are."""
    settings.save()
    log(
        None,
        AuditAction.SETTINGS_CHANGED,
        actor=by,
        municipality=settings.municipality,
        subject=settings.municipality.title,
        yearly_amount=settings.yearly_amount,
        carry_over=settings.carry_over,
        four_eyes_threshold=settings.four_eyes_threshold,
        sensitive_text_days=settings.sensitive_text_days,
    )
    return settings


@transaction.atomic
def approve_expense(expense: Expense, by) -> Expense:
    """The second gangmaker's yes: the expense now counts, if the money is there."""
    pot = _locked_pot(expense.pot)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != ExpenseStatus.PENDING_APPROVAL:
        raise PotError(_("Over deze uitgave is al besloten."))
    if expense.recorded_by_id == by.pk:
        raise PotError(_("Een tweede gangmaker moet deze uitgave goedkeuren, niet u zelf."))
    _book(pot, expense, by)
    expense.status = ExpenseStatus.BOOKED
    expense.approved_by = by
    expense.approved_at = timezone.now()
    expense.save(update_fields=["status", "approved_by", "approved_at"])
    log(
        pot.street,
        AuditAction.EXPENSE_APPROVED,
        actor=by,
        pot=pot,
        subject=f"#{expense.pk}",
        amount=expense.amount,
    )
    return expense


@transaction.atomic
def decline_expense(expense: Expense, by) -> Expense:
    """A waiting expense is not approved: it never counts (and stays visible as declined)."""
    pot = _locked_pot(expense.pot)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != ExpenseStatus.PENDING_APPROVAL:
        raise PotError(_("Over deze uitgave is al besloten."))
    expense.status = ExpenseStatus.DECLINED
    expense.save(update_fields=["status"])
    log(pot.street, AuditAction.EXPENSE_DECLINED, actor=by, pot=pot, subject=f"#{expense.pk}")
    return expense


@transaction.atomic
def reverse_expense(expense: Expense, by, reason: str) -> Expense:
    """Correct a booked expense with a reversal entry: the money returns, the history stays.

    An attention without money had no entry, so it is only marked corrected (no longer counted).
    """
    pot = _locked_pot(expense.pot, allow_closed=not expense.is_money)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != ExpenseStatus.BOOKED:
        raise PotError(_("Alleen een geboekte uitgave kan worden gecorrigeerd."))
    if expense.is_money:
        LedgerEntry.objects.create(
            pot=pot,
            kind=EntryKind.REVERSAL,
            amount=expense.amount,
            expense=expense,
            note=reason[:200],
            created_by=by,
        )
    expense.status = ExpenseStatus.REVERSED
    expense.save(update_fields=["status"])
    log(
        pot.street,
        AuditAction.EXPENSE_REVERSED,
        actor=by,
        pot=pot,
        subject=f"#{expense.pk}",
        amount=expense.amount,
    )
    return expense
