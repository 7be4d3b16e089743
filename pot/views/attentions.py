"""Attentions without money, and the cards "namens de straat" that the gangmakers print."""

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts.languages import print_language
from pot.choices import CARD_OCCASIONS, CardKind, Gift, Occasion
from pot.forms import AttentionForm, CardForm
from pot.services import PotError, record_attention
from streets.permissions import GANGMAKER, MEMBER, street_view

# What each card says under its title; the street's name and the optional line follow.
CARD_TEXTS = {
    CardKind.BETERSCHAP: gettext_lazy("We wensen je veel beterschap en denken aan je."),
    CardKind.STERKTE: gettext_lazy("We wensen je veel sterkte in deze moeilijke tijd."),
    CardKind.WELKOM: gettext_lazy("Fijn dat je er bent! Welkom in onze Lief & Leedstraat."),
    CardKind.GEFELICITEERD: gettext_lazy("Van harte gefeliciteerd!"),
    CardKind.BEDANKT: gettext_lazy("Dank je wel voor alles wat je voor de straat doet."),
}


@never_cache
@street_view(MEMBER)
def attention_new(request, access):
    """Record an attention that cost nothing. Gangmakers record any; a helper their own help."""
    helper = not access.is_gangmaker
    initial = {"spent_on": timezone.localdate(), "gift": Gift.BEZOEK}
    form = AttentionForm(request.POST or None, helper=helper, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record_attention(access.street, request.user, **form.cleaned_data)
        except PotError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Dank u wel! De attentie telt mee in het jaarverslag van de straat."),
            )
            if helper:
                return redirect(access.street.url)
            return redirect("pot:pot", access.street.pk)
    return render(
        request,
        "pot/attention_form.html",
        {"street": access.street, "form": form, "helper": helper},
    )


@never_cache
@street_view(GANGMAKER)
def card(request, access):
    """Choose a card (POST may record it as an attention), then print it (GET ?kind=...).

    The printable card is a GET, so reloading or printing it again never records twice.
    """
    street = access.street
    if request.method == "GET" and "kind" in request.GET:
        form = CardForm(request.GET)
        # Only the kind and the line matter for the print; the rest was the POST's business.
        if form.is_valid() or not ({"kind", "line"} & set(form.errors)):
            kind = CardKind(form.cleaned_data["kind"])
            # The card is for a neighbour, who may read Turkish or Arabic better than the
            # gangmaker's language: `?taal=` prints it in theirs (a welcome card comes with it).
            with translation.override(print_language(request)):
                return render(
                    request,
                    "pot/card_print.html",
                    {
                        "street": street,
                        "kind": kind,
                        "text": CARD_TEXTS[kind],
                        "line": form.cleaned_data.get("line", ""),
                    },
                )
    elif request.method == "POST":
        form = CardForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["record"]:
                    record_attention(
                        street,
                        request.user,
                        spent_on=timezone.localdate(),
                        occasion=CARD_OCCASIONS.get(data["kind"], Occasion.ANDERS),
                        gift=Gift.KAART,
                        for_whom=data["for_whom"],
                        house_number=data["house_number"],
                    )
            except PotError as error:
                form.add_error(None, str(error))
            else:
                if data["record"]:
                    messages.success(request, _("De kaart is bijgehouden als attentie."))
                query = QueryDict(mutable=True)
                query.update({"kind": data["kind"], "line": data["line"]})
                return redirect(f"{reverse('pot:card', args=[street.pk])}?{query.urlencode()}")
    else:
        form = CardForm(initial={"kind": request.GET.get("soort") or CardKind.BETERSCHAP})
    return render(request, "pot/card_form.html", {"street": street, "form": form})
