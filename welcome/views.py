"""The gangmakers' welcome list and household list. Every view checks the street on the
server (streets.permissions); a welcome of another street is a 404."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.languages import PRINT_PARAMETER, language_of
from pot.choices import CardKind, Gift
from pot.services import PotError
from streets.permissions import GANGMAKER, street_view

from .choices import WelcomeOutcome
from .forms import HomesForm, NoteForm, WelcomeForm
from .models import StreetHomes, Welcome
from .services import (
    WelcomeError,
    complete_welcome,
    household_rows,
    note_new_residents,
    save_homes,
)

HOMES_PER_SHEET = 40


def _list(request, access, note_form=None):
    street = access.street
    year = timezone.localdate().year
    return render(
        request,
        "welcome/list.html",
        {
            "street": street,
            "open_welcomes": Welcome.objects.filter(street=street, done_at__isnull=True),
            "given": Welcome.objects.filter(street=street, done_at__year=year)
            .select_related("done_by", "expense")
            .order_by("-done_at"),
            "note_form": note_form or NoteForm(),
        },
    )


@never_cache
@street_view(GANGMAKER)
def welcome_list(request, access):
    """New neighbours to welcome, and who was welcomed this year."""
    return _list(request, access)


@require_POST
@street_view(GANGMAKER)
def note(request, access):
    """ "Nieuwe bewoners op nr. 14": one welcome to-do for the home."""
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _list(request, access, note_form=form)
    welcome, created = note_new_residents(
        access.street, request.user, form.cleaned_data["house_number"]
    )
    if created:
        messages.success(
            request,
            _("Nr. %(number)s staat op de lijst om te verwelkomen.")
            % {"number": welcome.house_number},
        )
    else:
        messages.info(
            request, _("Nr. %(number)s stond al op de lijst.") % {"number": welcome.house_number}
        )
    return redirect("welcome:list", access.street.pk)


@never_cache
@street_view(GANGMAKER)
def give(request, access, welcome_id):
    """Turn the to-do into a card (printed next), an attention or a pot expense, in one step."""
    welcome = get_object_or_404(Welcome, pk=welcome_id, street=access.street)
    if not welcome.is_open:
        messages.info(request, _("Deze nieuwe buren zijn al verwelkomd."))
        return redirect("welcome:list", access.street.pk)
    initial = {
        "spent_on": timezone.localdate(),
        "for_whom": _("de nieuwe buren op nr. %(number)s") % {"number": welcome.house_number},
        "gift": Gift.ZELFGEMAAKT,
    }
    form = WelcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complete_welcome(
                welcome,
                request.user,
                outcome=data["outcome"],
                spent_on=data["spent_on"],
                for_whom=data["for_whom"],
                gift=data["gift"] or Gift.KAART,
                amount=data["amount"],
            )
        except (PotError, WelcomeError) as error:
            form.add_error(None, str(error))
        else:
            if data["outcome"] == WelcomeOutcome.CARD:
                query = {"kind": CardKind.WELKOM, "line": ""}
                # A newcomer who joined online chose a language: their card is printed in it.
                newcomer = welcome.membership.user if welcome.membership else None
                if newcomer is not None and newcomer.language:
                    query[PRINT_PARAMETER] = language_of(newcomer)
                query = urlencode(query)
                return redirect(f"{reverse('pot:card', args=[access.street.pk])}?{query}")
            messages.success(request, _("Verwelkomd! Het telt mee in het jaarverslag."))
            return redirect("welcome:list", access.street.pk)
    return render(
        request,
        "welcome/give.html",
        {"street": access.street, "welcome": welcome, "form": form},
    )


@never_cache
@street_view(GANGMAKER)
def households(request, access):
    """Per home what it received this year, printable on A4 with 40 homes a sheet."""
    street = access.street
    year = timezone.localdate().year
    rows = household_rows(street, year)
    sheets = [rows[i : i + HOMES_PER_SHEET] for i in range(0, len(rows), HOMES_PER_SHEET)]
    return render(
        request,
        "welcome/households.html",
        {
            "street": street,
            "year": year,
            "sheets": sheets,
            "homes": StreetHomes.objects.filter(street=street).first(),
        },
    )


@never_cache
@street_view(GANGMAKER)
def homes_edit(request, access):
    """The gangmakers keep the street's house numbers as ranges."""
    homes = StreetHomes.objects.filter(street=access.street).first()
    form = HomesForm(request.POST or None, initial={"ranges": homes.ranges if homes else ""})
    if request.method == "POST" and form.is_valid():
        save_homes(access.street, request.user, form.cleaned_data["ranges"])
        messages.success(request, _("De huisnummers zijn bewaard."))
        return redirect("welcome:households", access.street.pk)
    return render(request, "welcome/homes_form.html", {"street": access.street, "form": form})
