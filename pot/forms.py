"""Forms of the pot. Amounts are typed the Dutch way ("12,50"); nothing here writes data."""

import datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from streets.forms import clean_house_number

from .choices import HELPER_GIFTS, CardKind, Gift, Occasion
from .models import PotSettings
from .receipts import sniff_content_type

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class AmountField(forms.DecimalField):
    """Euros with at most two decimals, as the Dutch write them: "12,50", "€ 7", "1.250,00"."""

    default_error_messages = {
        "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 12,50."),
        "max_digits": _("Dat bedrag is te groot."),
        "max_whole_digits": _("Dat bedrag is te groot."),
        "max_decimal_places": _("Een bedrag heeft hooguit twee cijfers achter de komma."),
    }

    def __init__(self, *, allow_zero: bool = False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(max_digits=8, decimal_places=2, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
            if "," in value:
                # Dutch: the dot groups thousands, the comma starts the cents.
                value = value.replace(".", "").replace(",", ".")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < 0:
            raise forms.ValidationError(_("Een bedrag kan niet negatief zijn."), code="negative")
        if value == 0 and not self.allow_zero:
            raise forms.ValidationError(_("Het bedrag moet meer dan 0 euro zijn."), code="zero")

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:.2f}".replace(".", ",")
        return value


class ExpenseForm(forms.Form):
    """Record an attention for one pot (the pot comes from the URL, never from the form)."""

    spent_on = forms.DateField(
        label=_("Datum"), widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )
    occasion = forms.ChoiceField(label=_("Aanleiding"), choices=Occasion.choices)
    gift = forms.ChoiceField(label=_("Wat gaf u?"), choices=Gift.choices)
    amount = AmountField(label=_("Bedrag in euro's"), help_text=_("Bijvoorbeeld 12,50"))
    for_whom = forms.CharField(
        label=_("Voor wie"),
        max_length=60,
        help_text=_("Zonder volledige naam: “nr. 12”, “de nieuwe buren”."),
    )
    house_number = forms.CharField(
        label=_("Huisnummer (niet verplicht)"),
        max_length=10,
        required=False,
        help_text=_("Dan staat de attentie op de huishoudlijst van de straat."),
    )
    receipt = forms.FileField(
        label=_("Bonnetje (mag ook later)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )
    remind_on = forms.DateField(
        label=_("Herinnering op (niet verplicht)"),
        required=False,
        widget=DateInput(),
        input_formats=DATE_INPUT_FORMATS,
        help_text=_("De gangmakers krijgen op die dag een berichtje."),
    )
    reminder_text = forms.CharField(
        label=_("Waaraan herinneren?"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: “nr. 5 is terug uit het ziekenhuis: even langs?”"),
    )

    def __init__(self, *args, pot, **kwargs):
        self.pot = pot
        super().__init__(*args, **kwargs)
        self.fields["receipt"].help_text = _(
            "Een foto of een PDF, hooguit %(mb)s MB. Alleen de gangmakers en de coördinator "
            "zien het."
        ) % {"mb": settings.POT_RECEIPT_MAX_BYTES // (1024 * 1024)}

    def clean_spent_on(self):
        spent_on = self.cleaned_data["spent_on"]
        if spent_on > timezone.localdate():
            raise forms.ValidationError(
                _("Die datum ligt in de toekomst. Voer een uitgave in als hij gedaan is.")
            )
        if spent_on.year != self.pot.year:
            raise forms.ValidationError(
                _("Die datum valt niet in %(year)s, het jaar van dit potje.")
                % {"year": self.pot.year}
            )
        return spent_on

    def clean_receipt(self):
        return clean_receipt_file(self.cleaned_data.get("receipt"))

    def clean_house_number(self):
        return _optional_house_number(self.cleaned_data.get("house_number", ""))

    def clean_remind_on(self):
        remind_on = self.cleaned_data.get("remind_on")
        if remind_on and remind_on < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vanaf vandaag."))
        if remind_on and remind_on > timezone.localdate() + datetime.timedelta(days=3 * 366):
            raise forms.ValidationError(_("Kies een datum binnen drie jaar."))
        return remind_on

    def clean(self):
        data = super().clean()
        if data.get("reminder_text") and not data.get("remind_on"):
            self.add_error("remind_on", _("Op welke dag wilt u herinnerd worden?"))
        if data.get("remind_on") and not data.get("reminder_text"):
            self.add_error("reminder_text", _("Schrijf kort waaraan u herinnerd wilt worden."))
        return data


def _optional_house_number(value: str) -> str:
    return clean_house_number(value) if value.strip() else ""


class AttentionForm(forms.Form):
    """An attention that cost nothing. Helpers choose from the kinds of help they give."""

    spent_on = forms.DateField(
        label=_("Datum"), widget=DateInput(), input_formats=DATE_INPUT_FORMATS
    )
    occasion = forms.ChoiceField(label=_("Aanleiding"), choices=Occasion.choices)
    gift = forms.ChoiceField(label=_("Wat deed of gaf u?"), choices=Gift.choices)
    for_whom = forms.CharField(
        label=_("Voor wie"),
        max_length=60,
        help_text=_("Zonder volledige naam: “nr. 12”, “de buurvrouw op de hoek”."),
    )
    house_number = forms.CharField(
        label=_("Huisnummer (niet verplicht)"),
        max_length=10,
        required=False,
        help_text=_("Dan staat de attentie op de huishoudlijst van de straat."),
    )

    def __init__(self, *args, helper: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if helper:
            self.fields["gift"].choices = [(g.value, g.label) for g in HELPER_GIFTS]

    def clean_spent_on(self):
        spent_on = self.cleaned_data["spent_on"]
        today = timezone.localdate()
        if spent_on > today:
            raise forms.ValidationError(
                _("Die datum ligt in de toekomst. Voer een attentie in als hij gegeven is.")
            )
        if spent_on.year < today.year - 1:
            raise forms.ValidationError(_("Kies een datum in dit of vorig jaar."))
        return spent_on

    def clean_house_number(self):
        return _optional_house_number(self.cleaned_data.get("house_number", ""))


class CardForm(forms.Form):
    """A card "namens de straat" to print; recording it as an attention is one tick away."""

    kind = forms.ChoiceField(label=_("Welke kaart?"), choices=CardKind.choices)
    line = forms.CharField(
        label=_("Eigen regel (niet verplicht)"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld: “We denken aan je!” Komt onder de tekst op de kaart."),
    )
    record = forms.BooleanField(
        label=_("Ook als attentie bijhouden (zonder geld)"), required=False, initial=True
    )
    for_whom = forms.CharField(
        label=_("Voor wie"),
        max_length=60,
        required=False,
        help_text=_("Alleen nodig als u de kaart bijhoudt. Zonder volledige naam: “nr. 12”."),
    )
    house_number = forms.CharField(
        label=_("Huisnummer (niet verplicht)"), max_length=10, required=False
    )

    def clean_house_number(self):
        return _optional_house_number(self.cleaned_data.get("house_number", ""))

    def clean(self):
        data = super().clean()
        if data.get("record") and not (data.get("for_whom") or "").strip():
            self.add_error("for_whom", _("Voor wie is de kaart? Dan houden we hem bij."))
        return data


def clean_receipt_file(uploaded):
    """Refuse anything that is not a photo or a PDF by its content, or that is too big."""
    if not uploaded:
        return None
    limit = settings.POT_RECEIPT_MAX_BYTES
    if uploaded.size > limit:
        raise forms.ValidationError(
            _("Dit bestand is te groot: hooguit %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if sniff_content_type(head) is None:
        raise forms.ValidationError(
            _(
                "Dit is geen foto of PDF. Maak een foto van het bonnetje (JPEG, PNG) of kies een PDF."
            )
        )
    return uploaded


class ReceiptForm(forms.Form):
    receipt = forms.FileField(
        label=_("Bonnetje"),
        help_text=_("Een foto of een PDF."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}),
    )

    def clean_receipt(self):
        return clean_receipt_file(self.cleaned_data.get("receipt"))


class TipForm(forms.Form):
    # No occasion is chosen in advance: a tip sent with nothing filled in must not arrive as
    # "ziek" just because that is the first choice of the list.
    occasion = forms.ChoiceField(
        label=_("Waarom?"),
        choices=[("", _("Kies een reden"))] + Occasion.choices,
        error_messages={"required": _("Kies waarom u de gangmakers tipt.")},
    )
    about = forms.CharField(
        label=_("Over wie"),
        max_length=60,
        required=False,
        help_text=_("Zonder volledige naam: “nr. 12”, “de buren op de hoek”."),
    )
    note = forms.CharField(
        label=_("Wat wilt u de gangmakers vertellen?"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kort is goed. Alleen de gangmakers van uw straat lezen dit."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("about", "").strip() and not data.get("note", "").strip():
            raise forms.ValidationError(
                _(
                    "Vertel de gangmakers over wie het gaat of wat er is: vul “Over wie” of "
                    "het bericht in."
                ),
                code="empty_tip",
            )
        return data


class ReverseForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom corrigeert u deze uitgave?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: “verkeerd bedrag, opnieuw ingevoerd”."),
    )


class StreetThresholdForm(forms.Form):
    four_eyes_threshold = AmountField(
        label=_("Vier ogen boven (deze straat)"),
        required=False,
        allow_zero=True,
        help_text=_("Leeg: de instelling van de gemeente geldt."),
    )


class PotSettingsForm(forms.ModelForm):
    yearly_amount = AmountField(label=_("Bedrag per straat per jaar"), allow_zero=True)
    four_eyes_threshold = AmountField(
        label=_("Vier ogen boven"),
        required=False,
        allow_zero=True,
        help_text=_(
            "Een uitgave boven dit bedrag telt pas als een tweede gangmaker hem goedkeurt. "
            "Leeg: niet nodig."
        ),
    )

    class Meta:
        model = PotSettings
        fields = ["yearly_amount", "carry_over", "four_eyes_threshold", "sensitive_text_days"]
        widgets = {"sensitive_text_days": forms.NumberInput(attrs={"min": 1, "max": 3650})}

    def clean_sensitive_text_days(self):
        days = self.cleaned_data["sensitive_text_days"]
        if days is None or not 1 <= days <= 3650:
            raise forms.ValidationError(_("Kies een aantal dagen tussen 1 en 3650."))
        return days
