"""The pot as its street sees it: gangmakers keep it, members tip, coordinators read reports."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, DateField, F, When
from django.db.models.functions import TruncDate
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pot.choices import EntryKind, ExpenseStatus, Gift, TipStatus
from pot.forms import ExpenseForm, ReceiptForm, ReverseForm, StreetThresholdForm, TipForm
from pot.models import Expense, LedgerEntry, Pot, Receipt, Reminder, Tip
from pot.panels import render_panels
from pot.services import (
    PotError,
    approve_expense,
    attach_receipt,
    complete_reminder,
    decline_expense,
    dismiss_tip,
    effective_threshold,
    mark_tip_handled,
    pot_summary,
    record_expense,
    reverse_expense,
    set_street_threshold,
    submit_tip,
)
from streets.permissions import GANGMAKER, MANAGER, MEMBER, street_view

RECENT_ENTRIES = 15


def _euro(amount) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _pot_url(pot: Pot) -> str:
    return reverse("pot:pot_year", args=[pot.street_id, pot.year])


def _expense(access, expense_id) -> Expense:
    return get_object_or_404(
        Expense.objects.select_related("pot", "recorded_by", "approved_by"),
        pk=expense_id,
        pot__street=access.street,
    )


def ledger_in_date_order(pot: Pot):
    """The pot's entries, newest first by the date the ledger shows: an expense by the day it
    was spent (entered later, it still sits at its own date), anything else by its booking day.
    `booked_on` is that date."""
    booked_on = Case(
        When(kind=EntryKind.EXPENSE, then=F("expense__spent_on")),
        default=TruncDate("created_at"),
        output_field=DateField(),
    )
    return (
        LedgerEntry.objects.filter(pot=pot)
        .select_related("expense", "created_by")
        .annotate(booked_on=booked_on)
        .order_by("-booked_on", "-created_at", "-pk")
    )


@never_cache
@street_view(GANGMAKER)
def pot_page(request, access, year=None):
    """The gangmaker's one screen: balance, spending by occasion, tips, reminders, entries."""
    street = access.street
    today = timezone.localdate()
    year = year or today.year
    pot = Pot.objects.filter(street=street, year=year).first()
    context = {
        "street": street,
        "access": access,
        "year": year,
        "pot": pot,
        "years": list(street.pots.order_by("-year").values_list("year", flat=True)),
        "open_tips": Tip.objects.filter(street=street, status=TipStatus.OPEN).order_by(
            "created_at"
        ),
        "due_reminders": Reminder.objects.filter(
            pot__street=street, due_on__lte=today, done_at__isnull=True
        ).select_related("expense"),
        "panels": render_panels(request, access, year),
    }
    if pot is not None:
        context.update(
            summary=pot_summary(pot),
            threshold=effective_threshold(pot),
            pending=pot.expenses.filter(status=ExpenseStatus.PENDING_APPROVAL).select_related(
                "recorded_by"
            ),
            entries=ledger_in_date_order(pot)[:RECENT_ENTRIES],
            upcoming_reminders=pot.reminders.filter(due_on__gt=today, done_at__isnull=True),
            free_attentions=pot.expenses.filter(
                amount=0, status=ExpenseStatus.BOOKED
            ).select_related("recorded_by")[:RECENT_ENTRIES],
        )
    return render(request, "pot/pot.html", context)


