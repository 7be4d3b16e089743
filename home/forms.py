"""Spam protection for the public forms without any third-party service.

Two checks a person passes without noticing: a honeypot field that stays empty (hidden from
people, filled by bots), and a signed timestamp that shows the form was on screen for a few
seconds and is not older than a day.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

HONEYPOT_FIELD = "website"
TIMESTAMP_FIELD = "form_started"
MIN_SECONDS_ON_SCREEN = 3
MAX_FORM_AGE = 24 * 60 * 60
_signer = signing.Signer(salt="home.forms.spam")


def start_token(now=None):
    """A signed copy of the moment the form was shown."""
    return _signer.sign(str(int(now if now is not None else time.time())))


class SpamProtectionMixin(forms.Form):
    """Adds the honeypot and the signed start time; both are removed from cleaned_data."""

    min_seconds_on_screen = MIN_SECONDS_ON_SCREEN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Laat dit veld leeg"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=start_token()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(_("Dit formulier kon niet worden verstuurd."), code="spam")
        token = cleaned.pop(TIMESTAMP_FIELD, "")
        try:
            age = time.time() - int(_signer.unsign(token))
        except (signing.BadSignature, ValueError):
            age = None
        if age is None or age > MAX_FORM_AGE:
            # Re-render with a fresh start time, so that sending again works.
            self.data = self.data.copy()
            self.data[self.add_prefix(TIMESTAMP_FIELD)] = start_token()
            raise forms.ValidationError(
                _("Dit formulier is verlopen. Verstuur het nog een keer."), code="expired"
            )
        if age < self.min_seconds_on_screen:
            raise forms.ValidationError(
                _("Dat ging wel erg snel. Controleer het formulier en verstuur het nog een keer."),
                code="too_fast",
            )
        return cleaned

    def visible_fields(self):
        # The template renders the honeypot itself, inside a hidden wrapper.
        return [f for f in super().visible_fields() if f.name != HONEYPOT_FIELD]


class SpamProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("WagtailForm", (SpamProtectionMixin, super().get_form_class()), {})
