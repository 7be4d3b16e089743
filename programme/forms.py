"""The programme's forms: the public application, the intake, starting, the startpakket."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectionMixin
from streets.models import NeighbourhoodPage
from streets.postcodes import parse_postcode_list

from .choices import MANUAL_STATES, ApplicationState, FollowUpOutcome, PackItem

# A date field shows ISO (what <input type="date"> needs, also when the page is shown again
# with an error) and takes the Dutch ways of writing a date typed by hand.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def _postcodes(value: str) -> str:
    try:
        return ", ".join(parse_postcode_list(value))
    except ValueError as bad:
        raise forms.ValidationError(
            _("“%(value)s” is geen postcode. Schrijf zo: 3072 AB."), params={"value": bad}
        ) from None


class ApplicationForm(SpamProtectionMixin, forms.Form):
    """“Ook een Lief & Leedstraat?”: the street, who applies, who would be gangmaker, why."""

    street_name = forms.CharField(label=_("Straatnaam"), max_length=120)
    postcodes = forms.CharField(
        label=_("Postcode(s)"),
        max_length=200,
        required=False,
        help_text=_("Gescheiden door komma's, bijvoorbeeld 3072 AB, 3072 AC"),
    )
    house_numbers = forms.CharField(
        label=_("Welke huisnummers doen mee?"),
        max_length=100,
        required=False,
        help_text=_("Bijvoorbeeld: 1 tot en met 60, of de hele straat"),
    )
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=NeighbourhoodPage.objects.none(),
        required=False,
        empty_label=_("Weet ik niet"),
    )
    name = forms.CharField(label=_("Uw naam"), max_length=120)
    email = forms.EmailField(label=_("Uw e-mailadres"), required=False)
    phone = forms.CharField(label=_("Uw telefoonnummer"), max_length=30, required=False)
    house_number = forms.CharField(label=_("Uw huisnummer"), max_length=10)
    gangmaker_1_name = forms.CharField(
        label=_("Wie wil gangmaker worden? Naam"),
        max_length=120,
        required=False,
        help_text=_(
            "Dat mag u zelf zijn. Liefst twee gangmakers, dan staat niemand er alleen voor."
        ),
    )
    gangmaker_1_email = forms.EmailField(label=_("E-mailadres van de gangmaker"), required=False)
    gangmaker_1_phone = forms.CharField(
        label=_("Telefoonnummer van de gangmaker"), max_length=30, required=False
    )
    gangmaker_1_house_number = forms.CharField(
        label=_("Huisnummer van de gangmaker"), max_length=10, required=False
    )
    gangmaker_2_name = forms.CharField(
        label=_("Tweede gangmaker: naam"), max_length=120, required=False
    )
    gangmaker_2_email = forms.EmailField(
        label=_("E-mailadres van de tweede gangmaker"), required=False
    )
    gangmaker_2_phone = forms.CharField(
        label=_("Telefoonnummer van de tweede gangmaker"), max_length=30, required=False
    )
    gangmaker_2_house_number = forms.CharField(
        label=_("Huisnummer van de tweede gangmaker"), max_length=10, required=False
    )
    motivation = forms.CharField(
        label=_("Waarom wilt u een Lief & Leedstraat?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality is not None:
            self.fields["wijk"].queryset = (
                NeighbourhoodPage.objects.child_of(municipality).live().order_by("title")
            )

    def clean_street_name(self):
        value = self.cleaned_data["street_name"].strip()
        if not any(c.isalpha() for c in value):
            raise forms.ValidationError(_("Vul de naam van de straat in."))
        return value

    def clean_postcodes(self):
        return _postcodes(self.cleaned_data["postcodes"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error(
                "email", _("Vul een e-mailadres of een telefoonnummer in, zodat we u bereiken.")
            )
        for n in (1, 2):
            has_contact = cleaned.get(f"gangmaker_{n}_email") or cleaned.get(f"gangmaker_{n}_phone")
            if has_contact and not cleaned.get(f"gangmaker_{n}_name"):
                self.add_error(f"gangmaker_{n}_name", _("Vul de naam van de gangmaker in."))
        return cleaned

    def applicant(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "house_number": data["house_number"],
        }

    def candidates(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "name": data[f"gangmaker_{n}_name"].strip(),
                "email": data[f"gangmaker_{n}_email"],
                "phone": data[f"gangmaker_{n}_phone"],
                "house_number": data[f"gangmaker_{n}_house_number"],
            }
            for n in (1, 2)
            if data[f"gangmaker_{n}_name"].strip()
        ]


class StateForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Nieuwe stand"),
        choices=[(s.value, s.label) for s in ApplicationState if s in MANUAL_STATES],
    )
    note = forms.CharField(
        label=_("Toelichting of reden"),
        max_length=500,
        required=False,
        help_text=_("Nodig bij wachtlijst en niet gestart."),
    )


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notities"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class StartForm(forms.Form):
    title = forms.CharField(label=_("Naam van de straat op de website"), max_length=120)
    postcodes = forms.CharField(label=_("Postcode(s)"), max_length=200, required=False)
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=NeighbourhoodPage.objects.none(),
        required=False,
        empty_label=_("Een nieuwe wijk"),
    )
    new_wijk_name = forms.CharField(
        label=_("Naam van de nieuwe wijk"),
        max_length=120,
        required=False,
        help_text=_("Alleen als de straat in een wijk ligt die er nog niet is."),
    )

    def __init__(self, *args, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality is not None:
            self.fields["wijk"].queryset = NeighbourhoodPage.objects.child_of(
                municipality
            ).order_by("title")

    def clean_postcodes(self):
        return _postcodes(self.cleaned_data["postcodes"])

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("wijk") and not cleaned.get("new_wijk_name", "").strip():
            self.add_error(
                "new_wijk_name", _("Kies een wijk, of vul de naam van een nieuwe wijk in.")
            )
        return cleaned


class PackSentForm(forms.Form):
    items = forms.MultipleChoiceField(
        label=_("Wat zat erin?"),
        choices=PackItem.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    recipient = forms.CharField(label=_("Aan wie"), max_length=200)
    sent_on = forms.DateField(
        label=_("Verstuurd of afgegeven op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=DATE_INPUT_FORMATS,
        initial=timezone.localdate,
    )

    def clean_sent_on(self):
        value = self.cleaned_data["sent_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Die datum ligt in de toekomst."))
        return value


class GangmakerRequestForm(forms.Form):
    motivation = forms.CharField(
        label=_("Wat wilt u de gangmakers laten weten?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowUpForm(forms.Form):
    """A call about a quiet street: whom (one of its gangmakers, or a name), when, outcome."""

    gangmaker = forms.TypedChoiceField(
        label=_("Met welke gangmaker sprak u?"),
        coerce=int,
        empty_value=None,
        required=False,
    )
    contact_name = forms.CharField(
        label=_("Of: met wie sprak u?"),
        max_length=120,
        required=False,
        help_text=_("Bijvoorbeeld een buur of de aanmelder, als het geen gangmaker was."),
    )
    called_on = forms.DateField(
        label=_("Wanneer"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=DATE_INPUT_FORMATS,
        initial=timezone.localdate,
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"), choices=FollowUpOutcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, gangmakers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.gangmakers = {m.user_id: m.user for m in gangmakers}
        self.fields["gangmaker"].choices = [
            ("", _("Iemand anders (vul de naam hieronder in)")),
            *[(m.user_id, m.user.get_full_name() or m.user.first_name) for m in gangmakers],
        ]

    def clean_called_on(self):
        value = self.cleaned_data["called_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Die datum ligt in de toekomst."))
        return value

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("gangmaker")
        cleaned["gangmaker_user"] = self.gangmakers.get(chosen) if chosen else None
        if not chosen and not cleaned.get("contact_name", "").strip():
            self.add_error("contact_name", _("Kies een gangmaker, of vul in met wie u sprak."))
        return cleaned
