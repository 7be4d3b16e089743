"""The public interest form; the honeypot and signed start time come from home.forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectionMixin

from .models import InterestSubmission


class InterestForm(SpamProtectionMixin, forms.ModelForm):
    class Meta:
        model = InterestSubmission
        # Listed one by one: a posted `handled_at` or `handled_by` is ignored.
        fields = ["name", "organisation", "email", "phone", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "name": {"required": _("Vul uw naam in.")},
            "organisation": {"required": _("Vul uw gemeente of organisatie in.")},
            "email": {
                "required": _("Vul uw e-mailadres in, zodat we u kunnen antwoorden."),
                "invalid": _("Dit e-mailadres klopt niet. Bijvoorbeeld: naam@gemeente.nl"),
            },
        }

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not all(ch.isdigit() or ch in " +-()" for ch in phone):
            raise forms.ValidationError(
                _("Een telefoonnummer bestaat uit cijfers, bijvoorbeeld 020 123 45 67.")
            )
        return phone