@never_cache
@street_view(GANGMAKER)
def expense_new(request, access, year):
    """Record an attention; with ?tip=<id> the form is filled in from that tip."""
    pot = get_object_or_404(Pot, street=access.street, year=year)
    if pot.is_closed:
        messages.error(request, _("Het potje van %(year)s is afgesloten.") % {"year": year})
        return redirect(_pot_url(pot))
    tip = None
    if "tip" in request.GET:
        tip_id = request.GET["tip"]
        if not (tip_id.isascii() and tip_id.isdigit()):
            raise Http404
        tip = get_object_or_404(Tip, pk=tip_id, street=access.street, status=TipStatus.OPEN)
    today = timezone.localdate()
    initial = {"spent_on": today if today.year == pot.year else None, "gift": Gift.BLOEMEN}
    if tip is not None:
        initial.update(occasion=tip.occasion, for_whom=tip.about)
    form = ExpenseForm(request.POST or None, request.FILES or None, pot=pot, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            expense = record_expense(
                pot,
                request.user,
                spent_on=data["spent_on"],
                occasion=data["occasion"],
                gift=data["gift"],
                amount=data["amount"],
                for_whom=data["for_whom"],
                house_number=data["house_number"],
                receipt=data["receipt"],
                tip=tip,
                remind_on=data["remind_on"],
                reminder_text=data["reminder_text"],
            )
        except PotError as error:
            form.add_error(None, str(error))
        else:
            if expense.status == ExpenseStatus.PENDING_APPROVAL:
                messages.success(
                    request,
                    _(
                        "De uitgave is ingevoerd. Omdat het bedrag boven de € %(threshold)s ligt, "
                        "telt hij pas als een tweede gangmaker hem goedkeurt."
                    )
                    % {"threshold": _euro(effective_threshold(pot))},
                )
            else:
                messages.success(
                    request,
                    _("De uitgave is geboekt. Er zit nog € %(balance)s in het potje.")
                    % {"balance": _euro(pot.balance())},
                )
            return redirect(_pot_url(pot))
    return render(
        request,
        "pot/expense_form.html",
        {"street": access.street, "pot": pot, "form": form, "tip": tip},
    )


@never_cache
@street_view(MANAGER)
def expense_detail(request, access, expense_id):
    """One expense: the gangmakers keep it (receipt, approval, correction); the
    municipality's coordinator, who may open its receipt, reads it."""
    expense = _expense(access, expense_id)
    keeps = access.is_gangmaker
    return render(
        request,
        "pot/expense_detail.html",
        {
            "street": access.street,
            "expense": expense,
            "pot": expense.pot,
            "keeps": keeps,
            "receipt": Receipt.objects.filter(expense=expense).first(),
            "entries": expense.entries.select_related("created_by").order_by("created_at"),
            "can_approve": keeps
            and expense.status == ExpenseStatus.PENDING_APPROVAL
            and expense.recorded_by_id != request.user.pk,
            "receipt_form": ReceiptForm() if keeps else None,
        },
    )


@require_POST
@street_view(GANGMAKER)
def expense_approve(request, access, expense_id):
    expense = _expense(access, expense_id)
    try:
        approve_expense(expense, request.user)
    except PotError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Goedgekeurd. Er zit nog € %(balance)s in het potje.")
            % {"balance": _euro(expense.pot.balance())},
        )
    return redirect(_pot_url(expense.pot))


@never_cache
@street_view(GANGMAKER)
def expense_decline(request, access, expense_id):
    """Ask before declining a waiting expense; declining is final."""
    expense = _expense(access, expense_id)
    if request.method == "POST":
        try:
            decline_expense(expense, request.user)
        except PotError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De uitgave is niet goedgekeurd en telt niet mee."))
        return redirect(_pot_url(expense.pot))
    return render(
        request,
        "pot/expense_decline.html",
        {"street": access.street, "expense": expense, "pot": expense.pot},
    )


@never_cache
@street_view(GANGMAKER)
def expense_reverse(request, access, expense_id):
    """Correct a booked expense: a reversal entry puts the money back; nothing is erased."""
    expense = _expense(access, expense_id)
    form = ReverseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reverse_expense(expense, request.user, form.cleaned_data["reason"])
        except PotError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Gecorrigeerd: € %(amount)s staat weer in het potje.")
                % {"amount": _euro(expense.amount)},
            )
            return redirect(_pot_url(expense.pot))
    return render(
        request,
        "pot/expense_reverse.html",
        {"street": access.street, "expense": expense, "pot": expense.pot, "form": form},
    )


