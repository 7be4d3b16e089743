"""Forms of welcoming and the household list; nothing here writes data."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pot.choices import Gift
from pot.forms import DATE_INPUT_FORMATS, AmountField, DateInput
from streets.forms import clean_house_number

from .choices import WelcomeOutcome
from .homes import MAX_HOMES, RangeError, parse_ranges


class NoteForm(forms.Form):
    house_number = forms.CharField(
        label=_("Nieuwe bewoners op nummer"),
        max_length=10,
        help_text=_("Met toevoeging, bijvoorbeeld 14 of 14a."),
    )

    def clean_house_number(self):
        return clean_house_number(self.cleaned_data["house_number"])


class HomesForm(forms.Form):
    ranges = forms.CharField(
        label=_("Huisnummers van de straat"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Reeksen en losse nummers, gescheiden door komma's: 1-39 oneven, 2-40 even, 14a"
        ),
    )

    def clean_ranges(self):
        value = self.cleaned_data["ranges"]
        try:
            numbers = parse_ranges(value)
        except RangeError as error:
            if error.reason == "too_many":
                raise forms.ValidationError(
                    _("Dat zijn meer dan %(max)s huizen.") % {"max": MAX_HOMES}
                ) from None
            raise forms.ValidationError(
                _(
                    "“%(part)s” is geen huisnummer of reeks. Schrijf zo: 1-39 oneven, 2-40 even, 14a."
                )
                % {"part": error.part}
            ) from None
        if not numbers:
            raise forms.ValidationError(_("Vul minstens één huisnummer in."))
        return value


class WelcomeForm(forms.Form):
    """Give a welcome in one step: print a card, note an attention, or spend from the pot."""

    outcome = forms.ChoiceField(
        label=_("Hoe verwelkomt u?"),
        choices=WelcomeOutcome.choices,
        widget=forms.RadioSelect,
        initial=WelcomeOutcome.CARD,
    )
    gift = forms.ChoiceField(
        label=_("Wat gaf of deed u?"),
        choices=Gift.choices,
        required=False,
        help_text=_("Bij een attentie of een uitgave; een kaart is een kaart."),
    )
    amount = AmountField(
        label=_("Bedrag in euro's"),
        required=False,
        help_text=_("Alleen bij een uitgave uit het potje."),
    )
    spent_on = forms.DateField(
        label=_("Datum"), widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )
    for_whom = forms.CharField(
        label=_("Voor wie"),
        max_length=60,
        help_text=_("Zonder volledige naam: “de nieuwe buren op nr. 14”."),
    )

    def clean_spent_on(self):
        spent_on = self.cleaned_data["spent_on"]
        if spent_on > timezone.localdate():
            raise forms.ValidationError(_("Die datum ligt in de toekomst."))
        if spent_on.year != timezone.localdate().year:
            raise forms.ValidationError(_("Kies een datum in dit jaar."))
        return spent_on

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if (
            outcome == WelcomeOutcome.EXPENSE
            and not data.get("amount")
            and "amount" not in self.errors
        ):
            self.add_error("amount", _("Hoeveel kostte het? Bijvoorbeeld 7,50."))
        if outcome in (WelcomeOutcome.ATTENTION, WelcomeOutcome.EXPENSE) and not data.get("gift"):
            self.add_error("gift", _("Wat gaf of deed u?"))
        return data
