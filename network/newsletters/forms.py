from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectionMixin


class SubscribeForm(SpamProtectionMixin, forms.Form):
    """The public subscribe form: an address, a name if they like; protected like the contact
    form (honeypot, signed start time) and limited per address (RATE_LIMITS)."""

    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Uw naam (mag leeg blijven)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())


class PreferenceForm(forms.Form):
    newsletter = forms.IntegerField(widget=forms.HiddenInput)
    receive = forms.BooleanField(required=False)