@require_POST
@street_view(GANGMAKER)
def receipt_upload(request, access, expense_id):
    """Add the receipt afterwards (the photo was not at hand when the expense was recorded)."""
    expense = _expense(access, expense_id)
    form = ReceiptForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attach_receipt(expense, form.cleaned_data["receipt"], request.user)
        except PotError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Het bonnetje is bewaard."))
    else:
        messages.error(request, " ".join(form.errors.get("receipt", [])))
    return redirect("pot:expense", access.street.pk, expense.pk)


@never_cache
@street_view(MANAGER)
def receipt(request, access, expense_id):
    """The receipt file, only for the street's gangmakers and the municipality's coordinator."""
    found = get_object_or_404(Receipt, expense=_expense(access, expense_id))
    filename = f"bonnetje-{found.expense_id}{found.extension}"
    try:
        handle = found.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # A PDF is downloaded rather than shown, so nothing in it runs in the site's origin.
    response = FileResponse(
        handle,
        content_type=found.content_type,
        as_attachment=found.content_type == "application/pdf",
        filename=filename,
    )
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@never_cache
@street_view(MEMBER)
def tip_new(request, access):
    """A member tells the gangmakers about a neighbour who could use an attention."""
    form = TipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        submit_tip(access.street, request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Dank u wel! De gangmakers van %(street)s lezen uw tip.")
            % {"street": access.street.title},
        )
        return redirect(access.street.url)
    return render(request, "pot/tip_form.html", {"street": access.street, "form": form})


def _open_tip(access, tip_id) -> Tip:
    return get_object_or_404(Tip, pk=tip_id, street=access.street)


@require_POST
@street_view(GANGMAKER)
def tip_handled(request, access, tip_id):
    try:
        mark_tip_handled(_open_tip(access, tip_id), request.user)
    except PotError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De tip is afgehandeld."))
    return redirect("pot:pot", access.street.pk)


@never_cache
@street_view(GANGMAKER)
def tip_dismiss(request, access, tip_id):
    tip = _open_tip(access, tip_id)
    if request.method == "POST":
        try:
            dismiss_tip(tip, request.user)
        except PotError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De tip is terzijde gelegd."))
        return redirect("pot:pot", access.street.pk)
    return render(request, "pot/tip_dismiss.html", {"street": access.street, "tip": tip})


@require_POST
@street_view(GANGMAKER)
def reminder_done(request, access, reminder_id):
    reminder = get_object_or_404(Reminder, pk=reminder_id, pot__street=access.street)
    complete_reminder(reminder, request.user)
    messages.success(request, _("De herinnering is afgerond."))
    return redirect("pot:pot", access.street.pk)


@never_cache
@street_view(MANAGER)
def year_report(request, access, year):
    """A printable year report of one street, for its gangmakers and the coordinator."""
    pot = get_object_or_404(Pot, street=access.street, year=year)
    expenses = pot.expenses.exclude(status=ExpenseStatus.DECLINED).order_by("spent_on", "pk")
    return render(
        request,
        "pot/year_report.html",
        {
            "street": access.street,
            "access": access,
            "pot": pot,
            "summary": pot_summary(pot),
            "expenses": expenses,
            "wijk": access.street.get_parent(),
            "audit_entries": pot.audit_entries.select_related("actor"),
        },
    )


@never_cache
@street_view(MANAGER)
def street_threshold(request, access, year):
    """The coordinator gives one street its own four-eyes amount for this pot."""
    if not access.is_coordinator:
        raise PermissionDenied
    pot = get_object_or_404(Pot, street=access.street, year=year)
    form = StreetThresholdForm(
        request.POST or None, initial={"four_eyes_threshold": pot.four_eyes_threshold}
    )
    if request.method == "POST" and form.is_valid():
        set_street_threshold(pot, form.cleaned_data["four_eyes_threshold"], request.user)
        messages.success(request, _("De instelling voor deze straat is bewaard."))
        return redirect("pot:year_report", access.street.pk, pot.year)
    return render(
        request,
        "pot/street_threshold.html",
        {"street": access.street, "pot": pot, "form": form, "threshold": effective_threshold(pot)},
    )
